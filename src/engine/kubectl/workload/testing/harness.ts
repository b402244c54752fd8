/**
 * Test rig for the workload verbs: a real Simulation, a real ShellSession on `controlplane`
 * whose clock is the simulation's, and a stand-in `kubectl` command that parses flags with
 * {@link parseFlags} and runs the verbs. Replaced by kubectl's dispatcher once it exists.
 */
import { ShellSession } from '../../../shell/ShellSession';
import { Simulation, type SimulationConfig } from '../../../sim/Simulation';
import type { CommandContext, CommandOutcome } from '../../../shell/types';
import { KUBERNETES_ADMIN } from '../../../api/ApiServer';
import type { KubectlContext, Verb } from '../../verb';
import { parseFlags } from './flagParser';

/** Finds the verb (and sub-verb) named by argv; returns it and the remaining arguments. */
function findVerb(verbs: Verb[], argv: string[]): { verb: Verb; rest: string[] } | undefined {
  const top = verbs.find((v) => v.name === argv[0] || v.aliases?.includes(argv[0] ?? ''));
  if (!top) return undefined;
  const sub = top.subcommands && findVerb(top.subcommands, argv.slice(1));
  return sub ?? { verb: top, rest: argv.slice(1) };
}

/** Builds the KubectlContext the dispatcher would build for `argv` (after `kubectl`). */
export function kubectlContext(sim: Simulation, cmd: CommandContext, verb: Verb, argv: string[]): KubectlContext {
  const parsed = parseFlags(verb, argv);
  const ns = parsed.flags.get<string>('namespace') || 'default';
  return {
    cmd,
    sim,
    server: sim.api,
    api: sim.api.client(KUBERNETES_ADMIN),
    namespace: ns,
    namespaceExplicit: parsed.flags.has('namespace'),
    flags: parsed.flags,
    args: parsed.args,
    afterDash: parsed.afterDash,
    now: () => sim.clock.now(),
  };
}

export interface WorkloadRig {
  sim: Simulation;
  shell: ShellSession;
  /** Types one line; returns what the terminal shows. */
  run(line: string): string;
  /** Types lines and returns the whole transcript (prompt + line + output). */
  transcript(lines: string[]): string;
}

/** A cluster plus a learner's shell where `kubectl <workload verb>` works. */
export function workloadRig(verbs: Verb[], config: Partial<SimulationConfig> = {}): WorkloadRig {
  const sim = new Simulation(config);
  const shell = new ShellSession({ now: () => sim.clock.now(), advance: (ms) => sim.advance(ms) });
  const kubectl = (ctx: CommandContext): CommandOutcome => {
    const argv = ctx.argv.slice(1);
    const found = findVerb(verbs, argv);
    if (!found) {
      ctx.stderr(`error: unknown command "${argv[0] ?? ''}" for "kubectl"\n`);
      return 1;
    }
    let kctx: KubectlContext;
    try {
      kctx = kubectlContext(sim, ctx, found.verb, found.rest);
    } catch (e) {
      ctx.stderr(`error: ${(e as Error).message}\n`);
      return 1;
    }
    const out = found.verb.run(kctx);
    sim.drain();
    return out;
  };
  shell.commands.register('kubectl', kubectl);
  const run = (line: string) => shell.execute(line).output;
  return {
    sim,
    shell,
    run,
    transcript: (lines) => lines.map((l) => `${shell.prompt()}${l}\n${run(l)}`).join(''),
  };
}
