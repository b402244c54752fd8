/**
 * The learner's terminal, for the browser and `npx kubelab shell` alike: a shell logged in as
 * root on the `controlplane` node of a live Simulation.
 */
import { ShellSession } from '../shell/ShellSession';
import type { Simulation } from '../sim/Simulation';
import { runMainCommands } from './mainCommands';
import { nodeMachine } from './nodeMachine';

export interface LearnerSessionOptions {
  /**
   * Moves virtual time (the command line: `sim.advance`). Without it time flows on its own (the
   * browser) and long commands return `running` results to poll.
   */
  advance?: (ms: number) => void;
}

/** A session on the control-plane node (the first node marked control plane, else the first node). */
export function createLearnerSession(sim: Simulation, options: LearnerSessionOptions = {}): ShellSession {
  const cp = sim.config.nodes.find((n) => n.controlPlane) ?? sim.config.nodes[0]!;
  // Containers started from this terminal run their main-process commands for real.
  runMainCommands(sim);
  const machine = nodeMachine(sim, cp.name)!;
  return new ShellSession({ machine, now: () => sim.clock.now(), ...(options.advance ? { advance: options.advance } : {}) });
}
