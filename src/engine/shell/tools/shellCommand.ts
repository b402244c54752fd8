/**
 * `sh` and `bash` as commands: `sh -c 'a; b'`, `bash script.sh`, `echo ls | sh`, and a nested
 * interactive shell when typed alone at a terminal. Books use `sh -c` in `kubectl exec` and
 * container commands all the time, so a script must run as the shell would run it, not as words.
 */
import type { Command, CommandContext, CommandOutcome } from '../types';

export const shellCommand: Command = (ctx) => {
  const name = ctx.argv[0]!.split('/').pop()!;
  // Reading stdin consumes it: take it once.
  const input = ctx.stdin;
  const args = ctx.argv.slice(1);
  const c = args.indexOf('-c');
  if (c >= 0) {
    const script = args[c + 1];
    if (script === undefined) {
      ctx.stderr(`${name}: -c: option requires an argument\n`);
      return 2;
    }
    return run(ctx, name, script, input, '-c');
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file !== undefined) {
    const path = ctx.resolve(file);
    if (!ctx.fs.exists(path)) {
      ctx.stderr(ctx.machine.flavor === 'ash' ? `${name}: can't open '${file}': No such file or directory\n` : `${name}: ${file}: No such file or directory\n`);
      return 127;
    }
    return run(ctx, name, ctx.fs.readFile(path), input, file);
  }
  if (input === '' && ctx.isTTY) {
    ctx.shell.enter(ctx.machine, { cwd: ctx.cwd });
    return 0;
  }
  return run(ctx, name, input, '', 'stdin');
};

function run(ctx: CommandContext, name: string, script: string, stdin: string, where: string): CommandOutcome {
  const r = ctx.shell.runScript(script, stdin);
  if (typeof r === 'number' || !('syntaxError' in r)) return r;
  if (ctx.machine.flavor === 'ash') ctx.stderr(`${name}: syntax error: ${r.syntaxError === 'incomplete' ? 'unexpected end of file' : `unexpected "${r.token}"`}\n`);
  else if (r.syntaxError === 'incomplete') ctx.stderr(`${name}: ${where}: line 1: syntax error: unexpected end of file\n`);
  else ctx.stderr(`${name}: ${where}: line 1: syntax error near unexpected token \`${r.token}'\n${name}: ${where}: line 1: \`${script.split('\n')[0]}'\n`);
  return 2;
}
