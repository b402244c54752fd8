/**
 * `sh` and `bash` as commands: `sh -c 'a; b'`, `bash script.sh`, `echo ls | sh`, and a nested
 * interactive shell when typed alone at a terminal. Books use `sh -c` in `kubectl exec` and
 * container commands all the time, so a script must run as the shell would run it, not as words.
 * `bash` is GNU bash; `sh` is what the machine's /bin/sh is: dash on Debian and Ubuntu, busybox ash
 * on busybox images.
 */
import { whenDone } from '../outcome';
import { parse } from '../parser/parse';
import { syntaxErrorMessage } from '../syntaxErrors';
import type { Command, CommandContext, CommandOutcome, Machine, ShellFlavor, ShellIdentity } from '../types';

/** Which shell `argv0` (`sh`, `/bin/sh`, `bash`) starts on this machine. */
export function shellFlavorFor(machine: Machine, argv0: string): ShellFlavor {
  if (argv0.split('/').pop() === 'bash') return 'bash';
  return machine.sh ?? (machine.flavor === 'ash' ? 'ash' : 'dash');
}

/**
 * The interactive shell `argv0` starts (`kubectl exec -it POD -- sh`): bash names itself by its
 * basename, dash keeps $0 as it was started. Undefined for other shells (zsh): the machine's own.
 */
export function interactiveShell(machine: Machine, argv0: string): ShellIdentity | undefined {
  const base = argv0.split('/').pop()!;
  if (base !== 'sh' && base !== 'bash') return undefined;
  const flavor = shellFlavorFor(machine, argv0);
  return { flavor, name: flavor === 'dash' ? argv0 : base, source: 'interactive' };
}

export const shellCommand: Command = (ctx) => {
  const invoked = ctx.argv[0]!;
  const flavor = shellFlavorFor(ctx.machine, invoked);
  // Reading stdin consumes it: take it once.
  const input = ctx.stdin;
  const args = ctx.argv.slice(1);
  const c = args.indexOf('-c');
  if (c >= 0) {
    const script = args[c + 1];
    if (script === undefined) {
      ctx.stderr(flavor === 'dash' ? `${invoked}: 0: -c requires an argument\n` : `${invoked.split('/').pop()}: -c: option requires an argument\n`);
      return 2;
    }
    // `sh -c SCRIPT NAME ARGS...`: NAME becomes $0, ARGS the positional parameters.
    const rest = args.slice(c + 2);
    return run(ctx, { flavor, name: rest[0] ?? invoked, source: '-c', args: rest.slice(1) }, script, input);
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file !== undefined) {
    const path = ctx.resolve(file);
    if (!ctx.fs.exists(path)) {
      if (flavor === 'dash') ctx.stderr(`${invoked}: 0: cannot open ${file}: No such file\n`);
      else ctx.stderr(flavor === 'ash' ? `sh: can't open '${file}': No such file or directory\n` : `${invoked.split('/').pop()}: ${file}: No such file or directory\n`);
      return flavor === 'dash' ? 2 : 127;
    }
    return run(ctx, { flavor, name: file, source: 'file', args: args.slice(args.indexOf(file) + 1) }, ctx.fs.readFile(path), input);
  }
  if (input === '' && ctx.isTTY) {
    const shell = interactiveShell(ctx.machine, invoked);
    ctx.shell.enter(ctx.machine, { cwd: ctx.cwd, ...(shell ? { shell } : {}) });
    return 0;
  }
  return run(ctx, { flavor, name: invoked, source: 'stdin' }, input, '');
};

function run(ctx: CommandContext, shell: ShellIdentity, script: string, stdin: string): CommandOutcome {
  const r = ctx.shell.runScript(script, stdin, shell);
  if (typeof r === 'number' || !('syntaxError' in r)) return r;
  // The shells read a script a command at a time: the commands before the bad line have already
  // run when they meet the error, and they name its line (for a missing end, bash the one after
  // the last line, dash the line the input ended on).
  const lines = script.endsWith('\n') ? script.slice(0, -1).split('\n') : script.split('\n');
  const upTo = (k: number) => lines.slice(0, k).join('\n');
  let bad = lines.length + 1;
  if (r.syntaxError === 'syntax') {
    bad = 1;
    while (bad < lines.length && !isSyntaxError(parse(upTo(bad)))) bad++;
  }
  let ran = bad - 1;
  while (ran > 0 && !parse(upTo(ran)).ok) ran--;
  const reported = shell.flavor === 'dash' && r.syntaxError === 'incomplete' ? script.split('\n').length : bad;
  // bash's parser says where the text came from (`bash: -c: line 1:`), its runtime errors do not.
  const where = shell.source === '-c' ? '-c: ' : '';
  const prefix = shell.flavor === 'ash' ? 'sh: ' : shell.flavor === 'dash' ? `${shell.name}: ${reported}: ` : `${shell.name}: ${where}line ${reported}: `;
  const verdict = r.syntaxError === 'incomplete' ? { syntaxError: 'incomplete' as const, ...(r.missing !== undefined ? { missing: r.missing } : {}) } : { syntaxError: 'syntax' as const, ...(r.token !== undefined ? { token: r.token } : {}), ...(r.expecting !== undefined ? { expecting: r.expecting } : {}) };
  const report = (): number => {
    ctx.stderr(syntaxErrorMessage(shell.flavor, prefix, verdict, lines[bad - 1] ?? '', false));
    return 2;
  };
  if (ran === 0) return report();
  const before = ctx.shell.runScript(upTo(ran), stdin, shell);
  return typeof before !== 'number' && 'syntaxError' in before ? report() : whenDone(before, report);
}

function isSyntaxError(r: ReturnType<typeof parse>): boolean {
  return !r.ok && r.kind !== 'incomplete';
}
