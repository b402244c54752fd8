/** One token of a Corefile, with the line it came from (errors cite it). */
export interface Token {
  text: string;
  line: number;
  /** Quoted tokens are never braces, even if their text is `{`. */
  quoted: boolean;
}

/**
 * Splits Corefile text into tokens the way caddyfile's lexer does: whitespace separates,
 * `#` starts a comment to the end of the line, double quotes group (with `\"` escapes), and a
 * backslash before a newline continues the line.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let current = '';
  let tokenLine = 1;
  let quoted = false;
  let inQuotes = false;
  let comment = false;
  const flush = () => {
    if (current.length > 0 || quoted) tokens.push({ text: current, line: tokenLine, quoted });
    current = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (comment) {
      if (ch === '\n') {
        comment = false;
        line++;
      }
      continue;
    }
    if (inQuotes) {
      if (ch === '\\' && text[i + 1] === '"') {
        current += '"';
        i++;
        continue;
      }
      if (ch === '"') {
        inQuotes = false;
        continue;
      }
      if (ch === '\n') line++;
      current += ch;
      continue;
    }
    if (ch === '"' && current.length === 0) {
      inQuotes = true;
      quoted = true;
      tokenLine = line;
      continue;
    }
    if (ch === '\\' && text[i + 1] === '\n') {
      i++;
      line++;
      continue;
    }
    if (ch === '#' && current.length === 0) {
      comment = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      flush();
      if (ch === '\n') line++;
      continue;
    }
    if (current.length === 0) tokenLine = line;
    current += ch;
  }
  flush();
  return tokens;
}
