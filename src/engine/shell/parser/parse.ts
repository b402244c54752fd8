import { byteChar, joinBytes } from '../streams/bytes';
import type { AndOr, CommandNode, ForCommand, IfCommand, ListItem, LoopCommand, Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word, WordPart } from './ast';

/**
 * The outcome of parsing: a script, a syntax error (`token` is what bash names in
 * "syntax error near unexpected token"), or input that is not finished yet (an open quote,
 * heredoc, `$(`, or a trailing `|`/`&&`), which an interactive shell answers with its PS2 prompt.
 */
export type ParseResult =
  | { ok: true; script: Script }
  | { ok: false; kind: 'syntax'; token: string; expecting?: string }
  | { ok: false; kind: 'incomplete'; missing: string }
  | { ok: false; kind: 'too-deep' }
  | { ok: false; kind: 'bad-substitution'; text: string };

/** Deeper `$( $( ... ) )` nesting than this is refused instead of exhausting the JS stack. */
export const MAX_NESTING = 200;

/** What ends a nested list: `)` of a subshell, `}` of a group, or reserved words (`done`, `fi`, ...). */
type Terminator = ')' | '}' | string[] | undefined;

class Incomplete {
  constructor(readonly missing: string) {}
}
class SyntaxErr {
  /** The word the enclosing construct wanted instead (dash says `(expecting "then")`). */
  expecting?: string;
  constructor(readonly token: string) {}
}

/** Tokens that end a list: met where a construct wants its next word, dash names what it expected. */
const LIST_ENDERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'in', ')', '}', ';;']);
class TooDeep {}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_RUN = /[^\s;&|()<>'"\\$`]+/y;

/** Parses a complete command line (possibly several lines) into a {@link Script}. */
export function parse(src: string): ParseResult {
  const p = new Parser(src, 0);
  try {
    const script = p.parseScript(undefined);
    return { ok: true, script };
  } catch (e) {
    if (e instanceof Incomplete) return { ok: false, kind: 'incomplete', missing: e.missing };
    if (e instanceof SyntaxErr) return { ok: false, kind: 'syntax', token: e.token, ...(e.expecting ? { expecting: e.expecting } : {}) };
    if (e instanceof TooDeep || e instanceof RangeError) return { ok: false, kind: 'too-deep' };
    if (e instanceof BadSubstitution) return { ok: false, kind: 'bad-substitution', text: `\${${e.body}}` };
    throw e;
  }
}

/** Parses the body of an unquoted heredoc: `$VAR`, `$(...)` and backquotes expand, nothing splits. */
function parseHeredocBody(body: string, depth: number): Word {
  const p = new Parser(body, depth);
  return p.parseQuotedText(undefined, 'heredoc');
}

class Parser {
  pos = 0;
  private pending: Redirect[] = [];
  /** Inside `${VAR:-...}` blanks and operators are ordinary characters. */
  braceArg = false;

  constructor(
    private readonly src: string,
    private readonly depth: number,
  ) {
    if (depth > MAX_NESTING) throw new TooDeep();
  }

  private lineCache = { pos: 0, line: 1 };

  /** The 1-based line of `pos`, counted on from the last position asked about (commands come in order). */
  private lineAt(pos: number): number {
    let { pos: at, line } = this.lineCache;
    if (pos < at) {
      at = 0;
      line = 1;
    }
    for (; at < pos; at++) if (this.src.charCodeAt(at) === 10) line++;
    this.lineCache = { pos, line };
    return line;
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** Consumes one newline and then the bodies of any heredocs started on that line. */
  private consumeNewline(): void {
    this.pos++;
    const pending = this.pending;
    this.pending = [];
    for (const r of pending) this.readHeredoc(r);
  }

  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') this.consumeNewline();
      else return;
    }
  }

  /** The operator at the cursor, as bash names it in syntax errors. */
  private tokenHere(): string {
    if (this.pos >= this.src.length) return 'newline';
    for (const op of [';;&', ';;', ';&', '&&', '||', '|&', '&>>', '&>', '>>', '<<<', '<<', '>&', '<&', '>|']) if (this.startsWith(op)) return op;
    const c = this.peek();
    if (c === '\n') return 'newline';
    return c;
  }

  private atGroupEnd(): boolean {
    return this.peek() === '}' && (this.pos + 1 >= this.src.length || META.has(this.peek(1)));
  }

  /** The reserved word at the cursor (`then`, `done`, ...), if the next word is one. */
  private reservedHere(): string | undefined {
    const m = /^(if|then|elif|else|fi|while|until|for|do|done|in)(?=$|[\s;&|()<>])/.exec(this.src.slice(this.pos, this.pos + 6));
    return m?.[1];
  }

  private atTerminator(terminator: Terminator): boolean {
    if (terminator === ')') return this.peek() === ')';
    if (terminator === '}') return this.atGroupEnd();
    if (Array.isArray(terminator)) return terminator.includes(this.reservedHere() ?? '');
    return false;
  }

  parseScript(terminator: Terminator): Script {
    try {
      return this.parseList(terminator);
    } catch (e) {
      if (e instanceof SyntaxErr && terminator && e.expecting === undefined && LIST_ENDERS.has(e.token)) e.expecting = Array.isArray(terminator) ? terminator[terminator.length - 1]! : terminator;
      throw e;
    }
  }

  private parseList(terminator: Terminator): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) {
        if (Array.isArray(terminator)) throw new Incomplete(terminator[terminator.length - 1]!);
        if (terminator) throw new Incomplete(terminator);
        if (this.pending.length > 0) throw new Incomplete('heredoc');
        return items;
      }
      if (this.atTerminator(terminator)) return items;
      const start = this.pos;
      const andOr = this.parseAndOr();
      const text = this.src.slice(start, this.pos).trim();
      this.skipBlanks();
      let background = false;
      if (this.startsWith(';;')) throw new SyntaxErr(this.tokenHere());
      const c = this.peek();
      if (c === ';') this.pos++;
      else if (c === '&' && !this.startsWith('&&') && !this.startsWith('&>')) {
        this.pos++;
        background = true;
      } else if (c === '\n' || c === '' || this.atTerminator(terminator)) {
        // end of the item; the loop consumes the newline
      } else throw new SyntaxErr(this.tokenHere());
      items.push({ andOr, background, text });
      this.skipBlanks();
      if (this.pos >= this.src.length && this.pending.length > 0) throw new Incomplete('heredoc');
    }
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : undefined;
      if (!op) return { first, rest };
      this.pos += 2;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new Incomplete(op);
      rest.push({ op, pipeline: this.parsePipeline() });
    }
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    let negate = false;
    if (this.peek() === '!' && META.has(this.peek(1) || ' ')) {
      negate = true;
      this.pos++;
    }
    const commands: CommandNode[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.startsWith('||')) return { negate, commands };
      this.pos += this.startsWith('|&') ? 2 : 1;
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new Incomplete('|');
      commands.push(this.parseCommand());
    }
  }

  /** Reads `word` (a reserved word) or fails the way bash does. */
  private expectReserved(word: string): void {
    this.skipLinebreaks();
    if (this.pos >= this.src.length) throw new Incomplete(word);
    if (this.reservedHere() !== word) throw new SyntaxErr(this.reservedHere() ?? this.tokenHere());
    this.pos += word.length;
  }

  private trailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const r = this.tryRedirect();
      if (!r) return redirects;
      redirects.push(r);
    }
  }

  private nonEmpty(script: Script): Script {
    if (script.length === 0) throw new SyntaxErr(this.reservedHere() ?? this.tokenHere());
    return script;
  }

  private parseCompound(word: string): CommandNode {
    this.pos += word.length;
    if (word === 'if') {
      const node: IfCommand = { type: 'if', clauses: [], redirects: [] };
      for (;;) {
        const cond = this.nonEmpty(this.parseScript(['then']));
        this.expectReserved('then');
        const body = this.nonEmpty(this.parseScript(['elif', 'else', 'fi']));
        node.clauses.push({ cond, body });
        const next = this.reservedHere();
        this.pos += next!.length;
        if (next === 'elif') continue;
        if (next === 'else') {
          node.otherwise = this.nonEmpty(this.parseScript(['fi']));
          this.expectReserved('fi');
        }
        break;
      }
      node.redirects = this.trailingRedirects();
      return node;
    }
    if (word === 'while' || word === 'until') {
      const cond = this.nonEmpty(this.parseScript(['do']));
      this.expectReserved('do');
      const body = this.nonEmpty(this.parseScript(['done']));
      this.expectReserved('done');
      const node: LoopCommand = { type: 'loop', until: word === 'until', cond, body, redirects: this.trailingRedirects() };
      return node;
    }
    this.skipBlanks();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) throw new SyntaxErr(this.tokenHere());
    this.pos += m[0].length;
    const words: Word[] = [];
    this.skipBlanks();
    let explicitIn = false;
    if (this.peek() === ';') this.pos++;
    else {
      this.skipLinebreaks();
      if (this.pos >= this.src.length) throw new Incomplete('done');
      if (this.reservedHere() === 'in') {
        explicitIn = true;
        this.pos += 2;
        for (;;) {
          this.skipBlanks();
          const c = this.peek();
          if (c === ';' || c === '\n' || c === '') break;
          if (META.has(c)) throw new SyntaxErr(this.tokenHere());
          words.push(this.parseWord());
        }
        if (this.peek() === ';') this.pos++;
      }
    }
    this.expectReserved('do');
    const body = this.nonEmpty(this.parseScript(['done']));
    this.expectReserved('done');
    const node: ForCommand = { type: 'for', name: m[0], words: explicitIn ? words : [[{ type: 'param', name: '@', quoted: true }]], body, redirects: this.trailingRedirects() };
    return node;
  }

  private parseCommand(): CommandNode {
    this.skipBlanks();
    const reserved = this.reservedHere();
    if (reserved === 'if' || reserved === 'while' || reserved === 'until' || reserved === 'for') return this.parseCompound(reserved);
    if (reserved !== undefined && reserved !== 'in') throw new SyntaxErr(reserved);
    const group = this.peek() === '{' && META.has(this.peek(1) || ' ');
    if (group && this.pos + 1 >= this.src.length) throw new Incomplete('}');
    if (this.peek() === '(' || group) {
      this.pos++;
      const script = this.parseScript(group ? '}' : ')');
      if (script.length === 0) throw new SyntaxErr(group ? '}' : ')');
      this.pos++;
      const redirects: Redirect[] = [];
      for (;;) {
        this.skipBlanks();
        const r = this.tryRedirect();
        if (!r) break;
        redirects.push(r);
      }
      return { type: group ? 'group' : 'subshell', script, redirects };
    }
    const cmd: SimpleCommand = { type: 'simple', line: this.lineAt(this.pos), assigns: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === '' || c === '\n' || c === ';' || c === '|' || c === ')' || (c === '&' && !this.startsWith('&>'))) break;
      if (cmd.words.length === 0 && cmd.assigns.length === 0 && this.atGroupEnd()) throw new SyntaxErr('}');
      if (c === '(') throw new SyntaxErr('(');
      const r = this.tryRedirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      const word = this.parseWord();
      const assign = cmd.words.length === 0 ? asAssignment(word) : undefined;
      if (assign) cmd.assigns.push(assign);
      else cmd.words.push(word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) throw new SyntaxErr(this.tokenHere());
    return cmd;
  }

  private tryRedirect(): Redirect | undefined {
    const m = /^(\d*)(&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|>|<)/.exec(this.src.slice(this.pos, this.pos + 8));
    if (!m) return undefined;
    const op = m[2] as RedirectOp;
    if (m[1] && op.startsWith('&')) return undefined;
    this.pos += m[0].length;
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    this.skipBlanks();
    const c = this.peek();
    if (c === '' || META.has(c)) throw new SyntaxErr(this.tokenHere());
    const target = this.parseWord();
    const redirect: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') this.pending.push(redirect);
    return redirect;
  }

  private readHeredoc(r: Redirect): void {
    const delimiter = r.target.map((p) => (p.type === 'lit' ? p.text : p.type === 'tilde' ? `~${p.user}` : '')).join('');
    const expand = r.target.every((p) => p.type !== 'lit' || !p.quoted);
    const lines: string[] = [];
    for (;;) {
      if (this.pos >= this.src.length) throw new Incomplete('heredoc');
      let end = this.src.indexOf('\n', this.pos);
      if (end < 0) end = this.src.length;
      let line = this.src.slice(this.pos, end);
      this.pos = Math.min(end + 1, this.src.length);
      if (r.op === '<<-') line = line.replace(/^\t+/, '');
      if (line === delimiter) break;
      lines.push(line);
      if (end === this.src.length) throw new Incomplete('heredoc');
    }
    const text = lines.map((l) => `${l}\n`).join('');
    r.heredoc = { delimiter, body: expand ? parseHeredocBody(text, this.depth + 1) : [{ type: 'lit', text, quoted: true }] };
  }

  private parseWord(): Word {
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.type === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ type: 'lit', text, quoted });
    };
    if (this.peek() === '~') {
      const m = /^~([A-Za-z0-9_.-]*)(?=$|[/:\s;&|()<>])/.exec(this.src.slice(this.pos, this.pos + 64));
      if (m) {
        parts.push({ type: 'tilde', user: m[1]! });
        this.pos += m[0].length;
      }
    }
    for (;;) {
      const c = this.peek();
      if (c === '' || (META.has(c) && !this.braceArg)) break;
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete("'");
        lit(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const quoted = this.parseQuotedText('"', 'double');
        // `""` is still a word: an empty quoted piece keeps the (empty) field.
        if (quoted.length === 0) lit('', true);
        for (const part of quoted) {
          if (part.type === 'lit') lit(part.text, true);
          else parts.push(part);
        }
        this.pos++;
      } else if (c === '\\') {
        if (this.pos + 1 >= this.src.length) throw new Incomplete('\\');
        if (this.peek(1) !== '\n') lit(this.peek(1), true);
        this.pos += 2;
      } else if (c === '$' && this.peek(1) === "'") {
        this.pos += 2;
        lit(this.readAnsiC(), true);
      } else if (c === '$' || c === '`') {
        const part = this.parseExpansion(false);
        if (part.type === 'lit') lit(part.text, false);
        else parts.push(part);
      } else {
        // Take the whole run of ordinary characters at once: long words stay linear.
        PLAIN_RUN.lastIndex = this.pos;
        const m = PLAIN_RUN.exec(this.src);
        const end = m && m.index === this.pos ? this.pos + m[0].length : this.pos + 1;
        lit(this.src.slice(this.pos, end), false);
        this.pos = end;
      }
    }
    return parts;
  }

  /** Text inside double quotes (up to `close`) or a heredoc body (to the end). */
  parseQuotedText(close: '"' | undefined, mode: 'double' | 'heredoc'): WordPart[] {
    const parts: WordPart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'lit', text, quoted: true });
      text = '';
    };
    for (;;) {
      const c = this.peek();
      if (c === '') {
        if (close) throw new Incomplete(close);
        break;
      }
      if (c === close) break;
      if (c === '\\') {
        const n = this.peek(1);
        const special = mode === 'double' ? '$`"\\\n' : '$`\\\n';
        if (n !== '' && special.includes(n)) {
          if (n !== '\n') text += n;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '$' || c === '`') {
        const part = this.parseExpansion(true);
        if (part.type === 'lit') text += part.text;
        else {
          flush();
          parts.push(part);
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private parseExpansion(quoted: boolean): WordPart {
    if (this.peek() === '`') {
      let inner = '';
      let i = this.pos + 1;
      for (;;) {
        const c = this.src[i];
        if (c === undefined) throw new Incomplete('`');
        if (c === '`') break;
        if (c === '\\' && '$`\\'.includes(this.src[i + 1] ?? '')) {
          inner += this.src[i + 1];
          i += 2;
        } else {
          inner += c;
          i++;
        }
      }
      this.pos = i + 1;
      return { type: 'cmdsub', script: subScript(inner, this.depth + 1), quoted };
    }
    this.pos++; // the '$'
    const c = this.peek();
    if (c === '(' && this.peek(1) === '(') {
      const end = findArithEnd(this.src, this.pos + 2);
      if (end === -2) throw new Incomplete('))');
      if (end >= 0) {
        const expr = this.src.slice(this.pos + 2, end);
        this.pos = end + 2;
        return { type: 'arith', expr, quoted };
      }
    }
    if (c === '(') {
      this.pos++;
      const sub = new Parser(this.src, this.depth + 1);
      sub.pos = this.pos;
      const script = sub.parseScript(')');
      this.pos = sub.pos + 1;
      return { type: 'cmdsub', script, quoted };
    }
    if (c === '{') return this.parseBraceParam(quoted);
    if (c !== '' && '?$#!@*-0123456789'.includes(c)) {
      this.pos++;
      return { type: 'param', name: c, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return { type: 'lit', text: '$', quoted };
    this.pos += m[0].length;
    return { type: 'param', name: m[0], quoted };
  }

  private parseBraceParam(quoted: boolean): WordPart {
    const close = findBraceEnd(this.src, this.pos + 1);
    if (close < 0) throw new Incomplete('}');
    const body = this.src.slice(this.pos + 1, close);
    this.pos = close + 1;
    // `NAME[@]`, `NAME[*]`, `NAME[N]`: an element of an array (bash's PIPESTATUS; a plain variable is element 0).
    const length = /^#([A-Za-z_][A-Za-z0-9_]*(?:\[(?:[@*]|\d+)\])?|[?$#!@*0-9])$/.exec(body);
    if (length) return { type: 'param', name: length[1]!, quoted, op: { kind: 'length', colon: false, arg: [] } };
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\[(?:[@*]|\d+)\])?|[?$#!@*0-9])(?:(:?)([-=+?])([\s\S]*))?$/.exec(body);
    if (!m) throw new BadSubstitution(body);
    if (m[3] === undefined) return { type: 'param', name: m[1]!, quoted };
    const argParser = new Parser(m[4]!, this.depth + 1);
    argParser.braceArg = true;
    const arg = quoted ? argParser.parseQuotedText(undefined, 'heredoc') : argParser.parseWord();
    return { type: 'param', name: m[1]!, quoted, op: { kind: m[3] as '-' | '=' | '+' | '?', colon: m[2] === ':', arg } };
  }

  private readAnsiC(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === '') throw new Incomplete("'");
      this.pos++;
      if (c === "'") return joinBytes(out);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const { text, length } = decodeEscape(this.src, this.pos, true);
      out += text;
      this.pos += length;
    }
  }
}

/** Raised for `${...}` forms we do not know; bash reports them when the word is expanded. */
export class BadSubstitution extends Error {
  constructor(readonly body: string) {
    super(`\${${body}}: bad substitution`);
  }
}

/** The index of the `))` closing `$((` (-1: not arithmetic after all, -2: input ends first). */
function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth > 0) depth--;
      else return src[i + 1] === ')' ? i : src[i + 1] === undefined ? -2 : -1;
    }
  }
  return -2;
}

function findBraceEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function subScript(src: string, depth: number): Script {
  const p = new Parser(src, depth);
  return p.parseScript(undefined);
}

function asAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word[0];
  if (!first || first.type !== 'lit' || first.quoted) return undefined;
  const eq = first.text.indexOf('=');
  if (eq <= 0 || !NAME_RE.test(first.text.slice(0, eq))) return undefined;
  const rest = first.text.slice(eq + 1);
  const value: Word = rest ? [{ type: 'lit', text: rest, quoted: false }, ...word.slice(1)] : word.slice(1);
  return { name: first.text.slice(0, eq), value };
}

/**
 * Decodes one backslash escape as `$'...'` and `echo -e` do (`src[at]` is the character after
 * the backslash). `octalNeedsZero` is echo's rule: `\0nnn` rather than `\nnn`.
 */
export function decodeEscape(src: string, at: number, ansiC: boolean): { text: string; length: number } {
  const c = src[at] ?? '';
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  if (c in simple && (ansiC || (c !== "'" && c !== '"'))) return { text: simple[c]!, length: 1 };
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(at + 1, at + 3));
    if (m) return { text: byteChar(parseInt(m[0], 16)), length: 1 + m[0].length };
  }
  const oct = ansiC ? /^[0-7]{1,3}/.exec(src.slice(at, at + 3)) : c === '0' ? /^0[0-7]{0,3}/.exec(src.slice(at, at + 4)) : null;
  if (oct) return { text: byteChar(parseInt(oct[0], 8) & 0xff), length: oct[0].length };
  return { text: `\\${c}`, length: c ? 1 : 0 };
}
