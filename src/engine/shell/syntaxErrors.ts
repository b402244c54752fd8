/**
 * How each shell words a script it cannot parse. Checked against GNU bash 5.2.15 and dash 0.5.12
 * run on this project's machine; busybox ash from its shell/ash.c (`syntax error: unexpected ...`).
 */
import type { ShellFlavor } from './types';

/** The parser's verdict on a script that does not parse. */
export type SyntaxVerdict = { syntaxError: 'incomplete'; missing?: string } | { syntaxError: 'syntax'; token?: string; expecting?: string };

/** dash's words for the end of input inside an unfinished construct. */
function dashEndOfFile(missing: string | undefined): string {
  if (missing === "'" || missing === '"') return 'Unterminated quoted string';
  if (missing === '`') return 'EOF in backquote substitution';
  if (missing === 'then' || missing === 'fi' || missing === 'do' || missing === 'done' || missing === ')' || missing === '}') return `end of file unexpected (expecting "${missing}")`;
  return 'end of file unexpected';
}

/**
 * The message after the shell's error prefix (`bash: line 2: `, `sh: 1: `, `sh: `), for `text`,
 * the line the error is on. bash quotes that line on a second line when it names a token.
 */
export function syntaxErrorMessage(flavor: ShellFlavor, prefix: string, verdict: SyntaxVerdict, text: string, interactive: boolean): string {
  if (flavor === 'ash') return `${prefix}syntax error: ${verdict.syntaxError === 'incomplete' ? 'unexpected end of file' : `unexpected ${verdict.token === 'newline' ? 'newline' : `"${verdict.token}"`}`}\n`;
  if (flavor === 'dash') {
    if (verdict.syntaxError === 'incomplete') return `${prefix}Syntax error: ${dashEndOfFile(verdict.missing)}\n`;
    const expecting = verdict.expecting ? ` (expecting "${verdict.expecting}")` : '';
    return `${prefix}Syntax error: ${verdict.token === 'newline' ? 'newline' : `"${verdict.token}"`} unexpected${expecting}\n`;
  }
  if (verdict.syntaxError === 'incomplete') return `${prefix}syntax error: unexpected end of file\n`;
  const first = `${prefix}syntax error near unexpected token \`${verdict.token}'\n`;
  return interactive ? first : `${first}${prefix}\`${text}'\n`;
}
