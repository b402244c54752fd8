/** Test rig: a real Simulation and a ShellSession on `controlplane` whose clock is the simulation's, with kubectl installed. */
import { ShellSession } from '../../shell/ShellSession';
import { transcript as shellTranscript } from '../../shell/testing/transcript';
import { Simulation } from '../../sim/Simulation';
import type { Place } from '../../cluster/tools';
import { kubectlCompletion, kubectlTool } from '../index';

export function kubectlSession(seed = 'kubectl', place: Place = { kind: 'node', node: 'controlplane' }, options: { browser?: boolean } = {}): { sim: Simulation; s: ShellSession } {
  const sim = new Simulation({ seed });
  // The browser's clock flows on its own: the session gets no `advance`, long commands become jobs.
  const s = new ShellSession(options.browser ? { now: () => sim.clock.now() } : { now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
  const env = { sim, place };
  s.commands.register('kubectl', kubectlTool(env), { complete: kubectlCompletion(env) });
  return { sim, s };
}

/** Prompt + line + output for each line (the golden format); running commands get Ctrl+C. */
export function transcript(s: ShellSession, lines: readonly string[]): string {
  return shellTranscript(s, lines, { interruptRunning: true });
}
