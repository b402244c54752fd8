import { byteLength, headBytes, skipBytes } from '../streams/bytes';
import type { CommandContext } from '../types';
import { getopt, usageError } from './getopt';
import { headOfDevice, joinLines, readInputs, splitLines } from './lines';

/** `-5` is `-n 5` for head and tail. */
export function legacyCount(args: string[]): string[] {
  // Not when it is -n's or -c's own value (`head -c -4`: all but the last 4 bytes).
  return args.map((a, i) => (/^-\d+$/.test(a) && !/^-[nc]$|^--(lines|bytes)$/.test(args[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
}

/** head and tail reading their inputs whole (tail always; head for `-n -N`, all but the last N). */
export function headOrTail(ctx: CommandContext, tool: 'head' | 'tail'): number {
  const o = getopt(legacyCount(ctx.argv.slice(1)), { flags: 'qvf', values: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q' } });
  if (!o.ok) return usageError(ctx.stderr, tool, o.message);
  const bytes = o.opts.has('c');
  const raw = (bytes ? o.opts.get('c') : o.opts.get('n'))?.at(-1) ?? '10';
  const m = /^([+-]?)(\d+)$/.exec(raw);
  if (!m) {
    ctx.stderr(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${raw}’\n`);
    return 1;
  }
  const n = Number(m[2]);
  // `head -c N` / `head -n N` stop reading once they have N: /dev/zero and /dev/urandom end for them.
  const fromDevice = tool === 'head' && m[1] !== '-' ? (path: string) => headOfDevice(ctx, path, bytes ? 'bytes' : 'lines', n) : undefined;
  const { inputs, failed } = readInputs(ctx, tool, o.operands, fromDevice);
  const headers = inputs.length > 1 && !o.opts.has('q');
  inputs.forEach((input, i) => {
    if (headers) ctx.stdout(`${i > 0 ? '\n' : ''}==> ${input.name} <==\n`);
    if (bytes) {
      // Counted in bytes, as the real tools do (a character may be cut in two).
      const t = input.text;
      const size = byteLength(t);
      ctx.stdout(tool === 'head' ? (m[1] === '-' ? headBytes(t, size - n) : headBytes(t, n)) : m[1] === '+' ? skipBytes(t, n - 1) : skipBytes(t, size - n));
      return;
    }
    const lines = input.text.split(/(?<=\n)/);
    let picked: string[];
    if (tool === 'head') picked = m[1] === '-' ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
    else picked = m[1] === '+' ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    ctx.stdout(picked.join(''));
  });
  return failed ? 1 : 0;
}

export const tail = (ctx: CommandContext) => headOrTail(ctx, 'tail');

interface KeySpec {
  startField: number;
  startChar: number;
  endField: number | undefined;
  endChar: number;
  numeric: boolean;
  reverse: boolean;
}

function parseKey(spec: string, numeric: boolean, reverse: boolean): KeySpec | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfgnhMrV]*)(?:,(\d+)(?:\.(\d+))?([bdfgnhMrV]*))?$/.exec(spec);
  if (!m || m[1] === '0') return undefined;
  const opts = `${m[3] ?? ''}${m[6] ?? ''}`;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] === undefined ? undefined : Number(m[4]),
    endChar: Number(m[5] ?? 0),
    numeric: opts.includes('n') || opts.includes('g') || opts.includes('h') || (opts === '' && numeric),
    reverse: opts.includes('r') || (opts === '' && reverse),
  };
}

/** The key text: fields split on `sep` (or on blank-to-nonblank transitions, leading blanks kept, like GNU). */
function extractKey(line: string, key: KeySpec, sep: string | undefined): string {
  const starts: number[] = [];
  if (sep === undefined) {
    for (let i = 0; i < line.length; i++) if (i === 0 || (/[ \t]/.test(line[i - 1]!) && !/[ \t]/.test(line[i]!))) starts.push(i === 0 ? 0 : fieldStartWithBlanks(line, i));
  } else {
    starts.push(0);
    for (let i = 0; i < line.length; i++) if (line[i] === sep) starts.push(i + 1);
  }
  const fieldStart = (f: number) => starts[f - 1] ?? line.length;
  const fieldEnd = (f: number) => (starts[f] === undefined ? line.length : starts[f]! - (sep === undefined ? 0 : 1));
  const from = Math.min(line.length, fieldStart(key.startField) + key.startChar - 1);
  const to = key.endField === undefined ? line.length : key.endChar > 0 ? Math.min(fieldStart(key.endField) + key.endChar, line.length) : fieldEnd(key.endField);
  return line.slice(from, Math.max(from, to));
}

function fieldStartWithBlanks(line: string, nonBlank: number): number {
  let i = nonBlank;
  while (i > 0 && /[ \t]/.test(line[i - 1]!)) i--;
  return i;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numericValue(s: string): number {
  const m = /^\s*([+-]?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** `sort [-nruf] [-k KEY]... [-t SEP] [FILE...]` with C-locale (byte) ordering. */
export function sort(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'nrufbsVh', values: 'ktoS', long: { numeric: 'n', reverse: 'r', unique: 'u', 'key=': 'k', 'field-separator=': 't', 'ignore-case': 'f' } });
  if (!o.ok) return usageError(ctx.stderr, 'sort', o.message, 2);
  const has = (f: string) => o.opts.has(f);
  const sep = o.opts.get('t')?.at(-1);
  if (sep !== undefined && sep.length !== 1) {
    ctx.stderr(`sort: multi-character tab ‘${sep}’\n`);
    return 2;
  }
  const keys: KeySpec[] = [];
  for (const k of o.opts.get('k') ?? []) {
    const key = parseKey(k, has('n') || has('h'), has('r'));
    if (!key) {
      ctx.stderr(`sort: invalid number at field start: invalid count at start of ‘${k}’\n`);
      return 2;
    }
    keys.push(key);
  }
  const inputs: string[] = [];
  for (const name of o.operands.length === 0 ? ['-'] : o.operands) {
    if (name === '-') inputs.push(ctx.stdin);
    else {
      const path = ctx.resolve(name);
      if (!ctx.fs.exists(path) || ctx.fs.isDir(path)) {
        ctx.stderr(ctx.fs.isDir(path) ? `sort: read failed: ${name}: Is a directory\n` : `sort: cannot read: ${name}: No such file or directory\n`);
        return 2;
      }
      inputs.push(ctx.fs.readFile(path));
    }
  }
  const lines = inputs.flatMap(splitLines);
  const fold = (s: string) => (has('f') ? s.toUpperCase() : s);
  const effectiveKeys = keys.length > 0 ? keys : [{ startField: 1, startChar: 1, endField: undefined, endChar: 0, numeric: has('n') || has('h'), reverse: has('r') }];
  const compareKeys = (a: string, b: string) => {
    for (const k of effectiveKeys) {
      const ka = fold(extractKey(a, k, sep));
      const kb = fold(extractKey(b, k, sep));
      const c = k.numeric ? numericValue(ka) - numericValue(kb) || (keys.length === 0 ? 0 : 0) : compareText(ka, kb);
      if (c !== 0) return k.reverse ? -c : c;
    }
    return 0;
  };
  const sorted = [...lines].sort((a, b) => {
    const c = compareKeys(a, b);
    if (c !== 0 || has('u') || has('s')) return c;
    // GNU's last resort: the whole line, bytewise, reversed with -r.
    const whole = compareText(a, b);
    return has('r') ? -whole : whole;
  });
  const out = has('u') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1]!, l) !== 0) : sorted;
  ctx.stdout(joinLines(out));
  return 0;
}

/** `uniq [-c] [-d] [-u] [-i] [INPUT [OUTPUT]]`: adjacent duplicates only, as the real one. */
export function uniq(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (!o.ok) return usageError(ctx.stderr, 'uniq', o.message);
  const { inputs, failed } = readInputs(ctx, 'uniq', o.operands.slice(0, 1));
  if (failed) return 1;
  const norm = (s: string) => (o.opts.has('i') ? s.toLowerCase() : s);
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(inputs[0]!.text)) {
    const last = groups[groups.length - 1];
    if (last && norm(last.line) === norm(line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (o.opts.has('d') && g.count < 2) continue;
    if (o.opts.has('u') && g.count > 1) continue;
    out += o.opts.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`;
  }
  if (o.operands[1] !== undefined) ctx.fs.writeFile(ctx.resolve(o.operands[1]), out);
  else ctx.stdout(out);
  return 0;
}

/** A cut list like `1,3-5,7-` as a membership test on 1-based positions. */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return undefined;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

/** `cut -f LIST [-d SEP] [-s]`, `cut -c LIST`, `cut -b LIST`. */
export function cut(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 's', values: 'fcbd', long: { 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'delimiter=': 'd', 'only-delimited': 's', 'output-delimiter=': 'O' } });
  if (!o.ok) return usageError(ctx.stderr, 'cut', o.message);
  const mode = ['f', 'c', 'b'].filter((f) => o.opts.has(f));
  if (mode.length === 0) return usageError(ctx.stderr, 'cut', 'you must specify a list of bytes, characters, or fields');
  if (mode.length > 1) return usageError(ctx.stderr, 'cut', 'only one list may be specified');
  const listText = o.opts.get(mode[0]!)!.at(-1)!;
  const inList = parseList(listText);
  if (!inList) return usageError(ctx.stderr, 'cut', listText.includes('0') ? 'fields and positions are numbered from 1' : `invalid field value ‘${listText}’`);
  const delim = o.opts.get('d')?.at(-1) ?? '\t';
  if (o.opts.has('d') && mode[0] !== 'f') return usageError(ctx.stderr, 'cut', 'an input delimiter may be specified only when operating on fields');
  if ([...delim].length !== 1) return usageError(ctx.stderr, 'cut', 'the delimiter must be a single character');
  const outDelim = o.opts.get('O')?.at(-1) ?? delim;
  const { inputs, failed } = readInputs(ctx, 'cut', o.operands);
  let out = '';
  for (const line of inputs.flatMap((i) => splitLines(i.text))) {
    if (mode[0] === 'f') {
      if (!line.includes(delim)) {
        if (!o.opts.has('s')) out += `${line}\n`;
        continue;
      }
      out += `${line
        .split(delim)
        .filter((_, i) => inList(i + 1))
        .join(outDelim)}\n`;
    } else
      out += `${[...line].filter((_, i) => inList(i + 1)).join('')}\n`;
  }
  ctx.stdout(out);
  return failed ? 1 : 0;
}
