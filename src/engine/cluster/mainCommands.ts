/**
 * Containers whose main process is a tool (`kubectl run ... -- nslookup kubernetes`, a `sh -c`
 * script apps/ cannot read): the kubelet asks the image's process plan to run its `command`, and
 * this component wires that request to the container's own shell machine, the one `kubectl exec`
 * uses, so the output is what the same command prints there, against the live cluster.
 */
import type { CommandRun, ProcessPlan } from '../apps';
import { ShellSession } from '../shell/ShellSession';
import type { ShellResult } from '../shell/types';
import type { ComponentContext, SimComponent, Simulation } from '../sim/Simulation';
import { containerMachine, type ContainerPlace } from './containerMachine';

/** Single-quotes a word unless it needs none, so the shell reads back exactly `argv`. */
function quote(word: string): string {
  return /^[\w./=:,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const MAIN_COMMANDS_COMPONENT = 'main-commands';

/** A kubelet process hook on every node (rebuilt with the Simulation on restore). */
class MainCommands implements SimComponent {
  private readonly stops: (() => void)[] = [];

  constructor(ctx: ComponentContext) {
    for (const k of ctx.sim.kubelets) {
      const node = k.cfg.nodeName;
      this.stops.push(
        k.addProcessHook((p, plan): ProcessPlan => {
          const argv = plan.command;
          if (!argv) return plan;
          return { ...plan, runCommand: () => runInContainer(ctx.sim, { node, namespace: p.namespace, pod: p.pod, container: p.container }, argv) };
        }),
      );
    }
  }

  processPending(): boolean {
    return false;
  }

  stop(): void {
    for (const s of this.stops) s();
  }
}

/** Makes containers of `sim` run their main-process commands (once per Simulation). */
export function runMainCommands(sim: Simulation): void {
  if (!sim.component(MAIN_COMMANDS_COMPONENT)) sim.use(MAIN_COMMANDS_COMPONENT, (ctx) => new MainCommands(ctx));
}

/**
 * Runs `argv` in the running container as `kubectl exec POD -- argv` would. Time is not moved
 * here (the kubelet calls from a clock timer): a command that needs time stays running and
 * writes more as the kubelet polls it.
 */
function runInContainer(sim: Simulation, place: ContainerPlace, argv: string[]): CommandRun | undefined {
  const machine = containerMachine(sim, place);
  if (!machine) return undefined;
  const session = new ShellSession({ machine, now: () => sim.clock.now() });
  let pending = '';
  let exitCode: number | undefined;
  const absorb = (r: ShellResult) => {
    pending += r.output;
    if (!r.running) exitCode = r.exitCode;
  };
  absorb(session.execute(argv.map(quote).join(' ')));
  return {
    take: () => {
      if (exitCode === undefined) absorb(session.poll());
      // The runtime logs whole lines; a last line without its newline is logged when the process ends.
      const cut = exitCode === undefined ? pending.lastIndexOf('\n') + 1 : pending.length;
      const text = pending.slice(0, cut);
      pending = pending.slice(cut);
      const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
      return exitCode === undefined ? { lines } : { lines, exitCode };
    },
    kill: () => {
      if (exitCode === undefined) session.interrupt();
    },
  };
}
