/**
 * Journeys typed as a learner types them into `npx kubelab shell`: the same session and the same
 * loop as src/cli/shell.ts, so a golden transcript here is what the CLI prints.
 */
import type { Simulation } from '../../sim/Simulation';
import { createLearnerSession } from '../learnerSession';

/**
 * Runs `lines` one by one on a fresh learner session over `sim` and returns the transcript:
 * prompt + line, then output. A command still running after its line (a watch, `kubectl proxy`
 * in the foreground) sees the cluster settle and is stopped by the next line, as in the CLI.
 */
export function learnerTranscript(sim: Simulation, lines: readonly string[]): string {
  const session = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  let out = '';
  for (const line of lines) {
    if (session.isRunning) out += session.interrupt().output;
    out += `${session.prompt()}${line}\n`;
    out += session.execute(line).output;
    sim.drain();
    if (session.isRunning) {
      sim.runUntilSettled();
      out += session.poll().output;
    }
    if (session.ended) break;
  }
  if (session.isRunning) out += session.interrupt().output;
  return out;
}

/** The lines that write `content` to `file` with a quoted heredoc, as a learner pastes it. */
export function heredoc(file: string, content: string, delimiter = 'EOF'): string[] {
  return [`cat > ${file} <<'${delimiter}'`, ...content.replace(/\n$/, '').split('\n'), delimiter];
}
