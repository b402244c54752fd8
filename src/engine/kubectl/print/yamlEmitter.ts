/**
 * `kubectl -o yaml`: sigs.k8s.io/yaml renders through JSON into go-yaml v2, so mapping keys are
 * sorted (go-yaml's key order), sequences are not indented under their key, strings are quoted
 * only when they must be, and long scalars are folded after column 80 like go-yaml's emitter.
 */
import { doubleQuote, stringStyle } from './yamlScalar';

/** go-yaml's `best_width`: scalars are folded at a space once the line passes this column. */
const BEST_WIDTH = 80;

function sp(n: number): string {
  return ' '.repeat(n);
}

function isLetter(c: string): boolean {
  return /^\p{L}$/u.test(c);
}
function isDigit(c: string): boolean {
  return /^\p{Nd}$/u.test(c);
}

/** go-yaml v2 `keyList.Less` for string keys: letters after other runes, digit runs numeric. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

function sortedYamlKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

/** strconv.FormatFloat(f, 'g', -1, 64) with go-yaml's names for the special values. */
function formatFloat(f: number): string {
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (Number.isNaN(f)) return '.nan';
  if (Number.isInteger(f)) return String(f);
  const [mant, expStr] = f.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** Writes text starting at `col`, breaking at a single space once past BEST_WIDTH. */
function fold(tokens: string[], col: number, indent: number, quoted: boolean): string {
  let out = '';
  let spaces = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === ' ') {
      const inner = !quoted || (i > 0 && i < tokens.length - 1);
      if (!spaces && col > BEST_WIDTH && inner && tokens[i + 1] !== ' ') {
        out += `\n${sp(indent)}`;
        col = indent;
      } else {
        out += t;
        col += 1;
      }
      spaces = true;
    } else {
      out += t;
      col += [...t].length;
      spaces = false;
    }
  }
  return out;
}

/** A literal block scalar: header with go-yaml's indentation and chomping hints, then lines. */
function literal(s: string, indent: number): string {
  let hints = '|';
  if (s[0] === ' ' || s[0] === '\n') hints += '2';
  if (!s.endsWith('\n')) hints += '-';
  else if (s.length === 1 || s[s.length - 2] === '\n') hints += '+';
  const lines = s.split('\n');
  if (s.endsWith('\n')) lines.pop();
  return `${hints}\n${lines.map((l) => (l === '' ? '' : sp(indent) + l)).join('\n')}`;
}

/** A scalar as it appears after `key: ` or `- ` at column `col`; continuation lines at `indent`. */
function scalar(v: unknown, col: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatFloat(v);
  const s = String(v);
  switch (stringStyle(s)) {
    case 'plain':
      return fold([...s], col, indent, false);
    case 'single':
      return `'${fold([...s.replaceAll("'", "''")], col + 1, indent, true)}'`;
    case 'double':
      return `"${fold(tokenizeEscaped(doubleQuote(s).slice(1, -1)), col + 1, indent, true)}"`;
    case 'literal':
      return literal(s, indent);
  }
}

/** Splits an escaped double-quoted body into units, keeping `\x` escapes whole. */
function tokenizeEscaped(body: string): string[] {
  const out: string[] = [];
  const chars = [...body];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\') {
      const n = chars[i + 1] ?? '';
      const len = n === 'x' ? 3 : n === 'u' ? 5 : 1;
      out.push(chars.slice(i, i + 1 + len).join(''));
      i += len;
    } else {
      out.push(chars[i]!);
    }
  }
  return out;
}

function key(k: string): string {
  switch (stringStyle(k, true)) {
    case 'plain':
      return k;
    case 'single':
      return `'${k.replaceAll("'", "''")}'`;
    default:
      return doubleQuote(k);
  }
}

function isEmptyCollection(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && sortedYamlKeys(v as Record<string, unknown>).length === 0;
}

function mapping(o: Record<string, unknown>, indent: number): string {
  let out = '';
  for (const k of sortedYamlKeys(o)) {
    const v = o[k];
    const head = `${sp(indent)}${key(k)}:`;
    if (Array.isArray(v) && v.length > 0) out += `${head}\n${sequence(v, indent)}`;
    else if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) out += `${head}\n${mapping(v as Record<string, unknown>, indent + 2)}`;
    else out += `${head} ${node(v, [...head].length + 1, indent + 2)}\n`;
  }
  return out;
}

function sequence(a: unknown[], indent: number): string {
  let out = '';
  for (const v of a) {
    if (Array.isArray(v) && v.length > 0) out += `${sp(indent)}- ${sequence(v, indent + 2).slice(indent + 2)}`;
    else if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) out += `${sp(indent)}- ${mapping(v as Record<string, unknown>, indent + 2).slice(indent + 2)}`;
    else out += `${sp(indent)}- ${node(v, indent + 2, indent + 2)}\n`;
  }
  return out;
}

function node(v: unknown, col: number, indent: number): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  return scalar(v, col, indent);
}

/** `yaml.Marshal` of a JSON value as kubectl prints it (`-o yaml`). */
export function toYaml(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : sequence(value, 0);
  if (value !== null && typeof value === 'object') return isEmptyCollection(value) ? '{}\n' : mapping(value as Record<string, unknown>, 0);
  return `${scalar(value, 0, 2)}\n`;
}
