import { createInterface } from 'node:readline';
import { createLearnerSession } from '../engine/cluster';
import { Simulation } from '../engine/sim/Simulation';
import { parseFlags } from './parseFlags';
import { Transcript } from './transcript';

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
  const transcript = new Transcript(sim, session, output);
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    transcript.type(line);
    if (session.ended) break;
  }
  transcript.finish();
  return session.lastExitCode;
}
