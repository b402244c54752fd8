import type { CommandContext } from '../types';
import { STRERROR, VfsError } from '../vfs/Vfs';

/** Splits text into lines the way line-oriented tools see them (a final newline ends, not starts, a line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function joinLines(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * Reads each operand (or stdin for none and for `-`), reporting unreadable files as
 * `tool: name: No such file or directory`. Returns the contents and whether any failed.
 */
export function readInputs(ctx: CommandContext, tool: string, operands: string[]): { inputs: { name: string; text: string }[]; failed: boolean } {
  const inputs: { name: string; text: string }[] = [];
  let failed = false;
  for (const name of operands.length === 0 ? ['-'] : operands) {
    if (name === '-') {
      inputs.push({ name: '(standard input)', text: ctx.stdin });
      continue;
    }
    const text = readFileOrReport(ctx, tool, name);
    if (text === undefined) failed = true;
    else inputs.push({ name, text });
  }
  return { inputs, failed };
}

export function readFileOrReport(ctx: CommandContext, tool: string, name: string): string | undefined {
  try {
    return ctx.fs.readFile(ctx.resolve(name));
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
    ctx.stderr(`${tool}: ${name}: ${STRERROR[e.code]}\n`);
    return undefined;
  }
}
