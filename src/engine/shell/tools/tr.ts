import type { StreamContext } from '../types';
import { getopt, usageError } from './getopt';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper! + CLASSES.lower!;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit!;
CLASSES.xdigit = `${CLASSES.digit}ABCDEFabcdef`;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };

/** Expands a tr SET: escapes, `a-z` ranges, `[:class:]`. */
export function expandSet(set: string): string[] {
  const chars: string[] = [];
  const src = [...set];
  for (let i = 0; i < src.length; i++) {
    let c = src[i]!;
    if (c === '[' && src[i + 1] === ':') {
      const close = set.indexOf(':]', i + 2);
      const name = src.slice(i + 2, close).join('');
      if (close > 0 && CLASSES[name]) {
        chars.push(...CLASSES[name]!);
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i]!;
      const oct = /^[0-7]{1,3}/.exec(src.slice(i, i + 3).join(''));
      if (oct) {
        // A byte above 0x7f on its own is not a character: it stands for the raw byte (see streams/bytes).
        const byte = parseInt(oct[0], 8);
        c = String.fromCharCode(byte >= 0x80 && byte <= 0xff ? 0xdc00 + byte : byte);
        i += oct[0].length - 1;
      } else c = ESCAPES[n] ?? n;
    }
    if (src[i + 1] === '-' && i + 2 < src.length) {
      const end = src[i + 2]!;
      for (let cp = c.codePointAt(0)!; cp <= end.codePointAt(0)!; cp++) chars.push(String.fromCodePoint(cp));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

/** `tr [-d] [-s] [-c] SET1 [SET2]` on stdin, a piece at a time as it comes. */
export function* tr(ctx: StreamContext): Generator<void, number, void> {
  const o = getopt(ctx.argv.slice(1), { flags: 'dscC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } });
  if (!o.ok) return usageError(ctx.stderr, 'tr', o.message);
  const [s1, s2] = o.operands;
  const del = o.opts.has('d');
  const squeeze = o.opts.has('s');
  if (s1 === undefined) return usageError(ctx.stderr, 'tr', 'missing operand');
  if (s2 === undefined && !del && !squeeze) return usageError(ctx.stderr, 'tr', `missing operand after ‘${s1}’\nTwo strings must be given when translating.`);
  if (o.operands.length > (del && !squeeze ? 1 : 2)) return usageError(ctx.stderr, 'tr', `extra operand ‘${o.operands[del && !squeeze ? 1 : 2]}’`);
  const set1 = new Set(expandSet(s1));
  const complement = o.opts.has('c') || o.opts.has('C');
  const inSet1 = (c: string) => set1.has(c) !== complement;
  const list1 = expandSet(s1);
  const list2 = s2 === undefined ? [] : expandSet(s2);
  const map = new Map<string, string>();
  if (!del && list2.length > 0) list1.forEach((c, i) => map.set(c, list2[Math.min(i, list2.length - 1)]!));
  const squeezeSet = new Set(del || s2 === undefined ? list1 : list2);
  let last = '';
  for (let piece = ctx.read(); piece !== undefined; piece = ctx.read()) {
    let out = '';
    for (const c of piece) {
      if (del && inSet1(c)) continue;
      const t = !del && s2 !== undefined ? (complement ? (inSet1(c) ? list2[list2.length - 1]! : c) : (map.get(c) ?? c)) : c;
      if (squeeze && t === last && squeezeSet.has(t)) continue;
      out += t;
      last = t;
    }
    ctx.stdout(out);
    yield;
  }
  return 0;
}
