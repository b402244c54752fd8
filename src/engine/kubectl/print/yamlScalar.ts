/**
 * How go-yaml v2 (behind sigs.k8s.io/yaml, i.e. `kubectl -o yaml`) chooses the style of a
 * string: plain unless it would read back as another type (then double-quoted), single-quoted
 * when plain is not allowed by the emitter's analysis, literal (`|`) when it has line breaks.
 */

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS = new Set('y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF'.split(' '));
const SPECIAL_FLOATS = new Set('.inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN'.split(' '));
const INT_RE = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/;
const FLOAT_RE = /^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf|infinity|nan)$/i;
const TIMESTAMP_RE = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]|\s+)\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?\s*(Z|[-+]\d{1,2}(:\d{2})?)?)?$/;
const BASE60_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when go-yaml's `resolve` would give the plain scalar a non-string tag. */
export function resolvesToNonString(s: string): boolean {
  if (NULLS.has(s) || BOOLS.has(s) || SPECIAL_FLOATS.has(s) || s === '<<') return true;
  const c = s[0];
  if (c !== undefined && '+-.0123456789'.includes(c)) {
    const plain = s.replaceAll('_', '');
    if (INT_RE.test(plain) || FLOAT_RE.test(plain)) return true;
    if (TIMESTAMP_RE.test(s)) return true;
  }
  return BASE60_RE.test(s);
}

const FLOW_BLOCK_FIRST = '#,[]{}&*!|>\'"%@`';

function isBlankOrEnd(s: string, i: number): boolean {
  return i >= s.length || s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r';
}

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (cp === 0x0a || cp === 0x09 || cp === 0x0d) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  return !(cp === 0xfeff || cp === 0xfffe || cp === 0xffff);
}

export interface ScalarAnalysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  multiline: boolean;
}

/** `yaml_emitter_analyze_scalar` for block context. */
export function analyzeScalar(s: string): ScalarAnalysis {
  if (s.length === 0) return { blockPlainAllowed: false, singleQuotedAllowed: true, blockAllowed: false, multiline: false };
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const followed = isBlankOrEnd(s, i + 1);
    if (i === 0) {
      if (FLOW_BLOCK_FIRST.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':') && followed) blockIndicators = true;
      else if (c === '-' && followed) blockIndicators = true;
    } else if (c === ':' && followed) {
      blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    const isBreak = c === '\n' || c === '\r';
    if (isBreak) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === s.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak) {
      if (i === 0) leadingBreak = true;
      if (i === s.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWhitespace = c === ' ' || c === '\t' || isBreak;
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed, multiline: lineBreaks };
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** The style go-yaml v2 ends up using for a string value (`simpleKey` for mapping keys). */
export function stringStyle(s: string, simpleKey = false): ScalarStyle {
  const a = analyzeScalar(s);
  let style: ScalarStyle;
  if (s.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(s)) style = 'plain';
  else style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (s.length === 0 && simpleKey))) style = 'single';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  return style;
}

/** go-yaml's double-quoted escaping (unicode output enabled). */
export function doubleQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (cp === 0) out += '\\0';
    else if (!isPrintable(c) || cp === 0xfeff) out += cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
