import type { CommandContext } from '../types';
import { shellLabel } from './shellBuiltins';

/** The `set -o` options simulated here, by shell: dash 0.5.12 has no pipefail. */
const SIMULATED: Record<string, string[]> = { bash: ['pipefail'], ash: ['pipefail'], dash: [] };

/** dash 0.5.12's option names (options.c), which has no pipefail. */
const DASH_KNOWN = ['errexit', 'noglob', 'ignoreeof', 'interactive', 'monitor', 'noexec', 'stdin', 'xtrace', 'verbose', 'vi', 'emacs', 'noclobber', 'allexport', 'notify', 'nounset', 'nolog', 'debug'];

/** Option names bash 5.2 knows (its `set -o` list); busybox ash knows a subset, pipefail among them. */
const KNOWN = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];

/**
 * `set -o NAME` / `set +o NAME` for the options simulated here (pipefail: a pipeline's status is
 * its last failing stage's). A name no shell knows gets the shell's own error; other uses of
 * `set` are not simulated and say so rather than pretend.
 */
export function set(ctx: CommandContext): number {
  const label = shellLabel(ctx);
  const flavor = ctx.shell.identity().flavor;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i]!;
    const name = args[i + 1];
    if ((flag === '-o' || flag === '+o') && name !== undefined && !(flavor === 'dash' ? DASH_KNOWN : KNOWN).includes(name)) {
      // bash's wording and status 2 (bash 5.2.15 here); dash's sh_error from minus_o (2); busybox ash's ash_msg (1).
      if (flavor === 'dash') ctx.stderr(`${label}: set: Illegal option -o ${name}\n`);
      else if (flavor === 'ash') ctx.stderr(`${label}: set: illegal option ${flag} ${name}\n`);
      else ctx.stderr(`${label}: set: ${name}: invalid option name\n`);
      return flavor === 'ash' ? 1 : 2;
    }
    if ((flag !== '-o' && flag !== '+o') || name === undefined || !SIMULATED[flavor]!.includes(name)) {
      ctx.stderr(`kubelab: set ${args.join(' ')}: not simulated here (only set -o/+o pipefail in bash and busybox sh)\n`);
      return 1;
    }
    if (flag === '-o') ctx.shell.options().add(name);
    else ctx.shell.options().delete(name);
  }
  return 0;
}
