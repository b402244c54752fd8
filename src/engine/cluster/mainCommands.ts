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
import { followTouched, revertTouched } from './commandFiles';
import { isCommandJournal, notePoll, pollTimes, ToolJournal, type CommandJournal } from './commandJournal';
import { containerMachine, type ContainerPlace } from './containerMachine';
import { installPackageTools } from './installTools';

/** Single-quotes a word unless it needs none, so the shell reads back exactly `argv`. */
function quote(word: string): string {
  return /^[\w./=:,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const MAIN_COMMANDS_COMPONENT = 'main-commands';

/** A kubelet process hook on every node (rebuilt with the Simulation on restore). */
class MainCommands implements SimComponent {
  private readonly stops: (() => void)[] = [];
  /** What each command still running holds on its container's filesystem (kept across a rewind in place). */
  private readonly releases = new Set<() => void>();

  constructor(ctx: ComponentContext) {
    for (const k of ctx.sim.kubelets) {
      const node = k.cfg.nodeName;
      this.stops.push(
        k.addProcessHook((p, plan): ProcessPlan => {
          const argv = plan.command;
          if (!argv) return plan;
          return { ...plan, runCommand: (saved) => runInContainer(ctx.sim, { node, namespace: p.namespace, pod: p.pod, container: p.container }, argv, saved, this.releases) };
        }),
      );
    }
  }

  processPending(): boolean {
    return false;
  }

  stop(): void {
    for (const s of this.stops) s();
    // The runs of the cluster being replaced are never polled again; the restored one resumes its own.
    for (const r of this.releases) r();
    this.releases.clear();
  }
}

/** Makes containers of `sim` run their main-process commands (once per Simulation). */
export function runMainCommands(sim: Simulation): void {
  if (!sim.component(MAIN_COMMANDS_COMPONENT)) sim.use(MAIN_COMMANDS_COMPONENT, (ctx) => new MainCommands(ctx));
}

/**
 * Runs `argv` in the running container as `kubectl exec POD -- argv` would. Time is not moved
 * here (the kubelet calls from a clock timer): a command that needs time stays running and
 * writes more as the kubelet polls it. With `saved` (a {@link CommandJournal} from a snapshot)
 * the command is brought back to where it was first: the script runs again on the recorded
 * clock with its tools answered from the journal, its output already logged, then goes on live.
 */
function runInContainer(sim: Simulation, place: ContainerPlace, argv: string[], saved: unknown, releases: Set<() => void>): CommandRun | undefined {
  const machine = containerMachine(sim, place);
  if (!machine) return undefined;
  const journal: CommandJournal = isCommandJournal(saved) ? saved : { at: sim.clock.now(), polls: [], tools: [], texts: [] };
  const tools = new ToolJournal(journal, (names) => installPackageTools(machine.commands, { sim, place: { kind: 'container', ...place } }, names));
  // A resumed command finds its files as they were when it started, and writes them again as it replays.
  if (journal.touched) revertTouched(machine.fs, journal.touched);
  const stopFollowing = followTouched(machine.fs, (journal.touched ??= []));
  const unfollow = () => {
    stopFollowing();
    releases.delete(unfollow);
  };
  releases.add(unfollow);
  /** The recorded clock while replaying, then undefined (the cluster's). */
  let replayAt: number | undefined = journal.at;
  const session = new ShellSession({ machine: tools.machine(machine), now: () => replayAt ?? sim.clock.now() });
  let pending = '';
  let exitCode: number | undefined;
  const absorb = (r: ShellResult) => {
    pending += r.output;
    if (r.running || exitCode !== undefined) return;
    exitCode = r.exitCode;
    unfollow();
  };
  const take = () => {
    if (exitCode === undefined) absorb(session.poll());
    // The runtime logs whole lines; a last line without its newline is logged when the process ends.
    const cut = exitCode === undefined ? pending.lastIndexOf('\n') + 1 : pending.length;
    const text = pending.slice(0, cut);
    pending = pending.slice(cut);
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    return exitCode === undefined ? { lines } : { lines, exitCode };
  };
  absorb(session.execute(argv.map(quote).join(' ')));
  // Replay: the same polls at the same times; what they log is in the container's log already.
  for (const at of pollTimes(journal.polls)) {
    replayAt = at;
    take();
  }
  replayAt = undefined;
  tools.live();
  return {
    state: journal,
    take: () => {
      notePoll(journal.polls, sim.clock.now());
      return take();
    },
    kill: () => {
      if (exitCode === undefined) session.interrupt();
      unfollow();
    },
  };
}
