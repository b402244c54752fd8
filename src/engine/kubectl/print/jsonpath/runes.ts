/** Character classes of client-go's jsonpath lexer (parser.go). */

/** What `next()` returns past the end of the input. */
export const EOF = '';

function isSpace(r: string): boolean {
  return r === ' ' || r === '\t';
}
export function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n';
}
export function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || '.,[]$@{}'.includes(r);
}
export function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}
export function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}
export function isBool(s: string): boolean {
  return s === 'true' || s === 'false';
}

/** Go's `%#U` for a rune: `U+0021 '!'`. */
export function formatRune(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

