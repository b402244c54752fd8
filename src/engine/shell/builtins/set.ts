import type { CommandContext, ShellFlavor } from '../types';
import { OPTIONS } from '../options/shellOptions';
import { bashQuote } from '../options/xtrace';
import { shellLabel } from './shellBuiltins';

const BASH_USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n';

/** One option change (`-e`, `+o pipefail`) or a listing (`-o` / `+o` with no name). */
type Change = { on: boolean; name: string } | { list: '-o' | '+o' };

/**
 * `set`: options by letter or name (`-eu`, `+x`, `-o pipefail`), `set -o`/`set +o` listings,
 * positional parameters (`set -- a b`, `set a b`, `set -`), and with no arguments every variable.
 * Every argument is checked before any applies, as bash's two passes over them do (set.def).
 */
export function set(ctx: CommandContext): number {
  const flavor = ctx.shell.identity().flavor;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    for (const [name, value] of ctx.shell.variables()) ctx.stdout(`${name}=${listQuote(flavor, value)}\n`);
    return 0;
  }
  const defs = OPTIONS[flavor];
  const changes: Change[] = [];
  let positional: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional = args.slice(i + 1);
      break;
    }
    if (arg === '-') {
      // `set -` turns xtrace and verbose off and ends the options (bash, dash).
      changes.push({ on: false, name: 'xtrace' }, { on: false, name: 'verbose' });
      if (i + 1 < args.length) positional = args.slice(i + 1);
      break;
    }
    if (!/^[-+]./.test(arg)) {
      positional = args.slice(i);
      break;
    }
    const on = arg[0] === '-';
    for (const letter of arg.slice(1)) {
      if (letter === 'o') {
        const name = args[i + 1];
        if (name === undefined) {
          changes.push({ list: on ? '-o' : '+o' });
          continue;
        }
        i++;
        if (!defs.some((d) => d.name === name)) return badName(ctx, flavor, arg[0]!, name);
        changes.push({ on, name });
        continue;
      }
      const def = defs.find((d) => d.letter === letter);
      if (!def) return badLetter(ctx, flavor, arg[0]!, letter);
      changes.push({ on, name: def.name });
    }
  }
  const options = ctx.shell.options();
  for (const c of changes) {
    if ('list' in c) list(ctx, flavor, c.list, options);
    else if (c.on) options.add(c.name);
    else options.delete(c.name);
  }
  if (positional) ctx.shell.setPositional(positional);
  return 0;
}

/** A value as each shell's `set` lists it: bash quotes only what needs it, dash and ash always. */
function listQuote(flavor: ShellFlavor, value: string): string {
  return flavor === 'bash' ? bashQuote(value) : `'${value.replace(/'/g, `'"'"'`)}'`;
}

function list(ctx: CommandContext, flavor: ShellFlavor, how: '-o' | '+o', on: ReadonlySet<string>): void {
  const defs = OPTIONS[flavor];
  if (how === '+o') {
    for (const d of defs) ctx.stdout(`set ${on.has(d.name) ? '-' : '+'}o ${d.name}\n`);
    return;
  }
  // bash: "%-15s\t%s" (set.def print_minus_o_option); dash and ash: a heading, then "%-16s%s".
  if (flavor !== 'bash') ctx.stdout('Current option settings\n');
  for (const d of defs) {
    const state = on.has(d.name) ? 'on' : 'off';
    ctx.stdout(flavor === 'bash' ? `${d.name.padEnd(15)}\t${state}\n` : `${d.name.padEnd(16)}${state}\n`);
  }
}

/** An unknown option name: bash's wording and status 2, dash's sh_error (2), busybox ash's ash_msg (1). */
function badName(ctx: CommandContext, flavor: ShellFlavor, sign: string, name: string): number {
  const label = shellLabel(ctx);
  if (flavor === 'dash') ctx.stderr(`${label}: set: Illegal option ${sign}o ${name}\n`);
  else if (flavor === 'ash') ctx.stderr(`${label}: set: illegal option ${sign}o ${name}\n`);
  else ctx.stderr(`${label}: set: ${name}: invalid option name\n`);
  return flavor === 'ash' ? 1 : 2;
}

/** An unknown letter: bash adds its usage line (builtin_usage); dash and ash say `Illegal option -q`. */
function badLetter(ctx: CommandContext, flavor: ShellFlavor, sign: string, letter: string): number {
  const label = shellLabel(ctx);
  if (flavor === 'bash') {
    ctx.stderr(`${label}: set: ${sign}${letter}: invalid option\n${BASH_USAGE}`);
    return 2;
  }
  ctx.stderr(flavor === 'dash' ? `${label}: set: Illegal option -${letter}\n` : `${label}: set: illegal option ${sign}${letter}\n`);
  return flavor === 'ash' ? 1 : 2;
}
