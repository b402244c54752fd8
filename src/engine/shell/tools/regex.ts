/**
 * POSIX regular expressions (as grep and sed take them) translated to JavaScript RegExp source.
 * Basic (BRE) syntax swaps the meaning of escaped and bare `( ) { } | + ?`; both syntaxes know
 * bracket classes like `[[:digit:]]`.
 */
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  word: 'A-Za-z0-9_',
};

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      const end = findBracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += translateBracket(pattern.slice(i + 1, end));
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += `\\${n}`;
    } else if ('(){}|+?'.includes(c)) {
      out += extended ? c : `\\${c}`;
    } else if (c === '*' && (out === '' || out === '^' || (!extended && out.endsWith('\\(')))) {
      out += '\\*';
    } else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

function findBracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    if (p[i] === ']') return i;
  }
  return -1;
}

function translateBracket(body: string): string {
  let negate = '';
  if (body.startsWith('^')) {
    negate = '^';
    body = body.slice(1);
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      const name = body.slice(i + 2, close);
      if (close > 0 && CLASSES[name]) {
        out += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    out += c === '\\' || c === ']' || c === '[' ? `\\${c}` : c;
  }
  return `[${negate}${out}]`;
}

/** Escapes a fixed string for use inside a RegExp (`grep -F`). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
