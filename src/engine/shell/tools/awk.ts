import type { CommandContext } from '../types';
import { VfsError, STRERROR } from '../vfs/Vfs';
import { AwkSyntaxError, parseAwk } from './awk/parse';
import { AwkProgram, AwkRuntimeError } from './awk/run';

const USAGE = 'usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n';

/** `awk [-F fs] [-v var=value] 'program' [file...]`, behaving and erring like Debian's mawk. */
export function awk(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const assigns: [string, string][] = [];
  let program: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-F')) {
      const fs = a.length > 2 ? a.slice(2) : args[++i];
      if (fs === undefined) {
        ctx.stderr(USAGE);
        return 2;
      }
      assigns.push(['FS', fs === 't' ? '\t' : fs.replace(/\\t/g, '\t')]);
    } else if (a.startsWith('-v')) {
      const kv = a.length > 2 ? a.slice(2) : args[++i];
      const eq = kv?.indexOf('=') ?? -1;
      if (!kv || eq <= 0) {
        ctx.stderr(`awk: improper assignment: -v ${kv ?? ''}\n`);
        return 2;
      }
      assigns.push([kv.slice(0, eq), kv.slice(eq + 1).replace(/\\n/g, '\n').replace(/\\t/g, '\t')]);
    } else if (a === '-f') {
      const file = args[++i];
      try {
        program = ctx.fs.readFile(ctx.resolve(file ?? ''));
      } catch {
        ctx.stderr(`awk: couldn't open file ${file}\n`);
        return 2;
      }
    } else if (a.startsWith('-') && a !== '-') {
      ctx.stderr(`awk: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  const rest = args.slice(i);
  if (program === undefined) program = rest.shift();
  if (program === undefined) {
    ctx.stderr(USAGE);
    return 2;
  }
  let rules;
  try {
    rules = parseAwk(`${program}\n`);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    ctx.stderr(`awk: line ${e.line}: ${e.message}\n`);
    return 2;
  }
  const inputs: { name: string; text: string }[] = [];
  const operandAssigns: [string, string][] = [];
  for (const name of rest) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(name);
    if (m) {
      operandAssigns.push([m[1]!, m[2]!]);
      continue;
    }
    if (name === '-') {
      inputs.push({ name: '(standard input)', text: ctx.stdin });
      continue;
    }
    try {
      inputs.push({ name, text: ctx.fs.readFile(ctx.resolve(name)) });
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`awk: cannot open ${name} (${STRERROR[e.code]})\n`);
      return 2;
    }
  }
  if (inputs.length === 0) inputs.push({ name: '(standard input)', text: ctx.stdin });
  const prog = new AwkProgram(
    rules,
    {
      write: (t) => ctx.stdout(t),
      writeFile: (path, text, append) => {
        if (path === '/dev/stderr') ctx.stderr(text);
        else if (path === '/dev/stdout') ctx.stdout(text);
        else if (append) ctx.fs.appendFile(ctx.resolve(path), text);
        else ctx.fs.writeFile(ctx.resolve(path), text);
      },
    },
    [...assigns, ...operandAssigns],
  );
  try {
    return prog.run(inputs);
  } catch (e) {
    if (!(e instanceof AwkRuntimeError)) throw e;
    ctx.stderr(`awk: run time error: ${e.message}\n`);
    return 2;
  }
}
