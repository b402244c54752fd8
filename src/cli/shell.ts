import { createInterface } from 'node:readline';
import { ShellSession } from '../engine/shell/ShellSession';
import { parseFlags } from './parseFlags';

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Reads command lines from `input` and writes the transcript the browser terminal would show:
 * the prompt and the echoed command, then the command's output. Colour is kept only when the
 * output is a terminal. Virtual time moves only when a command asks for it.
 */
export async function runShell(args: string[], input: NodeJS.ReadableStream, output: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const flags = parseFlags(args, {});
  if (!flags.ok) {
    process.stderr.write(`kubelab shell: ${flags.error}\n`);
    return 2;
  }
  const session = new ShellSession();
  const plain = !output.isTTY;
  const write = (text: string) => output.write(plain ? text.replace(ANSI, '') : text);

  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    write(`${session.prompt()}${line}\n`);
    const result = session.execute(line);
    write(result.output);
  }
  return session.lastExitCode;
}
