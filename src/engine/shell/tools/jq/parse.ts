/** The jq language subset kubelab understands, as a syntax tree. */
export type JqNode =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'literal'; value: unknown }
  | { t: 'string'; parts: (string | JqNode)[]; format?: string }
  | { t: 'index'; target: JqNode; key: JqNode; optional: boolean }
  | { t: 'slice'; target: JqNode; from?: JqNode; to?: JqNode; optional: boolean }
  | { t: 'iterate'; target: JqNode; optional: boolean }
  | { t: 'pipe'; left: JqNode; right: JqNode }
  | { t: 'comma'; left: JqNode; right: JqNode }
  | { t: 'binary'; op: string; left: JqNode; right: JqNode }
  | { t: 'neg'; expr: JqNode }
  | { t: 'array'; expr?: JqNode }
  | { t: 'object'; entries: { key: JqNode; value?: JqNode }[] }
  | { t: 'call'; name: string; args: JqNode[] }
  | { t: 'if'; cond: JqNode; then: JqNode; else?: JqNode }
  | { t: 'try'; body: JqNode; handler?: JqNode }
  | { t: 'format'; name: string }
  | { t: 'var'; name: string }
  | { t: 'as'; source: JqNode; name: string; body: JqNode }
  | { t: 'reduce'; source: JqNode; name: string; init: JqNode; update: JqNode }
  | { t: 'update'; op: string; target: JqNode; value: JqNode };

/** A compile error worded as jq 1.6 words it. */
export class JqSyntaxError extends Error {}

type Tok = { k: 'num'; v: number } | { k: 'str'; parts: (string | string[])[] } | { k: 'id'; v: string } | { k: 'field'; v: string } | { k: 'var'; v: string } | { k: 'fmt'; v: string } | { k: 'op'; v: string } | { k: 'end' };

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'and', 'or', 'not', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__']);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) toks.push({ k: 'field', v: m[0].slice(1) });
    else if ((m = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) toks.push({ k: 'var', v: m[0].slice(1) });
    else if ((m = /^@[A-Za-z0-9_]+/.exec(rest))) toks.push({ k: 'fmt', v: m[0] });
    else if ((m = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest))) toks.push({ k: 'id', v: m[0] });
    else if ((m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest))) toks.push({ k: 'num', v: Number(m[0]) });
    else if (c === '"') {
      const { parts, end } = lexString(src, i + 1);
      toks.push({ k: 'str', parts });
      i = end;
      continue;
    } else if ((m = /^(\?\/\/|\/\/=|\|=|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|\/\/|\.\.|[.[\]{}()|,:;+\-*/%<>=?])/.exec(rest))) toks.push({ k: 'op', v: m[0] });
    else throw new JqSyntaxError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)`);
    i += m[0].length;
  }
  toks.push({ k: 'end' });
  return toks;
}

/** A string literal; `\(expr)` interpolations are kept as raw source (string[]) to parse later. */
function lexString(src: string, start: number): { parts: (string | string[])[]; end: number } {
  const parts: (string | string[])[] = [];
  let cur = '';
  let i = start;
  for (;;) {
    const c = src[i];
    if (c === undefined) throw new JqSyntaxError('syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)');
    if (c === '"') return { parts: [...parts, cur], end: i + 1 };
    if (c === '\\') {
      const n = src[i + 1];
      if (n === '(') {
        let depth = 1;
        let j = i + 2;
        for (; j < src.length && depth > 0; j++) {
          if (src[j] === '(') depth++;
          else if (src[j] === ')') depth--;
        }
        parts.push(cur, [src.slice(i + 2, j - 1)]);
        cur = '';
        i = j;
        continue;
      }
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
      if (n === 'u') {
        cur += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      cur += map[n ?? ''] ?? n ?? '';
      i += 2;
      continue;
    }
    cur += c;
    i++;
  }
}

/** Parses a jq program. */
export function parseJq(src: string): JqNode {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p]!;
  const isOp = (v: string) => peek().k === 'op' && (peek() as { v: string }).v === v;
  const isId = (v: string) => peek().k === 'id' && (peek() as { v: string }).v === v;
  const describe = (t: Tok) => (t.k === 'end' ? '$end' : t.k === 'id' ? (KEYWORDS.has(t.v) ? t.v : 'IDENT') : t.k === 'op' ? t.v : t.k === 'num' ? 'LITERAL' : t.k === 'field' ? 'FIELD' : t.k === 'str' ? 'QQSTRING_START' : t.k === 'var' ? '$' : 'FORMAT');
  const fail = (): never => {
    throw new JqSyntaxError(`syntax error, unexpected ${describe(peek())}${peek().k === 'end' ? ' (Unix shell quoting issues?)' : ''}`);
  };
  const expect = (v: string) => (isOp(v) || isId(v) ? p++ : fail());

  const pipe = (): JqNode => {
    const left = comma();
    if (isId('as')) {
      p++;
      const v = peek();
      if (v.k !== 'var') fail();
      p++;
      expect('|');
      return { t: 'as', source: left, name: (v as { v: string }).v, body: pipe() };
    }
    if (isOp('|')) {
      p++;
      return { t: 'pipe', left, right: pipe() };
    }
    return left;
  };
  const comma = (): JqNode => {
    let left = alt();
    while (isOp(',')) {
      p++;
      left = { t: 'comma', left, right: alt() };
    }
    return left;
  };
  const binaryLevel = (ops: string[], next: () => JqNode, rightAssoc = false): (() => JqNode) => {
    const level = (): JqNode => {
      let left = next();
      while (ops.some((o) => isOp(o) || isId(o))) {
        const op = (toks[p++] as { v: string }).v;
        const right = rightAssoc ? level() : next();
        left = { t: 'binary', op, left, right };
      }
      return left;
    };
    return level;
  };
  const postfix = (): JqNode => {
    let node = primary();
    for (;;) {
      const t = peek();
      if (t.k === 'field') {
        p++;
        node = { t: 'index', target: node, key: { t: 'literal', value: t.v }, optional: optional() };
      } else if (isOp('.') && toks[p + 1]?.k === 'str') {
        p++;
        node = { t: 'index', target: node, key: stringNode((toks[p++] as { parts: (string | string[])[] }).parts), optional: optional() };
      } else if (isOp('[') || (isOp('.') && toks[p + 1]?.k === 'op' && (toks[p + 1] as { v: string }).v === '[')) {
        if (isOp('.')) p++;
        node = bracket(node);
      } else if (isOp('?')) {
        p++;
        node = { t: 'try', body: node };
      } else return node;
    }
  };
  const optional = () => (isOp('?') ? (p++, true) : false);
  const bracket = (target: JqNode): JqNode => {
    expect('[');
    if (isOp(']')) {
      p++;
      return { t: 'iterate', target, optional: optional() };
    }
    if (isOp(':')) {
      p++;
      const to = pipe();
      expect(']');
      return { t: 'slice', target, to, optional: optional() };
    }
    const key = pipe();
    if (isOp(':')) {
      p++;
      const to = isOp(']') ? undefined : pipe();
      expect(']');
      return { t: 'slice', target, from: key, ...(to ? { to } : {}), optional: optional() };
    }
    expect(']');
    return { t: 'index', target, key, optional: optional() };
  };
  const stringNode = (parts: (string | string[])[], format?: string): JqNode => ({ t: 'string', parts: parts.map((x) => (typeof x === 'string' ? x : parseJq(x[0]!))), ...(format ? { format } : {}) });
  const primary = (): JqNode => {
    const t = peek();
    if (t.k === 'num') {
      p++;
      return { t: 'literal', value: t.v };
    }
    if (t.k === 'str') {
      p++;
      return stringNode(t.parts);
    }
    if (t.k === 'fmt') {
      p++;
      if (peek().k === 'str') return stringNode((toks[p++] as { parts: (string | string[])[] }).parts, t.v);
      return { t: 'format', name: t.v };
    }
    if (t.k === 'field') {
      p++;
      return { t: 'index', target: { t: 'identity' }, key: { t: 'literal', value: t.v }, optional: optional() };
    }
    if (t.k === 'var') {
      p++;
      return { t: 'var', name: t.v };
    }
    if (t.k === 'op') {
      if (t.v === '.') {
        p++;
        if (peek().k === 'str') return { t: 'index', target: { t: 'identity' }, key: stringNode((toks[p++] as { parts: (string | string[])[] }).parts), optional: optional() };
        if (isOp('[')) return bracket({ t: 'identity' });
        return { t: 'identity' };
      }
      if (t.v === '..') {
        p++;
        return { t: 'recurse' };
      }
      if (t.v === '(') {
        p++;
        const e = pipe();
        expect(')');
        return e;
      }
      if (t.v === '[') {
        p++;
        if (isOp(']')) {
          p++;
          return { t: 'array' };
        }
        const e = pipe();
        expect(']');
        return { t: 'array', expr: e };
      }
      if (t.v === '{') return object();
      if (t.v === '-') {
        p++;
        return { t: 'neg', expr: postfix() };
      }
    }
    if (t.k === 'id') {
      if (t.v === 'if') return ifNode();
      if (t.v === 'try') {
        p++;
        const body = postfix();
        if (isId('catch')) {
          p++;
          return { t: 'try', body, handler: postfix() };
        }
        return { t: 'try', body };
      }
      if (t.v === 'reduce') {
        p++;
        const source = postfix();
        expect('as');
        const v = peek();
        if (v.k !== 'var') fail();
        p++;
        expect('(');
        const init = pipe();
        expect(';');
        const update = pipe();
        expect(')');
        return { t: 'reduce', source, name: (v as { v: string }).v, init, update };
      }
      if (KEYWORDS.has(t.v) && t.v !== 'not') fail();
      p++;
      const args: JqNode[] = [];
      if (isOp('(')) {
        p++;
        args.push(pipe());
        while (isOp(';')) {
          p++;
          args.push(pipe());
        }
        expect(')');
      }
      return { t: 'call', name: t.v, args };
    }
    return fail();
  };
  const ifNode = (): JqNode => {
    p++;
    const cond = pipe();
    expect('then');
    const then = pipe();
    if (isId('elif')) return { t: 'if', cond, then, else: ifNode() };
    let otherwise: JqNode | undefined;
    if (isId('else')) {
      p++;
      otherwise = pipe();
    }
    expect('end');
    return otherwise ? { t: 'if', cond, then, else: otherwise } : { t: 'if', cond, then };
  };
  const object = (): JqNode => {
    expect('{');
    const entries: { key: JqNode; value?: JqNode }[] = [];
    while (!isOp('}')) {
      const t = peek();
      let key: JqNode;
      if (t.k === 'id' || t.k === 'num') {
        p++;
        key = { t: 'literal', value: String(t.v) };
      } else if (t.k === 'str') {
        p++;
        key = stringNode(t.parts);
      } else if (t.k === 'var') {
        p++;
        entries.push({ key: { t: 'literal', value: t.v }, value: { t: 'var', name: t.v } });
        if (isOp(',')) p++;
        continue;
      } else if (isOp('(')) {
        p++;
        key = pipe();
        expect(')');
      } else return fail();
      if (isOp(':')) {
        p++;
        entries.push({ key, value: objectValue() });
      } else entries.push({ key });
      if (!isOp('}')) expect(',');
    }
    p++;
    return { t: 'object', entries };
  };
  // Object values bind tighter than `,` (jq's ExpD): `{a: .x, b: .y}`.
  const objectValue = (): JqNode => {
    let left = alt();
    while (isOp('|')) {
      p++;
      left = { t: 'pipe', left, right: alt() };
    }
    return left;
  };
  const unaryTerm = postfix;
  const mul = binaryLevel(['*', '/', '%'], unaryTerm);
  const add = binaryLevel(['+', '-'], mul);
  const cmp = binaryLevel(['==', '!=', '<', '<=', '>', '>='], add);
  const and = binaryLevel(['and'], cmp);
  const or = binaryLevel(['or'], and);
  const ASSIGN_OPS = ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='];
  const assign = (): JqNode => {
    const target = or();
    if (!ASSIGN_OPS.some((o) => isOp(o))) return target;
    const op = (toks[p++] as { v: string }).v;
    return { t: 'update', op, target, value: alt() };
  };
  const alt = binaryLevel(['//'], assign, true);
  const tree = pipe();
  if (peek().k !== 'end') fail();
  return tree;
}
