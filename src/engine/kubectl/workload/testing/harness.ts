/**
 * Test rig for the workload verbs: a real Simulation and a real ShellSession on `controlplane`
 * whose clock is the simulation's, with the real `kubectl` (dispatcher + every verb) installed.
 */
import { ShellSession } from '../../../shell/ShellSession';
import { Simulation, type SimulationConfig } from '../../../sim/Simulation';
import { kubectlTool } from '../../index';

export interface WorkloadRig {
  sim: Simulation;
  shell: ShellSession;
  /** Types one line; returns what the terminal shows. */
  run(line: string): string;
  /** Types lines and returns the whole transcript (prompt + line + output). */
  transcript(lines: string[]): string;
}

/** A cluster plus a learner's shell on the control-plane node where kubectl works. */
export function workloadRig(config: Partial<SimulationConfig> = {}, options: { timeFlows?: boolean } = {}): WorkloadRig {
  const sim = new Simulation(config);
  // Command line: the shell moves the clock itself. Browser (`timeFlows`): jobs keep running
  // and the test moves the clock, then polls.
  const shell = options.timeFlows ? new ShellSession({ now: () => sim.clock.now() }) : new ShellSession({ now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
  shell.commands.register('kubectl', kubectlTool({ sim, place: { kind: 'node', node: 'controlplane' } }));
  const run = (line: string) => shell.execute(line).output;
  return {
    sim,
    shell,
    run,
    transcript: (lines) => lines.map((l) => `${shell.prompt()}${l}\n${run(l)}`).join(''),
  };
}
