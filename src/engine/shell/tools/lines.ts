import type { CommandContext } from '../types';
import { EndlessRead, STRERROR, VfsError } from '../vfs/Vfs';

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
export function readInputs(ctx: CommandContext, tool: string, operands: string[], fromDevice?: (path: string) => string): { inputs: { name: string; text: string }[]; failed: boolean } {
  const inputs: { name: string; text: string }[] = [];
  let failed = false;
  for (const name of operands.length === 0 ? ['-'] : operands) {
    // A tool that stops reading early (head) takes only what it needs from an endless device.
    const device = name === '-' ? ctx.stdinDevice : ctx.fs.isEndless(ctx.resolve(name)) ? ctx.resolve(name) : undefined;
    if (device !== undefined && fromDevice) {
      inputs.push({ name: name === '-' ? '(standard input)' : name, text: fromDevice(device) });
      continue;
    }
    if (name === '-' || isStdinLink(ctx, name)) {
      inputs.push({ name: name === '-' ? '(standard input)' : name, text: ctx.stdin });
      continue;
    }
    const text = readFileOrReport(ctx, tool, name);
    if (text === undefined) failed = true;
    else inputs.push({ name, text });
  }
  return { inputs, failed };
}

/** Whether `name` is a link to the process's own fd 0 (`/dev/stdin`): opening it reads stdin. */
export function isStdinLink(ctx: CommandContext, name: string): boolean {
  const st = ctx.fs.lstat(ctx.resolve(name));
  return st?.kind === 'link' && (st.target === '/proc/self/fd/0' || st.target === '/dev/stdin');
}

/**
 * What `head` takes from a device that never ends: `count` bytes, or reads of a pipe-buffer's
 * size until `count` lines have come (a device with no newline in it, like /dev/zero, blocks).
 */
export function headOfDevice(ctx: CommandContext, path: string, unit: 'bytes' | 'lines', count: number): string {
  if (unit === 'bytes') return ctx.fs.readFile(path, count);
  let text = '';
  let lines = 0;
  while (lines < count) {
    const chunk = ctx.fs.readFile(path, 4096);
    if (!chunk.includes('\n') && text.length >= 1 << 20) throw new EndlessRead(path);
    text += chunk;
    lines += chunk.split('\n').length - 1;
  }
  let end = -1;
  for (let i = 0; i < count; i++) end = text.indexOf('\n', end + 1);
  return text.slice(0, end + 1);
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
