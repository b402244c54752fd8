import type { CommandContext } from '../types';
import { shellLabel } from './shellBuiltins';

/**
 * `shift [N]`: drops the first N positional parameters. Shifting more than there are is a silent
 * status 1 in bash and busybox ash; dash says `can't shift that many`, and as a special builtin's
 * error that ends a script (status 2).
 */
export function shift(ctx: CommandContext): number {
  const arg = ctx.argv[1];
  const flavor = ctx.shell.identity().flavor;
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    if (flavor === 'bash') ctx.stderr(`${shellLabel(ctx)}: shift: ${arg}: numeric argument required\n`);
    else ctx.stderr(`${shellLabel(ctx)}: shift: Illegal number: ${arg}\n`);
    return flavor === 'bash' ? 1 : 2;
  }
  const n = arg === undefined ? 1 : Number(arg);
  const args = ctx.shell.positional();
  if (n > args.length) {
    if (flavor !== 'dash') return 1;
    ctx.stderr(`${shellLabel(ctx)}: shift: can't shift that many\n`);
    if (!ctx.shell.isInteractive()) ctx.shell.exit(2);
    return 2;
  }
  ctx.shell.setPositional(args.slice(n));
  return 0;
}
