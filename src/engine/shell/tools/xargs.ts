import type { CommandContext } from '../types';
import { getopt, usageError } from './getopt';

/** Splits xargs input into arguments: blanks and newlines separate, quotes and backslashes group. */
function splitArgs(input: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "'" || c === '"') {
      const end = input.indexOf(c, i + 1);
      if (end < 0 || input.slice(i + 1, end).includes('\n')) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      cur += input.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && i + 1 < input.length) {
      cur += input[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** `xargs [-n N] [-I R] [-r] [CMD...]`: runs CMD (default echo) with arguments read from stdin. */
export function xargs(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const cmdStart = args.findIndex((a, i) => !a.startsWith('-') && !/^-[nIiLPsd]$/.test(args[i - 1] ?? ''));
  const o = getopt(cmdStart < 0 ? args : args.slice(0, cmdStart), { flags: 'rt0x', values: 'nILPsd', long: { 'no-run-if-empty': 'r', 'max-args=': 'n', 'replace=': 'I' } });
  if (!o.ok) return usageError(ctx.stderr, 'xargs', o.message);
  const command = cmdStart < 0 ? ['echo'] : args.slice(cmdStart);
  const replace = o.opts.get('I')?.at(-1);
  const maxArgs = o.opts.has('n') ? Number(o.opts.get('n')!.at(-1)) : undefined;
  if (maxArgs !== undefined && !(maxArgs >= 1)) {
    ctx.stderr(`xargs: value ${o.opts.get('n')!.at(-1)} for -n option should be >= 1\n`);
    return 1;
  }
  let batches: string[][];
  if (replace !== undefined) {
    batches = ctx.stdin
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, ''))
      .filter((l) => l !== '')
      .map((l) => command.map((a) => a.split(replace).join(l)));
  } else {
    const split = o.opts.has('0') ? ctx.stdin.split('\0').filter((s) => s !== '') : splitArgs(ctx.stdin);
    if (typeof split === 'string') {
      ctx.stderr(`xargs: ${split}\n`);
      return 1;
    }
    const size = maxArgs ?? Math.max(split.length, 1);
    batches = [];
    for (let i = 0; i < split.length; i += size) batches.push([...command, ...split.slice(i, i + size)]);
    if (split.length === 0 && !o.opts.has('r')) batches.push([...command]);
  }
  if (!ctx.machine.commands.has(command[0]!) && !ctx.shell.isBuiltin(command[0]!)) {
    if (batches.length === 0) return 0;
    ctx.stderr(`xargs: ${command[0]}: No such file or directory\n`);
    return 127;
  }
  let code = 0;
  for (const argv of batches) {
    if (o.opts.has('t')) ctx.stderr(`${argv.join(' ')}\n`);
    const c = ctx.exec(argv, '');
    if (c === 255) {
      ctx.stderr(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (c !== 0) code = 123;
  }
  return code;
}
