/**
 * `od`, coreutils' od.c (busybox's od is a port of it): -A -j -N -t -v -w and the traditional
 * -a -b -c -d -i -l -o -s -x. Formats blocks as its input comes, so `od -c < /dev/zero` prints
 * one line, `*`, and runs on, and `cat /dev/urandom | od -An -tx1 -N8` stops its writer.
 */
import { encodeBytes } from '../streams/bytes';
import { DEVICE_BLOCK } from '../streams/streamCommand';
import type { StreamContext } from '../types';
import { STRERROR, VfsError } from '../vfs/Vfs';
import { getopt, usageError } from './getopt';
import { isStdinLink } from './lines';

interface Spec {
  kind: 'd' | 'o' | 'u' | 'x' | 'a' | 'c';
  size: number;
  /** Digits of the widest value, without the leading space. */
  width: number;
  trailer: boolean;
  pad: number;
}

const OCT = [0, 3, 6, 8, 11, 14, 16, 19, 22];
const SIGNED = [1, 4, 6, 8, 11, 13, 16, 18, 20];
const UNSIGNED = [0, 3, 5, 8, 10, 13, 15, 17, 20];
const HEX = [0, 2, 4, 6, 8, 10, 12, 14, 16];
const NAMED = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
const ESCAPED: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
const SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };
const TRADITIONAL: Record<string, string> = { a: 'a', b: 'o1', c: 'c', d: 'u2', D: 'u4', i: 'dI', l: 'dL', o: 'o2', O: 'o4', s: 'd2', x: 'x2', H: 'x4', X: 'x4', h: 'x2', B: 'o2', I: 'dL', L: 'dL' };

/** Decodes a -t TYPE string into specs, or the error od prints. */
function decodeFormat(type: string): Spec[] | string {
  const specs: Spec[] = [];
  for (let s = type; s !== ''; ) {
    const kind = s[0]!;
    let size = 1;
    s = s.slice(1);
    if ('doux'.includes(kind)) {
      const m = /^([CSIL]|\d*)/.exec(s)![0];
      size = m === '' ? 4 : (SIZES[m] ?? Number(m));
      if (![1, 2, 4, 8].includes(size)) return `invalid type string ‘${type}’;\nthis system doesn't provide a ${size}-byte integral type`;
      s = s.slice(m.length);
    } else if (kind !== 'a' && kind !== 'c') return `invalid character '${kind}' in type string ‘${type}’`;
    const width = kind === 'a' || kind === 'c' ? 3 : (kind === 'o' ? OCT : kind === 'd' ? SIGNED : kind === 'u' ? UNSIGNED : HEX)[size]!;
    const trailer = s.startsWith('z');
    if (trailer) s = s.slice(1);
    specs.push({ kind: kind as Spec['kind'], size, width, trailer, pad: 0 });
  }
  return specs;
}

/** xstrtoumax with base 0 and od's multipliers: 0x hex, 0 octal, b=512, K=1024, KB=1000... */
function parseBytes(text: string): number | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(b|[KMGT](?:iB|B)?|k)?$/.exec(text);
  if (!m) return undefined;
  const n = /^0[xX]/.test(m[1]!) ? parseInt(m[1]!.slice(2), 16) : m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix === '') return n;
  if (suffix === 'b') return n * 512;
  const power = 'KMGT'.indexOf(suffix[0]!.toUpperCase()) + 1;
  return n * (suffix.endsWith('B') && !suffix.endsWith('iB') ? 1000 : 1024) ** power;
}

function field(spec: Spec, bytes: Uint8Array, at: number): string {
  const b = bytes[at]!;
  if (spec.kind === 'c') return ESCAPED[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
  if (spec.kind === 'a') {
    const c = b & 0x7f;
    return c === 127 ? 'del' : c <= 32 ? NAMED[c]! : String.fromCharCode(c);
  }
  let v = 0n;
  for (let k = spec.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k]!);
  if (spec.kind === 'd' && v >= 1n << BigInt(spec.size * 8 - 1)) v -= 1n << BigInt(spec.size * 8);
  if (spec.kind === 'o') return v.toString(8).padStart(spec.width, '0');
  if (spec.kind === 'x') return v.toString(16).padStart(spec.width, '0');
  return v.toString();
}

/** The -t TYPEs and traditional format options in command-line order (they accumulate in it). */
function formatsInOrder(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('--format=')) out.push(a.slice(9));
    else if (a === '--format') out.push(args[++i] ?? '');
    else if (/^-[^-]/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if ('AjNtw'.includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (c === 't' && value !== undefined) out.push(value);
          break;
        }
        if (TRADITIONAL[c]) out.push(TRADITIONAL[c]);
      }
    }
  }
  return out;
}

/** One block (a line per spec) as write_block prints it. */
function formatBlock(specs: Spec[], perBlock: number, block: Uint8Array, n: number, address: string, addressWidth: number): string {
  let out = '';
  specs.forEach((spec, i) => {
    const fields = perBlock / spec.size;
    const blank = Math.floor((perBlock - n) / spec.size);
    out += i === 0 ? address : ' '.repeat(addressWidth);
    let padLeft = spec.pad;
    for (let f = fields, at = 0; f > blank; f--, at += spec.size) {
      const next = Math.floor((spec.pad * (f - 1)) / fields);
      out += field(spec, block, at).padStart(padLeft - next + spec.width);
      padLeft = next;
    }
    if (spec.trailer) {
      out += ' '.repeat(blank * spec.width + Math.floor((spec.pad * blank) / fields));
      out += `  >${Array.from(block.subarray(0, n), (c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.')).join('')}<`;
    }
    out += '\n';
  });
  return out;
}

export function* od(ctx: StreamContext): Generator<void, number, void> {
  // -w alone means 32 (an optional argument, which getopt takes only attached).
  const args = ctx.argv.slice(1).map((a) => (a === '-w' || a === '--width' ? '-w32' : a));
  const o = getopt(args, { flags: 'abcdDfhHiIlLoOsBvxX', values: 'AjNtw', long: { 'address-radix=': 'A', 'skip-bytes=': 'j', 'read-bytes=': 'N', 'format=': 't', 'output-duplicates': 'v' } });
  if (!o.ok) return usageError(ctx.stderr, 'od', o.message);
  const specs: Spec[] = [];
  for (const type of formatsInOrder(args)) {
    const decoded = decodeFormat(type);
    if (typeof decoded === 'string') {
      ctx.stderr(`od: ${decoded}\n`);
      return 1;
    }
    specs.push(...decoded);
  }
  if (specs.length === 0) specs.push(...(decodeFormat('oS') as Spec[]));
  const radix = o.opts.get('A')?.at(-1) ?? 'o';
  if (!'doxn'.includes(radix[0] ?? '')) {
    ctx.stderr(`od: invalid output address radix '${radix[0] ?? ''}'; it must be one character from [doxn]\n`);
    return 1;
  }
  const base = radix[0] === 'd' ? 10 : radix[0] === 'x' ? 16 : 8;
  const addressWidth = radix[0] === 'n' ? 0 : radix[0] === 'x' ? 6 : 7;
  const address = (n: number) => (addressWidth === 0 ? '' : n.toString(base).padStart(addressWidth, '0'));
  const numbers: Record<string, number | undefined> = {};
  for (const flag of ['j', 'N', 'w']) {
    const raw = o.opts.get(flag)?.at(-1);
    if (raw === undefined) continue;
    const n = parseBytes(raw);
    if (n === undefined || (flag === 'w' && n === 0)) {
      ctx.stderr(`od: invalid -${flag} argument '${raw}'\n`);
      return 1;
    }
    numbers[flag] = n;
  }
  const lcm = specs.reduce((l, s) => (l % s.size === 0 ? l : s.size % l === 0 ? s.size : l * s.size), 1);
  let perBlock = lcm < 16 ? lcm * Math.floor(16 / lcm) : lcm;
  if (numbers.w !== undefined) {
    if (numbers.w % lcm === 0) perBlock = numbers.w;
    else {
      ctx.stderr(`od: warning: invalid width ${numbers.w}; using ${lcm} instead\n`);
      perBlock = lcm;
    }
  }
  const lineWidth = Math.max(...specs.map((s) => (s.width + 1) * (perBlock / s.size)));
  for (const s of specs) s.pad = lineWidth - s.width * (perBlock / s.size);

  const names = o.operands.length === 0 ? ['-'] : o.operands;
  const fromStdin = (name: string) => name === '-' || isStdinLink(ctx, name);
  // Bounded by -N; endless with an endless device; with stdin, as endless as stdin is (the default).
  if (numbers.N !== undefined || !names.some((name) => fromStdin(name) || ctx.fs.isEndless(ctx.resolve(name)))) ctx.outputEndless = false;
  else if (names.some((name) => !fromStdin(name) && ctx.fs.isEndless(ctx.resolve(name)))) ctx.outputEndless = true;
  let skip = numbers.j ?? 0;
  let left = numbers.N ?? Infinity;
  let offset = skip;
  let pending = new Uint8Array(0);
  let prev: Uint8Array | undefined;
  let starred = false;
  const abbreviate = !o.opts.has('v');
  const emit = (bytes: Uint8Array): string => {
    let out = '';
    const all = new Uint8Array(pending.length + bytes.length);
    all.set(pending);
    all.set(bytes, pending.length);
    let at = 0;
    for (; at + perBlock <= all.length; at += perBlock) {
      const block = all.subarray(at, at + perBlock);
      if (abbreviate && prev && block.every((b, k) => b === prev![k])) {
        if (!starred) out += '*\n';
        starred = true;
      } else {
        starred = false;
        out += formatBlock(specs, perBlock, block, perBlock, address(offset), addressWidth);
      }
      prev = block.slice();
      offset += perBlock;
    }
    pending = all.slice(at);
    return out;
  };
  const take = (text: string): Uint8Array => {
    let bytes = encodeBytes(text);
    if (skip > 0) {
      const skipped = Math.min(skip, bytes.length);
      skip -= skipped;
      bytes = bytes.subarray(skipped);
    }
    if (bytes.length > left) bytes = bytes.subarray(0, left);
    left -= bytes.length;
    return bytes;
  };
  let code = 0;
  // When no input could be opened at all, od dumps nothing, not even the final address.
  let opened = false;
  for (const name of names) {
    if (left <= 0) break;
    if (fromStdin(name)) {
      opened = true;
      for (let piece = ctx.read(); piece !== undefined && left > 0; piece = left > 0 ? ctx.read() : undefined) {
        ctx.stdout(emit(take(piece)));
        yield;
      }
      continue;
    }
    const path = ctx.resolve(name);
    try {
      if (!ctx.fs.exists(path)) throw new VfsError('ENOENT', path);
      opened = true;
      if (ctx.fs.isEndless(path)) {
        while (left > 0) {
          ctx.stdout(emit(take(ctx.fs.readFile(path, Math.min(DEVICE_BLOCK, left + skip)))));
          yield;
        }
      } else ctx.stdout(emit(take(ctx.fs.readFile(path))));
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`od: ${name}: ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  if (skip > 0) {
    ctx.stderr('od: cannot skip past end of combined input\n');
    return 1;
  }
  if (!opened) return code;
  let out = '';
  if (pending.length > 0) {
    const padded = new Uint8Array(Math.ceil(pending.length / lcm) * lcm);
    padded.set(pending);
    out += formatBlock(specs, perBlock, padded, pending.length, address(offset), addressWidth);
    offset += pending.length;
  }
  if (addressWidth > 0) out += `${address(offset)}\n`;
  ctx.stdout(out);
  return code;
}
