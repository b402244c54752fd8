import type { CommandContext, CommandOutcome, Job, StreamContext } from '../types';
import { decodeBytes, encodeBytes } from '../streams/bytes';
import { getopt, usageError } from './getopt';
import { readInputs } from './lines';

/** `env`: prints the exported environment; `env NAME=v... CMD` runs CMD. */
export function env(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const extra: [string, string][] = [];
  while (args.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0]!)) {
    const a = args.shift()!;
    extra.push([a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
  }
  if (args.length > 0) return ctx.exec(args, ctx.stdin);
  const vars = new Map(ctx.env.exported());
  for (const [k, v] of extra) vars.set(k, v);
  for (const [k, v] of vars) ctx.stdout(`${k}=${v}\n`);
  return 0;
}

/** `which NAME...`: the path of each installed command; 1 when any is missing (silently, as Debian's which). */
export function which(ctx: CommandContext): number {
  let code = 0;
  for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const path = ctx.machine.commands.pathOf(name);
    if (path) ctx.stdout(`${path}\n`);
    else code = 1;
  }
  return code;
}

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `sleep N[smhd]...`: waits in virtual time. On the command line the shell advances the clock
 * to the job's wake-up; in the browser the job finishes when the clock gets there.
 */
export function sleep(ctx: CommandContext): CommandOutcome {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return usageError(ctx.stderr, 'sleep', 'missing operand');
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return usageError(ctx.stderr, 'sleep', `invalid time interval ‘${a}’`);
    ms += Number(m[1]) * UNITS[m[2]!]!;
  }
  const until = ctx.now() + Math.round(ms);
  return { exitCode: 0, job: waitUntil(until) };
}

/** A job that finishes (exit 0) once virtual time reaches `until`. */
export function waitUntil(until: number): Job {
  return {
    poll: (now) => (now >= until ? 0 : undefined),
    wakeAt: () => until,
    interrupt: () => {},
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date [+FORMAT]` in virtual time, UTC (nodes and containers run in UTC). */
export function date(ctx: CommandContext): number {
  const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'));
  const bad = ctx.argv.slice(1).find((a) => !a.startsWith('+') && a !== '-u' && a !== '--utc');
  if (bad !== undefined) {
    ctx.stderr(bad.startsWith('-') ? `date: invalid option -- '${bad.slice(1, 2)}'\nTry 'date --help' for more information.\n` : `date: invalid date ‘${bad}’\n`);
    return 1;
  }
  ctx.stdout(`${formatDate(ctx.now(), fmt ? fmt.slice(1) : '%a %b %e %H:%M:%S %Z %Y')}\n`);
  return 0;
}

/** strftime for the conversions people use with `date`. */
export function formatDate(ms: number, fmt: string): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!,
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!,
    h: () => MONTHS[d.getUTCMonth()]!,
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    m: () => p2(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100),
    H: () => p2(d.getUTCHours()),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    N: () => `${String(d.getUTCMilliseconds()).padStart(3, '0')}000000`,
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => map[c]?.() ?? m);
}

export function hostname(ctx: CommandContext): number {
  const flag = ctx.argv[1];
  if (flag === '-i' || flag === '-I') ctx.stdout(`${(ctx.machine.addresses ?? ['127.0.1.1']).join(' ')}${flag === '-I' ? ' ' : ''}\n`);
  else ctx.stdout(`${ctx.machine.hostname}\n`);
  return 0;
}

export function whoami(ctx: CommandContext): number {
  ctx.stdout(`${ctx.machine.user}\n`);
  return 0;
}

export function clear(): CommandOutcome {
  return { exitCode: 0, clear: true };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `base64 [-d] [-w COLS] [FILE]`: the input's bytes in, wrapped at 76 columns like GNU; -d gives the bytes back. */
export function base64(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'di', values: 'w', long: { decode: 'd', 'wrap=': 'w', 'ignore-garbage': 'i' } });
  if (!o.ok) return usageError(ctx.stderr, 'base64', o.message);
  if (o.operands.length > 1) return usageError(ctx.stderr, 'base64', `extra operand ‘${o.operands[1]}’`);
  const { inputs, failed } = readInputs(ctx, 'base64', o.operands);
  if (failed) return 1;
  const text = inputs[0]!.text;
  if (o.opts.has('d')) {
    const clean = o.opts.has('i') ? text.replace(/[^A-Za-z0-9+/=]/g, '') : text.replace(/\n/g, '');
    const bytes = decodeBase64(clean);
    if (!bytes) {
      ctx.stderr('base64: invalid input\n');
      return 1;
    }
    ctx.stdout(decodeBytes(bytes));
    return 0;
  }
  const wrap = Number(o.opts.get('w')?.at(-1) ?? 76);
  const encoded = encodeBase64(encodeBytes(text));
  const lines = wrap > 0 ? (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [encoded];
  ctx.stdout(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return 0;
}

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes UTF-8; bytes that are not valid UTF-8 become U+FFFD, as a terminal would show them. */
export function utf8Decode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const cont = bytes.slice(i + 1, i + len);
    if (len === 0 || cont.length !== len - 1 || cont.some((c) => (c & 0xc0) !== 0x80)) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    for (const c of cont) cp = (cp << 6) | (c & 63);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** UTF-8 text to base64 (jq's `@base64`). */
export function base64Encode(text: string): string {
  return encodeBase64(utf8Encode(text));
}

/** base64 to UTF-8 text (jq's `@base64d`); invalid input decodes as far as it can. */
export function base64Decode(text: string): string {
  return utf8Decode(decodeBase64(text.replace(/[^A-Za-z0-9+/=]/g, '')) ?? []);
}

function encodeBase64(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

function decodeBase64(s: string): number[] | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.replace(/=+$/, '').length % 4 === 1) return undefined;
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of s.replace(/=+$/, '')) {
    buf = (buf << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return out;
}

/** How much `seq` writes at a time: a stdio buffer's worth of lines. */
const SEQ_BLOCK = 4096;

/**
 * `seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST` with integer or decimal steps, written a block at a
 * time, so `seq 1000000 | head -2` makes two lines' worth, not a million.
 */
export function* seq(ctx: StreamContext): Generator<void, number, void> {
  ctx.outputEndless = false;
  const args = [...ctx.argv.slice(1)];
  let sep = '\n';
  let equalWidth = false;
  while (args[0] !== undefined && /^-[sw]/.test(args[0]) && !/^-\d/.test(args[0])) {
    const a = args.shift()!;
    if (a === '-w') equalWidth = true;
    else sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '');
  }
  if (args.length === 0) return usageError(ctx.stderr, 'seq', 'missing operand');
  if (args.length > 3) return usageError(ctx.stderr, 'seq', `extra operand ‘${args[3]}’`);
  const bad = args.find((a) => !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(a));
  if (bad !== undefined) return usageError(ctx.stderr, 'seq', `invalid floating point argument: ‘${bad}’`);
  const nums = args.map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if (step === 0) return usageError(ctx.stderr, 'seq', `invalid Zero increment value: ‘${args[1]}’`);
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.length - a.indexOf('.') - 1 : 0)));
  // -w pads to the widest of the first and last values, as GNU's seq computes it.
  const lastValue = step > 0 ? first + Math.floor((last - first) / step + 1e-9) * step : first - Math.floor((first - last) / -step + 1e-9) * -step;
  const width = Math.max(first.toFixed(decimals).length, lastValue.toFixed(decimals).length);
  let out = '';
  let i = 0;
  for (let v = first; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; i++, v = first + i * step) {
    if (i >= SEQ_MAX_LINES) break;
    const s = v.toFixed(decimals);
    out += `${i > 0 ? sep : ''}${equalWidth ? s.padStart(width, '0') : s}`;
    if (out.length >= SEQ_BLOCK) {
      ctx.stdout(out);
      out = '';
      yield;
    }
  }
  ctx.stdout(i > 0 ? `${out}\n` : out);
  return 0;
}

/** Lines `seq` stops after when read to the end (nothing here can hold more). */
const SEQ_MAX_LINES = 1_000_000;
