import { utf8Encode } from '../../../shell/tools/sysTools';

/**
 * Go's fmt for the values a template sees (kubectl decodes objects with apimachinery's
 * util/json: integers are int64, other numbers float64): %v's default formats, and Sprintf
 * with its verbs, flags, width and precision, and its `%!verb(type=value)` complaints.
 */

/** A float64 (JSON numbers with a fraction, template constants like 1.5). Integers are plain numbers (int64 / int). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** Go's type name of a value, as %T and error messages print it. */
export function goType(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoFloat) return 'float64';
  if (typeof v === 'number') return 'int64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** strconv.FormatFloat(f, fmt, prec, 64) for 'e', 'f', 'g' (prec -1: shortest). */
export function formatFloat(f: number, verb: 'e' | 'f' | 'g', prec: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (verb === 'f') return prec < 0 ? shortestFixed(f) : f.toFixed(prec);
  if (verb === 'e') return goExp(prec < 0 ? f.toExponential() : f.toExponential(prec));
  // %g: the shortest digits, %e when the exponent is < -4 or >= the precision (6 for shortest).
  const digits = prec < 0 ? f.toExponential() : f.toExponential(Math.max(prec, 1) - 1);
  const exp = Number(digits.slice(digits.indexOf('e') + 1));
  const eprec = prec < 0 ? 6 : Math.max(prec, 1);
  if (exp < -4 || exp >= eprec) {
    const [m, e] = digits.split('e') as [string, string];
    return goExp(`${prec < 0 ? m : m.replace(/\.?0+$/, '')}e${e}`);
  }
  const fixed = Number(digits).toFixed(Math.max(0, (digits.split('e')[0]!.split('.')[1]?.length ?? 0) - exp));
  return prec < 0 ? fixed : fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function shortestFixed(f: number): string {
  const s = f.toExponential();
  const exp = Number(s.slice(s.indexOf('e') + 1));
  const decimals = (s.split('e')[0]!.split('.')[1]?.length ?? 0) - exp;
  return f.toFixed(Math.max(0, Math.min(100, decimals)));
}

/** JS `1.5e+6` → Go `1.5e+06` (at least two exponent digits). */
function goExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** fmt.Sprint of one value (%v). */
export function sprintValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoFloat) return formatFloat(v.value, 'g', -1);
  if (Array.isArray(v)) return `[${v.map(sprintValue).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${sprintValue(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

/** fmt.Sprint(args...): spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** fmt.Sprintln: always spaces, and a newline. */
export function sprintln(args: unknown[]): string {
  return `${args.map(sprintValue).join(' ')}\n`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

/** fmt.Sprintf with Go's verbs for strings, ints, floats, bools, slices and maps. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (i++; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = !spec.minus;
      else break;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return typeof a === 'number' ? a : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    const w = num();
    if (w !== undefined) spec.width = w;
    if (format[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, args[argi++], spec);
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${goType(a)}=${sprintValue(a)}`).join(', ')})`;
  return out;
}

function pad(s: string, spec: Spec, numeric = false): string {
  if (spec.width === undefined || [...s].length >= spec.width) return s;
  const fill = spec.width - [...s].length;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  // Go pads strings with zeros too when the 0 flag is given.
  return (spec.zero && !numeric ? '0' : ' ').repeat(fill) + s;
}

function bad(verb: string, v: unknown): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goType(v)}=${sprintValue(v)})`;
}

function signed(s: string, negative: boolean, spec: Spec): string {
  return negative ? `-${s}` : spec.plus ? `+${s}` : spec.space ? ` ${s}` : s;
}

function formatOne(verb: string, v: unknown, spec: Spec): string {
  if (verb === 'T') return pad(goType(v), spec);
  if (verb === 'v' && !(v instanceof GoFloat) && typeof v !== 'number') return pad(spec.sharp ? goSyntaxV(v) : sprintValue(v), spec);
  if (Array.isArray(v) && verb !== 'v') return `[${v.map((x) => formatOne(verb, x, { ...spec, width: undefined } as Spec)).join(' ')}]`;
  if (typeof v === 'number') return formatInt(verb, v, spec);
  if (v instanceof GoFloat) return formatFloatVerb(verb, v.value, spec);
  if (typeof v === 'string') {
    const s = spec.prec !== undefined ? [...v].slice(0, spec.prec).join('') : v;
    switch (verb) {
      case 's':
        return pad(s, spec);
      case 'q':
        return pad(spec.sharp && !s.includes('`') ? `\`${s}\`` : goQuote(s), spec);
      case 'x':
      case 'X': {
        const hex = utf8Encode(s).map((b) => b.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
        return pad(verb === 'X' ? hex.toUpperCase() : hex, spec);
      }
    }
    return bad(verb, v);
  }
  if (typeof v === 'boolean') return verb === 't' ? pad(String(v), spec) : bad(verb, v);
  if (v === null || v === undefined) return verb === 'v' || verb === 's' ? pad('<nil>', spec) : bad(verb, v);
  if (verb === 's' || verb === 'q' || verb === 'd') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${formatOne(verb, k, { ...spec, width: undefined } as Spec)}:${formatOne(verb, o[k], { ...spec, width: undefined } as Spec)}`)
      .join(' ')}]`;
  }
  return bad(verb, v);
}

function formatInt(verb: string, n: number, spec: Spec): string {
  const abs = Math.abs(n);
  switch (verb) {
    case 'v':
    case 'd':
      return pad(signed(intDigits(abs, 10, spec.prec), n < 0, spec), spec, spec.prec === undefined);
    case 'b':
      return pad(signed(intDigits(abs, 2, spec.prec), n < 0, spec), spec, true);
    case 'o':
      return pad(signed((spec.sharp ? '0' : '') + intDigits(abs, 8, spec.prec), n < 0, spec), spec, true);
    case 'O':
      return pad(signed(`0o${intDigits(abs, 8, spec.prec)}`, n < 0, spec), spec, true);
    case 'x':
    case 'X': {
      const s = (spec.sharp ? '0x' : '') + intDigits(abs, 16, spec.prec);
      return pad(signed(verb === 'X' ? s.toUpperCase() : s, n < 0, spec), spec, true);
    }
    case 'c':
      return pad(String.fromCodePoint(n), spec);
    case 'q':
      return pad(`'${String.fromCodePoint(n)}'`, spec);
    case 'U':
      return pad(`U+${n.toString(16).toUpperCase().padStart(4, '0')}`, spec);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return bad(verb, n);
  }
  return bad(verb, n);
}

function intDigits(n: number, base: number, prec: number | undefined): string {
  const s = n.toString(base);
  if (prec === 0 && n === 0) return '';
  return prec !== undefined ? s.padStart(prec, '0') : s;
}

function formatFloatVerb(verb: string, f: number, spec: Spec): string {
  let s: string;
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      s = formatFloat(Math.abs(f), 'g', spec.prec ?? -1);
      break;
    case 'e':
    case 'E':
      s = formatFloat(Math.abs(f), 'e', spec.prec ?? 6);
      break;
    case 'f':
    case 'F':
      s = formatFloat(Math.abs(f), 'f', spec.prec ?? 6);
      break;
    default:
      return bad(verb, new GoFloat(f));
  }
  if (verb === 'E' || verb === 'G') s = s.toUpperCase();
  return pad(signed(s, f < 0 || Object.is(f, -0), spec), spec, true);
}

/** strconv.Quote: Go's escapes, non-printable runes as \x/\u. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %#v of decoded JSON. */
function goSyntaxV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntaxV).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[string]interface {}{${Object.keys(o)
      .sort()
      .map((k) => `${goQuote(k)}:${goSyntaxV(o[k])}`)
      .join(', ')}}`;
  }
  return String(v);
}
