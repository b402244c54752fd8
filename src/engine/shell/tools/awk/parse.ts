/** The AWK subset kubelab runs (mawk-flavoured), as a syntax tree. */
export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; re: string }
  | { t: 'var'; name: string }
  | { t: 'field'; index: Expr }
  | { t: 'elem'; name: string; key: Expr[] }
  | { t: 'assign'; op: string; target: Expr; value: Expr }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { t: 'bin'; op: string; l: Expr; r: Expr }
  | { t: 'un'; op: string; e: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr }
  | { t: 'in'; key: Expr[]; name: string }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'group'; e: Expr };

export type Stmt =
  | { t: 'expr'; e: Expr }
  | { t: 'print'; args: Expr[]; printf: boolean; dest?: { append: boolean; file: Expr } }
  | { t: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'do'; c: Expr; body: Stmt }
  | { t: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { t: 'forin'; v: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' }
  | { t: 'exit'; code?: Expr }
  | { t: 'break' }
  | { t: 'continue' }
  | { t: 'delete'; name: string; key?: Expr[] };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  range?: Expr;
  action?: Stmt[];
}

/** A syntax error, reported as mawk does: `awk: line 1: syntax error at or near }`. */
export class AwkSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

type Tok = { k: 'num'; v: string; n: number; line: number } | { k: 'str'; v: string; line: number } | { k: 're'; v: string; line: number } | { k: 'name' | 'func' | 'kw' | 'op' | 'nl' | 'eof'; v: string; line: number };

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'in', 'next', 'exit', 'print', 'printf', 'delete', 'break', 'continue', 'getline', 'function', 'return']);
export const BUILTIN_FUNCS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system']);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const regexAllowed = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.k === 'num' || p.k === 'str' || p.k === 're' || p.k === 'name' || p.k === 'func') return false;
    if (p.k === 'op' && [')', ']', '$', '++', '--'].includes(p.v)) return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ k: 'nl', v: '\n', line });
      line++;
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest))) {
      toks.push({ k: 'num', v: m[0], n: Number(m[0]), line });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      let j = i + 1;
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\n') throw new AwkSyntaxError(line, 'runaway string constant "' + s.slice(0, 10) + ' ...');
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[++j]!;
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          s += map[n] ?? `\\${n}`;
        } else s += src[j];
      }
      if (j >= src.length) throw new AwkSyntaxError(line, `runaway string constant "${s.slice(0, 10)} ...`);
      toks.push({ k: 'str', v: s, line });
      i = j + 1;
    } else if (c === '/' && regexAllowed()) {
      let re = '';
      let j = i + 1;
      for (; j < src.length && src[j] !== '/'; j++) {
        if (src[j] === '\n') throw new AwkSyntaxError(line, `runaway regular expression /${re.slice(0, 10)} ...`);
        if (src[j] === '\\' && src[j + 1] === '/') {
          re += '/';
          j++;
        } else re += src[j];
      }
      if (j >= src.length) throw new AwkSyntaxError(line, `runaway regular expression /${re.slice(0, 10)} ...`);
      toks.push({ k: 're', v: re, line });
      i = j + 1;
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      const w = m[0];
      toks.push({ k: KEYWORDS.has(w) ? 'kw' : BUILTIN_FUNCS.has(w) ? 'func' : 'name', v: w, line });
      i += w.length;
    } else if ((m = /^(\+\+|--|\+=|-=|\*=|\/=|%=|\^=|\*\*=|\*\*|==|<=|>=|!=|!~|&&|\|\||>>|[-+*/%^!<>=~?:;,(){}[\]$|])/.exec(rest))) {
      toks.push({ k: 'op', v: m[0] === '**' ? '^' : m[0] === '**=' ? '^=' : m[0], line });
      i += m[0].length;
    } else throw new AwkSyntaxError(line, `syntax error at or near ${c}`);
  }
  toks.push({ k: 'eof', v: 'end of file', line });
  return toks;
}

/** Parses an AWK program into rules. */
export function parseAwk(src: string): Rule[] {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p]!;
  const is = (v: string) => (peek().k === 'op' || peek().k === 'kw') && peek().v === v;
  const fail = (): never => {
    const t = peek();
    if (t.k === 'eof') throw new AwkSyntaxError(t.line, 'syntax error at or near end of file');
    throw new AwkSyntaxError(t.line, `syntax error at or near ${t.k === 'nl' ? 'end of line' : t.k === 'str' ? `"${t.v}"` : t.v}`);
  };
  const expect = (v: string) => (is(v) ? p++ : fail());
  const skipNl = () => {
    while (peek().k === 'nl') p++;
  };
  const skipTerms = () => {
    while (peek().k === 'nl' || is(';')) p++;
  };

  const rules: Rule[] = [];
  skipTerms();
  while (peek().k !== 'eof') {
    if (is('BEGIN') || is('END')) {
      const kind = peek().v === 'BEGIN' ? 'begin' : 'end';
      p++;
      skipNl();
      rules.push({ kind, action: block() });
    } else if (is('{')) rules.push({ kind: 'main', action: block() });
    else {
      const pattern = expr(true);
      let range: Expr | undefined;
      if (is(',')) {
        p++;
        skipNl();
        range = expr(true);
      }
      const rule: Rule = { kind: 'main', pattern };
      if (range) rule.range = range;
      if (is('{')) rule.action = block();
      rules.push(rule);
    }
    skipTerms();
  }
  return rules;

  function block(): Stmt[] {
    if (!is('{')) fail();
    p++;
    const body: Stmt[] = [];
    skipTerms();
    while (!is('}')) {
      if (peek().k === 'eof') throw new AwkSyntaxError(peek().line, 'missing } near end of file');
      body.push(statement());
      skipTerms();
    }
    p++;
    return body;
  }

  function simpleOrBlock(): Stmt {
    skipNl();
    if (is('{')) return { t: 'block', body: block() };
    if (is(';')) {
      p++;
      return { t: 'block', body: [] };
    }
    return statement();
  }

  function statement(): Stmt {
    const t = peek();
    if (is('{')) return { t: 'block', body: block() };
    if (t.k === 'kw') {
      switch (t.v) {
        case 'if': {
          p++;
          expect('(');
          const c = expr(true);
          expect(')');
          const then = simpleOrBlock();
          const save = p;
          skipTerms();
          if (is('else')) {
            p++;
            return { t: 'if', c, then, else: simpleOrBlock() };
          }
          p = save;
          return { t: 'if', c, then };
        }
        case 'while': {
          p++;
          expect('(');
          const c = expr(true);
          expect(')');
          return { t: 'while', c, body: simpleOrBlock() };
        }
        case 'do': {
          p++;
          const body = simpleOrBlock();
          skipTerms();
          expect('while');
          expect('(');
          const c = expr(true);
          expect(')');
          return { t: 'do', c, body };
        }
        case 'for': {
          p++;
          expect('(');
          if (peek().k === 'name' && toks[p + 1]?.v === 'in' && toks[p + 2]?.k === 'name' && toks[p + 3]?.v === ')') {
            const v = peek().v;
            const arr = toks[p + 2]!.v;
            p += 4;
            return { t: 'forin', v, arr, body: simpleOrBlock() };
          }
          const init = is(';') ? undefined : { t: 'expr' as const, e: expr(true) };
          expect(';');
          skipNl();
          const c = is(';') ? undefined : expr(true);
          expect(';');
          skipNl();
          const step = is(')') ? undefined : { t: 'expr' as const, e: expr(true) };
          expect(')');
          const s: Stmt = { t: 'for', body: simpleOrBlock() };
          if (init) s.init = init;
          if (c) s.c = c;
          if (step) s.step = step;
          return s;
        }
        case 'next':
        case 'break':
        case 'continue':
          p++;
          return { t: t.v };
        case 'exit': {
          p++;
          if (peek().k === 'nl' || is(';') || is('}') || peek().k === 'eof') return { t: 'exit' };
          return { t: 'exit', code: expr(true) };
        }
        case 'delete': {
          p++;
          const name = peek();
          if (name.k !== 'name') fail();
          p++;
          if (is('[')) {
            p++;
            const key = exprList();
            expect(']');
            return { t: 'delete', name: name.v, key };
          }
          return { t: 'delete', name: name.v };
        }
        case 'print':
        case 'printf': {
          p++;
          let args: Expr[] = [];
          if (is('(')) {
            // `print (a, b)` and `print (a)(b)`: try a parenthesised list first.
            const save = p;
            p++;
            const list = exprList();
            if (is(')') && (toks[p + 1]!.k === 'nl' || [';', '}', '>', '>>', '|'].includes(toks[p + 1]!.v) || toks[p + 1]!.k === 'eof')) {
              p++;
              args = list;
            } else {
              p = save;
              args = exprList(false);
            }
          } else if (!(peek().k === 'nl' || is(';') || is('}') || is('>') || is('>>') || peek().k === 'eof')) args = exprList(false);
          const s: Stmt = { t: 'print', args, printf: t.v === 'printf' };
          if (is('>') || is('>>')) {
            const append = peek().v === '>>';
            p++;
            s.dest = { append, file: concat(false) };
          }
          return s;
        }
      }
    }
    return { t: 'expr', e: expr(true) };
  }

  function exprList(allowGt = true): Expr[] {
    const list = [expr(allowGt)];
    while (is(',')) {
      p++;
      skipNl();
      list.push(expr(allowGt));
    }
    return list;
  }

  /** `allowGt` is false inside print arguments, where `>` redirects instead of comparing. */
  function expr(allowGt: boolean): Expr {
    return ternary(allowGt);
  }

  function ternary(g: boolean): Expr {
    const c = or(g);
    if (is('?')) {
      p++;
      skipNl();
      const a = ternary(g);
      skipNl();
      expect(':');
      skipNl();
      return { t: 'cond', c, a, b: ternary(g) };
    }
    if (peek().k === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v)) {
      if (c.t !== 'var' && c.t !== 'field' && c.t !== 'elem') fail();
      const op = toks[p++]!.v;
      skipNl();
      return { t: 'assign', op, target: c, value: ternary(g) };
    }
    return c;
  }

  function or(g: boolean): Expr {
    let l = and(g);
    while (is('||')) {
      p++;
      skipNl();
      l = { t: 'bin', op: '||', l, r: and(g) };
    }
    return l;
  }

  function and(g: boolean): Expr {
    let l = inExpr(g);
    while (is('&&')) {
      p++;
      skipNl();
      l = { t: 'bin', op: '&&', l, r: inExpr(g) };
    }
    return l;
  }

  function inExpr(g: boolean): Expr {
    let l = match(g);
    while (is('in')) {
      p++;
      const name = peek();
      if (name.k !== 'name') fail();
      p++;
      l = { t: 'in', key: l.t === 'group' && l.e.t === 'bin' && l.e.op === ',' ? flattenComma(l.e) : [l], name: name.v };
    }
    return l;
  }

  function flattenComma(e: Expr): Expr[] {
    return e.t === 'bin' && e.op === ',' ? [...flattenComma(e.l), ...flattenComma(e.r)] : [e];
  }

  function match(g: boolean): Expr {
    let l = comparison(g);
    while (is('~') || is('!~')) {
      const op = toks[p++]!.v;
      l = { t: 'bin', op, l, r: comparison(g) };
    }
    return l;
  }

  function comparison(g: boolean): Expr {
    const l = concat(g);
    const ops = g ? ['<', '<=', '==', '!=', '>', '>='] : ['<', '<=', '==', '!=', '>='];
    if (peek().k === 'op' && ops.includes(peek().v)) {
      const op = toks[p++]!.v;
      return { t: 'bin', op, l, r: concat(g) };
    }
    return l;
  }

  function startsOperand(): boolean {
    const t = peek();
    if (t.k === 'num' || t.k === 'str' || t.k === 're' || t.k === 'name' || t.k === 'func') return true;
    return t.k === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v);
  }

  function concat(g: boolean): Expr {
    let l = additive();
    while (startsOperand() && !is('in')) l = { t: 'bin', op: 'concat', l, r: additive() };
    void g;
    return l;
  }

  function additive(): Expr {
    let l = multiplicative();
    while (is('+') || is('-')) {
      const op = toks[p++]!.v;
      l = { t: 'bin', op, l, r: multiplicative() };
    }
    return l;
  }

  function multiplicative(): Expr {
    let l = unary();
    while (is('*') || is('/') || is('%')) {
      const op = toks[p++]!.v;
      l = { t: 'bin', op, l, r: unary() };
    }
    return l;
  }

  function unary(): Expr {
    if (is('!') || is('-') || is('+')) {
      const op = toks[p++]!.v;
      return { t: 'un', op, e: unary() };
    }
    return power();
  }

  function power(): Expr {
    const base = postfix();
    if (is('^')) {
      p++;
      return { t: 'bin', op: '^', l: base, r: unary() };
    }
    return base;
  }

  function postfix(): Expr {
    if (is('++') || is('--')) {
      const op = toks[p++]!.v as '++' | '--';
      return { t: 'incdec', op, prefix: true, target: primary() };
    }
    const e = primary();
    if ((is('++') || is('--')) && (e.t === 'var' || e.t === 'field' || e.t === 'elem')) {
      const op = toks[p++]!.v as '++' | '--';
      return { t: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  function primary(): Expr {
    const t = peek();
    p++;
    switch (t.k) {
      case 'num':
        return { t: 'num', v: t.n };
      case 'str':
        return { t: 'str', v: t.v };
      case 're':
        return { t: 'regex', re: t.v };
      case 'func': {
        if (!is('(')) return { t: 'call', name: t.v, args: [] };
        p++;
        const args = is(')') ? [] : exprList();
        expect(')');
        return { t: 'call', name: t.v, args };
      }
      case 'name': {
        if (is('[')) {
          p++;
          const key = exprList();
          expect(']');
          return { t: 'elem', name: t.v, key };
        }
        return { t: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') {
          if (is('++') || is('--')) return { t: 'field', index: postfix() };
          return { t: 'field', index: primary() };
        }
        if (t.v === '(') {
          const list = exprList();
          expect(')');
          const e = list.slice(1).reduce<Expr>((l, r) => ({ t: 'bin', op: ',', l, r }), list[0]!);
          return { t: 'group', e };
        }
        if (t.v === '-' || t.v === '!' || t.v === '+') return { t: 'un', op: t.v, e: unary() };
    }
    p--;
    return fail();
  }
}
