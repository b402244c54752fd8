/**
 * The lexer of Go's text/template (src/text/template/parse/lex.go): text, `{{`/`}}` with the
 * `{{- `/` -}}` trim markers, comments, and the tokens inside actions. Errors are the lexer's
 * own words ("unclosed action", "unterminated quoted string"...), reported with their line.
 */

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'leftParen'
  | 'rightParen'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'bool'
  | 'nil'
  | 'char'
  | 'space'
  | 'eof'
  | 'error';

export interface Item {
  type: ItemType;
  val: string;
  /** Byte offset (UTF-16 index here) of the item in the template. */
  pos: number;
}

export const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

const SPACE = /[ \t\r\n]/;
const ALNUM = /[\p{L}\p{Nd}_]/u;
/** A right delimiter with its trim marker: ` -}}` (the space is required). */
const TRIM_RIGHT = /^[ \t\r\n]+-\}\}/;

/** How Go's item.String() shows a token in "unexpected X in Y" errors. */
export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (i.type === 'keyword') return `<${i.val}>`;
  if (i.val.length > 10) return `${JSON.stringify(i.val.slice(0, 10)).slice(0, -1)}..."`;
  return JSON.stringify(i.val);
}

/** The 1-based line of `pos` in `input`. */
export function lineAt(input: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < input.length; i++) if (input[i] === '\n') n++;
  return n;
}

/** Splits a template into items; the last is `eof` or an `error`. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const emit = (type: ItemType, start: number) => items.push({ type, val: input.slice(start, pos), pos: start });
  const fail = (msg: string) => {
    items.push({ type: 'error', val: msg, pos });
    return items;
  };
  const skipSpace = () => {
    while (SPACE.test(input[pos] ?? '')) pos++;
  };

  for (;;) {
    const open = input.indexOf('{{', pos);
    const textEnd = open < 0 ? input.length : open;
    const trimLeft = open >= 0 && /^\{\{-[ \t\r\n]/.test(input.slice(open, open + 4));
    let text = input.slice(pos, textEnd);
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text.length > 0) items.push({ type: 'text', val: text, pos });
    if (open < 0) {
      pos = input.length;
      items.push({ type: 'eof', val: '', pos });
      return items;
    }
    pos = open + (trimLeft ? 3 : 2);
    if (trimLeft) skipSpace();
    // A comment fills the whole action: {{/* ... */}}, with optional trim markers.
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) return fail('unclosed comment');
      pos = close + 2;
      const trimRight = TRIM_RIGHT.test(input.slice(pos));
      if (trimRight) {
        skipSpace();
        pos++;
      }
      if (!input.startsWith('}}', pos)) return fail('comment ends before closing delimiter');
      pos += 2;
      if (trimRight) skipSpace();
      continue;
    }
    items.push({ type: 'leftDelim', val: '{{', pos: open });
    let parenDepth = 0;
    for (;;) {
      const trimRight = TRIM_RIGHT.test(input.slice(pos));
      if (trimRight || input.startsWith('}}', pos)) {
        if (parenDepth > 0) return fail('unclosed left paren');
        if (trimRight) {
          skipSpace();
          pos++;
        }
        items.push({ type: 'rightDelim', val: '}}', pos });
        pos += 2;
        if (trimRight) skipSpace();
        break;
      }
      const c = input[pos];
      if (c === undefined) return fail('unclosed action');
      const start = pos;
      if (SPACE.test(c)) {
        while (SPACE.test(input[pos] ?? '') && !TRIM_RIGHT.test(input.slice(pos))) pos++;
        if (pos > start) emit('space', start);
      } else if (c === '=') {
        pos++;
        emit('assign', start);
      } else if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=');
        pos += 2;
        emit('declare', start);
      } else if (c === '|') {
        pos++;
        emit('pipe', start);
      } else if (c === ',') {
        pos++;
        emit('comma', start);
      } else if (c === '"' || c === "'") {
        pos++;
        for (;;) {
          const d = input[pos];
          if (d === undefined || d === '\n') return fail(c === '"' ? 'unterminated quoted string' : 'unterminated character constant');
          pos++;
          if (d === '\\') {
            if (input[pos] === undefined || input[pos] === '\n') return fail(c === '"' ? 'unterminated quoted string' : 'unterminated character constant');
            pos++;
          } else if (d === c) break;
        }
        emit(c === '"' ? 'string' : 'charConstant', start);
      } else if (c === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string');
        pos = close + 1;
        emit('rawString', start);
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(input[pos + 1] ?? ''))) {
        pos++;
        while (ALNUM.test(input[pos] ?? '')) pos++;
        if (c === '.' && pos === start + 1) emit('dot', start);
        else {
          if (!atTerminator()) return fail(`bad character ${goRune(input[pos]!)}`);
          emit(c === '$' ? 'variable' : 'field', start);
        }
      } else if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?/.exec(input.slice(pos))!;
        pos += Math.max(1, m[0].length);
        if (ALNUM.test(input[pos] ?? '')) {
          pos++;
          return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
        }
        emit('number', start);
      } else if (ALNUM.test(c)) {
        while (ALNUM.test(input[pos] ?? '')) pos++;
        if (!atTerminator()) return fail(`bad character ${goRune(input[pos]!)}`);
        const word = input.slice(start, pos);
        emit(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', start);
      } else if (c === '(') {
        pos++;
        parenDepth++;
        emit('leftParen', start);
      } else if (c === ')') {
        pos++;
        if (--parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen', start);
      } else if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
        pos++;
        emit('char', start);
      } else {
        return fail(`unrecognized character in action: ${goRune(c)}`);
      }
    }
  }

  /** lex.go atTerminator: what may follow an identifier, field or variable. */
  function atTerminator(): boolean {
    const r = input[pos];
    return r === undefined || SPACE.test(r) || '.,|:)('.includes(r) || input.startsWith('}}', pos);
  }
}

/** Go's %#U: U+007D '}'. */
function goRune(c: string): string {
  const cp = c.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
