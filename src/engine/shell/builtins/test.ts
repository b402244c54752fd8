import type { CommandContext } from '../types';

/** Raised for malformed expressions; the shell prints it and returns 2. dash words some differently. */
class TestError extends Error {
  constructor(
    message: string,
    readonly dash?: string,
  ) {
    super(message);
  }
}

/**
 * `test EXPR` and `[ EXPR ]`: file tests, string and integer comparisons, `!`, `-a`, `-o`.
 * Exit 0 for true, 1 for false, 2 for a malformed expression, as bash's builtin.
 */
/** Whether the builtin runs in dash (the external /usr/bin/test is coreutils, worded as bash's). */
function isDash(ctx: CommandContext): boolean {
  return ctx.shell.identity().flavor === 'dash' && ctx.argv[0] !== undefined && !ctx.argv[0].includes('/');
}

export function test(ctx: CommandContext, label: string): number {
  const name = ctx.argv[0]!;
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr(isDash(ctx) ? `${label}: [: missing ]\n` : `${label}: [: missing \`]'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, ctx, name) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.stderr(`${label}: ${name}: ${isDash(ctx) && e.dash ? e.dash : e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function evaluate(args: string[], ctx: CommandContext, name: string): boolean {
  const orIndex = args.indexOf('-o');
  if (orIndex > 0) return evaluate(args.slice(0, orIndex), ctx, name) || evaluate(args.slice(orIndex + 1), ctx, name);
  const andIndex = args.indexOf('-a');
  if (andIndex > 0 && args.length > 3) return evaluate(args.slice(0, andIndex), ctx, name) && evaluate(args.slice(andIndex + 1), ctx, name);
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return !evaluate(args.slice(1), ctx, name);
      return unary(args[0]!, args[1]!, ctx);
    case 3:
      if (args[0] === '!') return !evaluate(args.slice(1), ctx, name);
      return binary(args[0]!, args[1]!, args[2]!);
    default:
      if (args[0] === '!') return !evaluate(args.slice(1), ctx, name);
      throw new TestError('too many arguments');
  }
}

function unary(op: string, arg: string, ctx: CommandContext): boolean {
  const stat = () => ctx.fs.stat(ctx.resolve(arg));
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
      return stat() !== undefined;
    case '-f':
      return stat()?.kind === 'file';
    case '-d':
      return stat()?.kind === 'dir';
    case '-c':
      return stat()?.kind === 'chr';
    case '-L':
    case '-h':
      return ctx.fs.lstat(ctx.resolve(arg))?.kind === 'link';
    case '-b':
    case '-p':
    case '-S':
      // No block devices, pipes or sockets exist in these filesystems.
      return false;
    case '-s':
      return (stat()?.size ?? 0) > 0;
    case '-r':
    case '-w':
    case '-x':
      return stat() !== undefined;
    default:
      throw new TestError(`${op}: unary operator expected`);
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
    case '-ne':
    case '-lt':
    case '-le':
    case '-gt':
    case '-ge': {
      const x = integer(a);
      const y = integer(b);
      return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op];
    }
    default:
      throw new TestError(`${op}: binary operator expected`);
  }
}

function integer(s: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`, `Illegal number: ${s}`);
  return Number(s);
}
