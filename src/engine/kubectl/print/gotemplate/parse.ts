/**
 * The parser of Go's text/template (src/text/template/parse/parse.go): the same grammar, the
 * same checks at parse time (undefined functions and variables, {{break}} outside range, empty
 * pipelines) and the same error words, `template: NAME:LINE: message`.
 */
import { type Item, itemString, lex, lineAt } from './lex';
import { type Arg, type Command, type ListNode, type Node, type Pipe, unquoteGo } from './nodes';

export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

export interface ParsedTemplates {
  /** The template named at parse time, then every {{define}}/{{block}}, by name. */
  trees: Map<string, ListNode>;
  text: string;
}

/** Parses `text` as the template `name`; `hasFunction` says which identifiers are functions. */
export function parseTemplate(name: string, text: string, hasFunction: (n: string) => boolean): ParsedTemplates {
  const items = lex(text);
  let at = 0;
  let last: Item = items[0]!;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  const trees = new Map<string, ListNode>();

  const errorf = (msg: string): never => {
    throw new TemplateParseError(`template: ${name}:${lineAt(text, last.pos)}: ${msg}`);
  };
  const next = (): Item => {
    last = items[at] ?? items[items.length - 1]!;
    if (at < items.length - 1) at++;
    if (last.type === 'error') errorf(last.val);
    return last;
  };
  const peek = (): Item => items[at]!;
  const nextNonSpace = (): Item => {
    let i = next();
    while (i.type === 'space') i = next();
    return i;
  };
  const peekNonSpace = (): Item => {
    const save = at;
    const i = nextNonSpace();
    at = save;
    return i;
  };
  const backupTo = (n: number) => {
    at = n;
  };
  const unexpected = (i: Item, context: string): never => errorf(`unexpected ${itemString(i)} in ${context}`);
  const expect = (type: Item['type'], context: string): Item => {
    const i = nextNonSpace();
    if (i.type !== type) unexpected(i, context);
    return i;
  };

  function itemList(): { list: ListNode; end: Node } {
    const list: ListNode = [];
    while (peekNonSpace().type !== 'eof') {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') return { list, end: n };
      list.push(n);
    }
    return errorf('unexpected EOF');
  }

  function textOrAction(): Node {
    const i = nextNonSpace();
    if (i.type === 'text') return { type: 'text', pos: i.pos, text: i.val };
    if (i.type === 'leftDelim') return action();
    return unexpected(i, 'input');
  }

  function action(): Node {
    const i = nextNonSpace();
    if (i.type === 'keyword') {
      switch (i.val) {
        case 'block':
          return blockControl(i);
        case 'break':
        case 'continue': {
          const t = nextNonSpace();
          if (t.type !== 'rightDelim') unexpected(t, `{{${i.val}}}`);
          if (rangeDepth === 0) errorf(`{{${i.val}}} outside {{range}}`);
          return { type: i.val, pos: i.pos };
        }
        case 'else': {
          const p = peekNonSpace();
          if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with')) return { type: 'else', pos: p.pos };
          const t = expect('rightDelim', 'else');
          return { type: 'else', pos: t.pos };
        }
        case 'end': {
          const t = expect('rightDelim', 'end');
          return { type: 'end', pos: t.pos };
        }
        case 'if':
        case 'range':
        case 'with':
          return control(i.val, i.pos);
        case 'template':
          return templateControl(i);
      }
    }
    backupTo(at - 1);
    const pipe = pipeline('command', 'rightDelim');
    return { type: 'action', pos: i.pos, pipe };
  }

  function control(kind: 'if' | 'range' | 'with', pos: number): Node {
    const depth = vars.length;
    const pipe = pipeline(kind, 'rightDelim');
    if (kind === 'range') rangeDepth++;
    const body = itemList();
    if (kind === 'range') rangeDepth--;
    let elseList: ListNode | undefined;
    if (body.end.type === 'else') {
      const p = peekNonSpace();
      if ((kind === 'if' && p.type === 'keyword' && p.val === 'if') || (kind === 'with' && p.type === 'keyword' && p.val === 'with')) {
        // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}}, the inner one ending at the same {{end}}.
        const inner = nextNonSpace();
        elseList = [control(kind, inner.pos)];
      } else {
        const e = itemList();
        if (e.end.type !== 'end') errorf(`expected end; found ${nodeString(e.end)}`);
        elseList = e.list;
      }
    }
    vars = vars.slice(0, depth);
    return { type: kind, pos, pipe, list: body.list, ...(elseList ? { elseList } : {}) };
  }

  function templateName(i: Item, context: string): string {
    if (i.type !== 'string' && i.type !== 'rawString') unexpected(i, context);
    const s = unquoteGo(i.val);
    if (s === undefined) errorf('invalid syntax');
    return s!;
  }

  function templateControl(kw: Item): Node {
    const context = 'template clause';
    const templ = templateName(nextNonSpace(), context);
    let pipe: Pipe | undefined;
    if (nextNonSpace().type !== 'rightDelim') {
      backupTo(at - 1);
      pipe = pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: kw.pos, name: templ, ...(pipe ? { pipe } : {}) };
  }

  function blockControl(kw: Item): Node {
    const context = 'block clause';
    const block = templateName(nextNonSpace(), context);
    const pipe = pipeline(context, 'rightDelim');
    const outer = { vars, rangeDepth };
    vars = ['$'];
    rangeDepth = 0;
    const body = itemList();
    if (body.end.type !== 'end') errorf(`unexpected ${nodeString(body.end)} in ${context}`);
    ({ vars, rangeDepth } = outer);
    trees.set(block, body.list);
    return { type: 'template', pos: kw.pos, name: block, pipe };
  }

  function definition(): void {
    const context = 'define clause';
    const i = nextNonSpace();
    if (i.type !== 'string' && i.type !== 'rawString') unexpected(i, context);
    const defined = templateName(i, context);
    expect('rightDelim', context);
    vars = ['$'];
    const body = itemList();
    if (body.end.type !== 'end') errorf(`unexpected ${nodeString(body.end)} in ${context}`);
    vars = ['$'];
    trees.set(defined, body.list);
  }

  function pipeline(context: string, end: 'rightDelim' | 'rightParen'): Pipe {
    const pipe: Pipe = { type: 'pipe', pos: peekNonSpace().pos, decl: [], isAssign: false, cmds: [] };
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const save = at;
      nextNonSpace();
      const n = peekNonSpace();
      if (n.type === 'assign' || n.type === 'declare') {
        pipe.isAssign = n.type === 'assign';
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        break;
      }
      if (n.type === 'comma') {
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace();
          if (p.type === 'variable' || p.type === 'rightDelim' || p.type === 'rightParen') continue;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      }
      backupTo(save);
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0]!.type)) errorf(`non executable command in pipeline stage ${i + 2}`);
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(t.type)) {
        backupTo(at - 1);
        pipe.cmds.push(command());
        continue;
      }
      unexpected(t, context);
    }
  }

  function command(): Command {
    const cmd: Command = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') backupTo(at - 1);
      else if (t.type !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  }

  function operand(): Arg | undefined {
    let node = term();
    if (!node || peek().type !== 'field') return node;
    const fields: string[] = [];
    const pos = peek().pos;
    while (peek().type === 'field') fields.push(next().val.slice(1));
    if (node.type === 'field' || node.type === 'variable') return { ...node, ident: [...node.ident, ...fields] };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.type)) errorf(`unexpected . after term ${JSON.stringify(argString(node))}`);
    node = { type: 'chain', pos, node, fields };
    return node;
  }

  function term(): Arg | undefined {
    const t = nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!hasFunction(t.val)) errorf(`function ${JSON.stringify(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, name: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable':
        if (!vars.includes(t.val)) errorf(`undefined variable ${JSON.stringify(t.val)}`);
        return { type: 'variable', pos: t.pos, ident: [t.val] };
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'number':
        return parseNumber(t);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquoteGo(t.val);
        if (s === undefined) errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s! };
      }
    }
    backupTo(at - 1);
    return undefined;
  }

  function parseNumber(t: Item): Arg {
    if (t.type === 'charConstant') {
      const s = unquoteGo(`"${t.val.slice(1, -1).replace(/"/g, '\\"')}"`);
      if (s === undefined || [...s].length !== 1) errorf(`malformed character constant: ${t.val}`);
      const cp = s!.codePointAt(0)!;
      return { type: 'number', pos: t.pos, text: t.val, isInt: true, isFloat: true, int: cp, float: cp };
    }
    const text = t.val.replace(/_/g, '');
    let n: number;
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(text) || /^[+-]?0[bB][01]+$/.test(text) || /^[+-]?0[oO][0-7]+$/.test(text)) {
      const neg = text.startsWith('-');
      n = Number(text.replace(/^[+-]/, '')) * (neg ? -1 : 1);
    } else if (/^[+-]?0[0-7]+$/.test(text)) n = parseInt(text, 8);
    else n = Number(text);
    if (Number.isNaN(n) || /i$/.test(text)) errorf(`illegal number syntax: ${JSON.stringify(t.val)}`);
    const isInt = Number.isInteger(n) && !/[.eEpP]/.test(text.replace(/^[+-]?0[xX][0-9a-fA-F]+$/, ''));
    return { type: 'number', pos: t.pos, text: t.val, isInt, isFloat: true, ...(isInt ? { int: n } : {}), float: n };
  }

  // The top level: {{define}} blocks become their own trees; {{end}} or {{else}} here is an error.
  const root: ListNode = [];
  while (peek().type !== 'eof') {
    if (peek().type === 'leftDelim') {
      const save = at;
      next();
      const k = nextNonSpace();
      if (k.type === 'keyword' && k.val === 'define') {
        definition();
        continue;
      }
      backupTo(save);
    }
    const n = textOrAction();
    if (n.type === 'end' || n.type === 'else') errorf(`unexpected ${nodeString(n)}`);
    root.push(n);
  }
  // A template made only of definitions (and spaces) does not replace one defined already (Go's IsEmptyTree).
  if (!trees.has(name) || root.some((n) => n.type !== 'text' || n.text.trim() !== '')) trees.set(name, root);
  return { trees, text };
}

/** parse.Node.String() of the nodes error messages name. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'text':
      return JSON.stringify(n.text);
    case 'action':
      return `{{${argString(n.pipe)}}}`;
    case 'template':
      return `{{template ${JSON.stringify(n.name)}${n.pipe ? ` ${argString(n.pipe)}` : ''}}}`;
    default:
      return `{{${n.type} ${argString(n.pipe)}}}${n.list.map(nodeString).join('')}${n.elseList ? `{{else}}${n.elseList.map(nodeString).join('')}` : ''}{{end}}`;
  }
}

/** The String() of an argument, command or pipeline. */
export function argString(a: Arg | Command): string {
  switch (a.type) {
    case 'field':
      return `.${a.ident.join('.')}`;
    case 'variable':
      return a.ident.join('.');
    case 'identifier':
      return a.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.value);
    case 'number':
      return a.text;
    case 'string':
      return a.quoted;
    case 'chain':
      return `${a.node.type === 'pipe' ? `(${argString(a.node)})` : argString(a.node)}.${a.fields.join('.')}`;
    case 'command':
      return a.args.map((x) => (x.type === 'pipe' ? `(${argString(x)})` : argString(x))).join(' ');
    case 'pipe': {
      const decl = a.decl.length ? `${a.decl.map((d) => d.ident[0]).join(', ')} ${a.isAssign ? '=' : ':='} ` : '';
      return decl + a.cmds.map(argString).join(' | ');
    }
  }
}
