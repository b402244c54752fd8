/**
 * The functions a kubectl go-template can call: text/template's builtins (funcs.go: and, or,
 * not, len, index, slice, print*, html, js, urlquery, eq/ne/lt/le/gt/ge) and the two kubectl's
 * printer adds (cli-runtime printers/template.go: exists, base64decode). Errors are Go's texts;
 * the executor words them `error calling NAME: ...`.
 */
import { utf8Decode, utf8Encode } from '../../../shell/tools/sysTools';
import { GoFloat, goType, sprint, sprintf, sprintln } from './fmt';

/** A function's arguments are already evaluated; `Box` values are unwrapped before the call. */
export type TemplateFunc = (args: unknown[]) => unknown;

export class FuncError extends Error {}

/** Whether the executor short-circuits this function's arguments (Go 1.18 and/or). */
export const LAZY = new Set(['and', 'or']);

/** truth of a value, as `if` and `not` see it (template.IsTrue). */
export function isTrue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (v instanceof GoFloat) return v.value !== 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v as object).length > 0;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';
function kindOf(v: unknown): Kind {
  if (v === undefined || v === null) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}
const num = (v: unknown) => (v instanceof GoFloat ? v.value : (v as number));

function eq(args: unknown[]): boolean {
  if (args.length < 2) throw new FuncError('missing argument for comparison');
  const [a, ...rest] = args;
  const ka = kindOf(a);
  for (const b of rest) {
    const kb = kindOf(b);
    if (ka !== kb) {
      if (ka !== 'invalid' && kb !== 'invalid') throw new FuncError('incompatible types for comparison');
      continue;
    }
    if (ka === 'other') throw new FuncError(`non-comparable type ${sprint([a])}: ${goType(a)}`);
    if (ka === 'invalid' || (ka === 'float' ? num(a) === num(b) : a === b)) return true;
  }
  return false;
}

function lt(args: unknown[]): boolean {
  if (args.length !== 2) throw new FuncError(`wrong number of args for lt: want 2 got ${args.length}`);
  const [a, b] = args;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'invalid' || ka === 'other' || kb === 'invalid' || kb === 'other') throw new FuncError('invalid type for comparison');
  if (ka !== kb) throw new FuncError('incompatible types for comparison');
  if (ka === 'bool') throw new FuncError('invalid type for comparison');
  return ka === 'float' ? num(a) < num(b) : (a as string | number) < (b as string | number);
}

function indexOf(item: unknown, indices: unknown[], name: 'index' | 'exists'): unknown {
  let v = item;
  for (const i of indices) {
    if (v === undefined || v === null) throw new FuncError('index of untyped nil');
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof i !== 'number') throw new FuncError(i === undefined || i === null ? 'cannot index slice/array with nil' : `cannot index slice/array with type ${goType(i)}`);
      const len = typeof v === 'string' ? utf8Encode(v).length : v.length;
      if (i < 0 || i >= len) throw new FuncError(`index out of range: ${i}`);
      v = typeof v === 'string' ? utf8Encode(v)[i] : v[i];
    } else if (typeof v === 'object' && !(v instanceof GoFloat)) {
      if (typeof i !== 'string') throw new FuncError(i === undefined || i === null ? 'value is nil; should be of type string' : `value has type ${goType(i)}; should be string`);
      v = Object.prototype.hasOwnProperty.call(v, i) ? (v as Record<string, unknown>)[i] : null;
    } else {
      throw new FuncError(`can't index item of type ${goType(v)}`);
    }
  }
  void name;
  return v;
}

/** kubectl's exists: whether `index` would find the element (no error, just false). */
function exists(args: unknown[]): boolean {
  let v = args[0];
  for (const i of args.slice(1)) {
    if (v === undefined || v === null) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof i !== 'number' || i < 0 || i >= v.length) return false;
      v = typeof v === 'string' ? v.charCodeAt(i) : v[i];
    } else if (typeof v === 'object' && !(v instanceof GoFloat)) {
      if (typeof i !== 'string' || !Object.prototype.hasOwnProperty.call(v, i)) return false;
      v = (v as Record<string, unknown>)[i];
    } else return false;
  }
  return true;
}

function length(args: unknown[]): number {
  const [v] = args;
  if (v === null || v === undefined) throw new FuncError(v === null ? 'len of nil pointer' : 'reflect: call of reflect.Value.Type on zero Value');
  if (typeof v === 'string') return utf8Encode(v).length;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && !(v instanceof GoFloat)) return Object.keys(v).length;
  throw new FuncError(`len of type ${goType(v)}`);
}

function slice(args: unknown[]): unknown {
  const [v, ...idx] = args;
  if (v === undefined || v === null) throw new FuncError('slice of untyped nil');
  if (idx.length > 3) throw new FuncError(`too many slice indexes: ${idx.length}`);
  if (typeof v !== 'string' && !Array.isArray(v)) throw new FuncError(`can't slice item of type ${goType(v)}`);
  if (typeof v === 'string' && idx.length === 3) throw new FuncError('cannot 3-index slice a string');
  const len = v.length;
  const n = idx.map((i) => {
    if (typeof i !== 'number') throw new FuncError(`cannot index slice/array with type ${goType(i)}`);
    if (i < 0 || i > len) throw new FuncError(`index out of range: ${i}`);
    return i;
  });
  const lo = n[0] ?? 0;
  const hi = n[1] ?? len;
  if (lo > hi) throw new FuncError(`invalid slice index: ${lo} > ${hi}`);
  return v.slice(lo, hi);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString, with its CorruptInputError offsets (decodeQuantum). */
function goBase64Decode(src: string): number[] {
  const out: number[] = [];
  const corrupt = (at: number) => new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  let si = 0;
  while (si < src.length) {
    const dbuf: number[] = [];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return out;
        throw corrupt(si - j);
      }
      const ch = src[si++]!;
      const v = B64.indexOf(ch);
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=' || j < 2) throw corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== '=') throw corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si < src.length) throw corrupt(si);
      dlen = j;
      break;
    }
    const n = ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0);
    out.push((n >> 16) & 255);
    if (dlen > 2) out.push((n >> 8) & 255);
    if (dlen > 3) out.push(n & 255);
  }
  return out;
}

function base64decode(args: unknown[]): string {
  return utf8Decode(goBase64Decode(String(args[0])));
}

const HTML_ESCAPES: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD' };

/** Builtins by name; `and`/`or` are evaluated lazily by the executor and only reach here when called with values. */
export const FUNCS: Record<string, TemplateFunc> = {
  and: (a) => {
    for (const v of a) if (!isTrue(v)) return v;
    return a[a.length - 1];
  },
  or: (a) => {
    for (const v of a) if (isTrue(v)) return v;
    return a[a.length - 1];
  },
  not: (a) => !isTrue(a[0]),
  len: length,
  index: (a) => indexOf(a[0], a.slice(1), 'index'),
  slice,
  print: (a) => sprint(a),
  printf: (a) => sprintf(String(a[0] ?? ''), a.slice(1)),
  println: (a) => sprintln(a),
  html: (a) => sprint(a).replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c]!),
  js: (a) =>
    sprint(a).replace(/[\\'"<>&=\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)),
  urlquery: (a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  eq,
  ne: (a) => !eq(a),
  lt,
  le: (a) => lt(a) || eq(a),
  gt: (a) => !(lt(a) || eq(a)),
  ge: (a) => !lt(a),
  exists,
  base64decode,
};

/** How many arguments each takes: [fixed, variadic]. Errors: `wrong number of args for NAME: want N got M`. */
export const ARITY: Record<string, [number, boolean]> = {
  and: [1, true],
  or: [1, true],
  not: [1, false],
  len: [1, false],
  index: [1, true],
  slice: [1, true],
  print: [0, true],
  printf: [1, true],
  println: [0, true],
  html: [0, true],
  js: [0, true],
  urlquery: [0, true],
  eq: [1, true],
  ne: [2, false],
  lt: [2, false],
  le: [2, false],
  gt: [2, false],
  ge: [2, false],
  exists: [1, true],
  base64decode: [1, false],
};
