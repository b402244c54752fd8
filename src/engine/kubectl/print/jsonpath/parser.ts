/**
 * client-go `util/jsonpath/parser.go`, ported function by function so that the same templates
 * parse the same way and fail with the same messages (`unclosed action`, `unterminated array`,
 * `invalid array index ...`, `unrecognized character in action: U+0021 '!'`, ...).
 */
import { newList, type ArrayParam, type ListNode } from './nodes';
import { EOF, formatRune, isAlphaNumeric, isBool, isDigit, isEndOfLine, isTerminator } from './runes';
import { unquoteExtended } from './unquote';


/** A template error, carrying the parser's message verbatim. */
export class JsonPathParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathParseError';
  }
}

const dictKeyRex = /^'([^']*)'$/;
const sliceOperatorRex = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const filterRex = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

class Parser {
  readonly root: ListNode = newList();
  private pos = 0;
  private start = 0;
  private width = 0;
  private readonly runes: string[];

  constructor(input: string) {
    this.runes = [...input];
  }

  private get rest(): string {
    return this.runes.slice(this.pos).join('');
  }

  parse(): void {
    this.parseText(this.root);
  }

  private consumeText(): string {
    const value = this.runes.slice(this.start, this.pos).join('');
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.runes.length) {
      this.width = 0;
      return EOF;
    }
    this.width = 1;
    return this.runes[this.pos++]!;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest.startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    // Iterative form of the recursive Go parser: each branch returns or continues the loop.
    for (;;) {
      const rest = this.rest;
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === ' ') {
        this.consumeText();
      } else if (r === '@' || r === '$') {
        this.consumeText();
      } else if (r === '[') {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === '.') {
        this.parseField(cur);
      } else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathParseError(`unrecognized character in action: ${formatRune(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (isBool(value)) cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    const r = this.peek();
    if (isAlphaNumeric(r)) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: parseInt(value, 10) });
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: parseFloat(value) });
      return;
    }
    throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const strs = text.split(',');
    if (strs.length > 1) {
      const union: ListNode[] = strs.map((s) => parseAction(`[${s.trim()}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }

    const dict = dictKeyRex.exec(text);
    if (dict) {
      const parsed = parseAction(`.${dict[1]}`);
      cur.nodes.push(...parsed.nodes);
      return;
    }

    const m = sliceOperatorRex.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: ArrayParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = value[i]!;
      const p: ArrayParam = { value: 0, known: false, derived: false };
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') {
          p.known = false;
        } else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          p.known = true;
          p.value = parseInt(v, 10);
        }
      } else if (i === 1) {
        p.known = true;
        p.value = params[0]!.value + 1;
        p.derived = true;
      }
      params.push(p);
    }
    cur.nodes.push({ type: 'array', params: params as [ArrayParam, ArrayParam, ArrayParam] });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.runes[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = filterRex.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
    }
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated quoted string');
      if (r === '\\') {
        const n = this.next();
        if (n !== EOF && n !== '\n') continue;
        throw new JsonPathParseError('unterminated quoted string');
      }
      if (r === end) break;
    }
    const value = this.consumeText();
    const s = unquoteExtended(value);
    if (s === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      /* scan to the next unescaped terminator */
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replaceAll('\\', '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** `parseAction`: parses `{action}` and returns the action's list node. */
function parseAction(action: string): ListNode {
  const p = new Parser(`{${action}}`);
  p.parse();
  return p.root.nodes[0] as ListNode;
}

/** Parses a whole template (text with `{...}` actions) into its root list. */
export function parseJsonPath(template: string): ListNode {
  const p = new Parser(template);
  p.parse();
  return p.root;
}
