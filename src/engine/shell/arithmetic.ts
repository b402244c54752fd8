/**
 * Shell arithmetic for `$(( ... ))`: integers, + - * / % **, comparisons, ! && ||, ?:,
 * parentheses and variables (unset or non-numeric names count as 0, as in bash).
 */
export class ArithmeticError extends Error {}

export function evaluateArithmetic(source: string, getVar: (name: string) => string | undefined): number {
  const src = source.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[?$#!])\}?/g, (_, n: string) => getVar(n) ?? '');
  const tokens = src.match(/\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|&&|\|\||==|!=|<=|>=|<<|>>|[-+*/%()<>!?:~^&|])\s*/g) ?? [];
  if (tokens.join('').replace(/\s/g, '') !== src.replace(/\s/g, '')) {
    const bad = src.replace(/\s/g, '').slice(tokens.join('').replace(/\s/g, '').length);
    throw new ArithmeticError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${bad}")`);
  }
  const toks = tokens.map((t) => t.trim());
  let p = 0;
  const fail = (): never => {
    const rest = p >= toks.length ? (toks[toks.length - 1] ?? '') : toks.slice(p).join(' ');
    throw new ArithmeticError(`${src.trim()}: syntax error: ${p >= toks.length ? 'operand expected' : 'invalid arithmetic operator'} (error token is "${rest}")`);
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||':
        return a || b ? 1 : 0;
      case '&&':
        return a && b ? 1 : 0;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '<':
        return a < b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      default:
        if (b === 0) throw new ArithmeticError(`${src.trim()}: division by 0 (error token is "${toks.slice(p - 1).join('')}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
  };
  const ternary = (): number => {
    const c = binary(0);
    if (toks[p] !== '?') return c;
    p++;
    const a = ternary();
    if (toks[p++] !== ':') fail();
    const b = ternary();
    return c ? a : b;
  };
  const binary = (level: number): number => {
    if (level >= levels.length) return power();
    let left = binary(level + 1);
    while (p < toks.length && levels[level]!.includes(toks[p]!)) {
      const op = toks[p++]!;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  const power = (): number => {
    const base = unary();
    if (toks[p] === '**') {
      p++;
      return base ** power();
    }
    return base;
  };
  const unary = (): number => {
    const t = toks[p];
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      p++;
      const v = unary();
      return t === '-' ? -v : t === '+' ? v : t === '!' ? (v ? 0 : 1) : ~v;
    }
    return primary();
  };
  const primary = (): number => {
    const t = toks[p++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = ternary();
      if (toks[p++] !== ')') fail();
      return v;
    }
    if (/^0x/i.test(t)) return parseInt(t, 16);
    if (/^\d+$/.test(t)) return t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const v = getVar(t);
      return v !== undefined && /^\s*-?\d+\s*$/.test(v) ? Number(v) : 0;
    }
    p--;
    return fail();
  };
  if (toks.length === 0) return 0;
  const v = ternary();
  if (p < toks.length) fail();
  return Math.trunc(v);
}
