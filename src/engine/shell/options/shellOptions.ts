import type { ShellFlavor, ShellIdentity } from '../types';

/**
 * The options `set` knows, per shell, in the order each lists them (`set -o`): bash 5.2's
 * (builtins/set.def o_options), dash 0.5.12's (options.c optlist), busybox ash's (ash.c optletters_optnames).
 * `letter` is the short flag (`-e`), absent where the shell has none (bash's pipefail).
 */
export interface OptionDef {
  name: string;
  letter?: string;
}

const BASH: OptionDef[] = [
  { name: 'allexport', letter: 'a' }, { name: 'braceexpand', letter: 'B' }, { name: 'emacs' }, { name: 'errexit', letter: 'e' },
  { name: 'errtrace', letter: 'E' }, { name: 'functrace', letter: 'T' }, { name: 'hashall', letter: 'h' }, { name: 'histexpand', letter: 'H' },
  { name: 'history' }, { name: 'ignoreeof' }, { name: 'interactive-comments' }, { name: 'keyword', letter: 'k' }, { name: 'monitor', letter: 'm' },
  { name: 'noclobber', letter: 'C' }, { name: 'noexec', letter: 'n' }, { name: 'noglob', letter: 'f' }, { name: 'nolog' }, { name: 'notify', letter: 'b' },
  { name: 'nounset', letter: 'u' }, { name: 'onecmd', letter: 't' }, { name: 'physical', letter: 'P' }, { name: 'pipefail' }, { name: 'posix' },
  { name: 'privileged', letter: 'p' }, { name: 'verbose', letter: 'v' }, { name: 'vi' }, { name: 'xtrace', letter: 'x' },
];

const DASH: OptionDef[] = [
  { name: 'errexit', letter: 'e' }, { name: 'noglob', letter: 'f' }, { name: 'ignoreeof', letter: 'I' }, { name: 'interactive', letter: 'i' },
  { name: 'monitor', letter: 'm' }, { name: 'noexec', letter: 'n' }, { name: 'stdin', letter: 's' }, { name: 'xtrace', letter: 'x' },
  { name: 'verbose', letter: 'v' }, { name: 'vi', letter: 'V' }, { name: 'emacs', letter: 'E' }, { name: 'noclobber', letter: 'C' },
  { name: 'allexport', letter: 'a' }, { name: 'notify', letter: 'b' }, { name: 'nounset', letter: 'u' }, { name: 'privileged', letter: 'p' },
  { name: 'nolog' }, { name: 'debug' },
];

const ASH: OptionDef[] = [
  { name: 'errexit', letter: 'e' }, { name: 'noglob', letter: 'f' }, { name: 'ignoreeof', letter: 'I' }, { name: 'interactive', letter: 'i' },
  { name: 'monitor', letter: 'm' }, { name: 'noexec', letter: 'n' }, { name: 'stdin', letter: 's' }, { name: 'xtrace', letter: 'x' },
  { name: 'verbose', letter: 'v' }, { name: 'noclobber', letter: 'C' }, { name: 'allexport', letter: 'a' }, { name: 'notify', letter: 'b' },
  // ash.c's optletters_optnames ends with vi and (BASH_PIPEFAIL) pipefail; nolog and debug exist
  // only in DEBUG builds, and there is no emacs option.
  { name: 'nounset', letter: 'u' }, { name: 'vi' }, { name: 'pipefail' },
];

export const OPTIONS: Record<ShellFlavor, OptionDef[]> = { bash: BASH, dash: DASH, ash: ASH };

/** bash's `$-` letter order (flags.c shell_flags), which is not its `set -o` order. */
const BASH_FLAG_ORDER = 'abefhikmnptuvxBCEHPT';

/** Options on in a fresh shell: bash hashes and brace-expands, and at a terminal edits (emacs), keeps history and job control. */
export function defaultOptions(shell: ShellIdentity, interactive: boolean): string[] {
  const on: string[] = [];
  if (shell.flavor === 'bash') {
    on.push('braceexpand', 'hashall', 'interactive-comments');
    if (interactive) on.push('emacs', 'histexpand', 'history', 'monitor');
  } else if (interactive) on.push('interactive', 'monitor', 'stdin');
  return on;
}

/** `$-`: the one-letter flags that are on, as the shell prints them. */
export function dollarDash(flavor: ShellFlavor, on: ReadonlySet<string>, shell: ShellIdentity, interactive: boolean): string {
  const letterOf = new Map(OPTIONS[flavor].filter((o) => o.letter).map((o) => [o.letter!, o.name]));
  if (flavor === 'bash') {
    let out = '';
    for (const l of BASH_FLAG_ORDER) {
      if (l === 'i' ? interactive : on.has(letterOf.get(l) ?? '')) out += l;
    }
    // bash adds how it reads commands: `s` from a terminal or stdin, `c` for -c.
    return out + (shell.source === '-c' ? 'c' : shell.source === 'file' ? '' : 's');
  }
  const letters = OPTIONS[flavor].filter((o) => o.letter && on.has(o.name)).map((o) => o.letter!);
  // dash builds `$-` from its option table backwards (expand.c), so a terminal's is `smi`.
  return (flavor === 'dash' ? letters.reverse() : letters).join('');
}
