import { createInterface } from 'node:readline';
import { createLearnerSession } from '../engine/cluster';
import { Simulation } from '../engine/sim/Simulation';
import { parseFlags } from './parseFlags';

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Reads command lines from `input` and writes the transcript the browser terminal would show:
 * the prompt and the echoed command, then the command's output. Colour is kept only when the
 * output is a terminal. The shell lives on the `controlplane` node of a fresh simulated cluster
 * (`--seed` picks its names and addresses); virtual time moves only when a command asks for it.
 */
export async function runShell(args: string[], input: NodeJS.ReadableStream, output: NodeJS.WritableStream & { isTTY?: boolean }): Promise<number> {
  const flags = parseFlags(args, { seed: 'string' });
  if (!flags.ok) {
    process.stderr.write(`kubelab shell: ${flags.error}\n`);
    return 2;
  }
  const seed = flags.values.seed;
  const sim = new Simulation(typeof seed === 'string' ? { seed } : {});
  const session = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  const plain = !output.isTTY;
  const write = (text: string) => output.write(plain ? text.replace(ANSI, '') : text);

  /**
   * A command still running here waits for the cluster rather than for time (a watch, `-f`):
   * let the cluster run until it is quiet, so the transcript shows what the command would have
   * seen, and leave it running; the next line (or the end of input) stops it as Ctrl+C would.
   */
  const follow = () => {
    if (!session.isRunning) return;
    sim.runUntilSettled();
    write(session.poll().output);
  };

  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    if (session.isRunning) write(session.interrupt().output);
    write(`${session.prompt()}${line}\n`);
    const result = session.execute(line);
    sim.drain();
    write(result.output);
    follow();
    if (session.ended) break;
  }
  if (session.isRunning) write(session.interrupt().output);
  return session.lastExitCode;
}
