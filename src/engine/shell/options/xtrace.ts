import type { ShellFlavor } from '../types';

/** bash's sh_contains_shell_metas (lib/sh/shquote.c): whether a word needs quoting to be reread. */
function hasShellMetas(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (' \t\n\'"\\|&;()<>!{}*[?]^$`'.includes(c)) return true;
    if (c === '~' && (i === 0 || s[i - 1] === '=' || s[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}

/** Control characters other than tab and newline make bash use `$'...'` (ansic_shouldquote). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x01-\x08\x0b-\x1f\x7f]/;

/** bash's ansic_quote: `$'...'` with C escapes, octal for other control bytes. */
function ansiQuote(s: string): string {
  const named: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\x1b': '\\E', "'": "\\'", '\\': '\\\\' };
  let out = "$'";
  for (const c of s) {
    const code = c.charCodeAt(0);
    out += named[c] ?? (code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c);
  }
  return `${out}'`;
}

/**
 * A word as bash shows it in `set -x` traces and `set` listings: as is when it can be reread,
 * else single-quoted (`'a b'`, `'it'\''s'`), `$'\001'` with control characters, `''` when empty.
 */
export function bashQuote(s: string): string {
  if (s === '') return "''";
  if (CONTROL.test(s)) return ansiQuote(s);
  if (!hasShellMetas(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * One `set -x` line: PS4 (default `+ `) with its first character repeated once per level of
 * command substitution (bash; dash and busybox ash print PS4 once), then the words. bash quotes
 * them so they can be reread (`quoted` says they already are); dash prints them bare.
 */
export function traceLine(flavor: ShellFlavor, ps4: string, depth: number, words: string[], quoted = false): string {
  const lead = flavor === 'bash' && ps4 !== '' ? ps4[0]!.repeat(depth) + ps4 : ps4;
  return `${lead}${words.map((w) => (flavor === 'bash' && !quoted ? bashQuote(w) : w)).join(' ')}\n`;
}

/** An assignment as bash traces it: `x=1`, `y='a b'`, `x=` when empty. */
export function traceAssign(flavor: ShellFlavor, name: string, value: string): string {
  return `${name}=${flavor === 'bash' && value !== '' ? bashQuote(value) : value}`;
}
