/**
 * `sh` and `bash` as commands: `sh -c 'a; b'`, `bash script.sh`, `echo ls | sh`, and a nested
 * interactive shell when typed alone at a terminal. Books use `sh -c` in `kubectl exec` and
 * container commands all the time, so a script must run as the shell would run it, not as words.
 */
import { whenDone } from '../outcome';
import { parse } from '../parser/parse';
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
    return run(ctx, name, script, input, { kind: '-c' });
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file !== undefined) {
    const path = ctx.resolve(file);
    if (!ctx.fs.exists(path)) {
      ctx.stderr(ctx.machine.flavor === 'ash' ? `${name}: can't open '${file}': No such file or directory\n` : `${name}: ${file}: No such file or directory\n`);
      return 127;
    }
    return run(ctx, name, ctx.fs.readFile(path), input, { kind: 'file', file });
  }
  if (input === '' && ctx.isTTY) {
    ctx.shell.enter(ctx.machine, { cwd: ctx.cwd });
    return 0;
  }
  return run(ctx, name, input, '', { kind: 'stdin' });
};

type ScriptSource = { kind: '-c' } | { kind: 'file'; file: string } | { kind: 'stdin' };

function run(ctx: CommandContext, name: string, script: string, stdin: string, source: ScriptSource): CommandOutcome {
  const r = ctx.shell.runScript(script, stdin);
  if (typeof r === 'number' || !('syntaxError' in r)) return r;
  // bash reads a script a command at a time: the commands before the bad line have already run
  // when it meets the error, and it names the line (the one after the last for a missing end).
  const lines = script.endsWith('\n') ? script.slice(0, -1).split('\n') : script.split('\n');
  const upTo = (k: number) => lines.slice(0, k).join('\n');
  let bad = lines.length + 1;
  if (r.syntaxError === 'syntax') {
    bad = 1;
    while (bad < lines.length && !isSyntaxError(parse(upTo(bad)))) bad++;
  }
  let ran = bad - 1;
  while (ran > 0 && !parse(upTo(ran)).ok) ran--;
  const report = (): number => {
    ctx.stderr(syntaxMessage(ctx.machine.flavor === 'ash', name, source, bad, lines[bad - 1] ?? '', r));
    return 2;
  };
  if (ran === 0) return report();
  const before = ctx.shell.runScript(upTo(ran), stdin);
  return typeof before !== 'number' && 'syntaxError' in before ? report() : whenDone(before, report);
}

function isSyntaxError(r: ReturnType<typeof parse>): boolean {
  return !r.ok && r.kind !== 'incomplete';
}

/** bash 5.2's wording: `-c` and script files name the line; a script read from stdin does not. */
function syntaxMessage(ash: boolean, name: string, source: ScriptSource, line: number, text: string, r: { syntaxError: 'incomplete' | 'syntax'; token?: string }): string {
  if (ash) return `${name}: syntax error: ${r.syntaxError === 'incomplete' ? 'unexpected end of file' : `unexpected "${r.token}"`}\n`;
  const at = source.kind === '-c' ? `${name}: -c: line ${line}: ` : source.kind === 'file' ? `${source.file}: line ${line}: ` : `${name}: `;
  if (r.syntaxError === 'incomplete') return `${at}syntax error: unexpected end of file\n`;
  return `${at}syntax error near unexpected token \`${r.token}'\n${at}\`${text}'\n`;
}
