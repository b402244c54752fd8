/** Helpers for tests of the live DNS: a pod to run tools in, and a minimal command context. */
import type { Container } from 'kubernetes-types/core/v1';
import type { Place } from '../cluster/tools';
import { CommandRegistry } from '../shell/CommandRegistry';
import type { CommandContext, CommandEffects, Machine, ShellHooks } from '../shell/types';
import { Vfs } from '../shell/vfs/Vfs';
import type { PodObject } from '../sim/kinds';
import type { Simulation } from '../sim/Simulation';
import { dnsTools } from './toolset';

/** Creates a pod, lets it start, and returns where its first container runs. */
export function runPod(sim: Simulation, namespace: string, name: string, container: Partial<Container>): Place {
  const a = sim.api.admin();
  a.create('pods', namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name, command: ['sleep', '3600'], ...container }] } });
  sim.runUntilSettled(120_000);
  const pod = a.get<PodObject>('pods', namespace, name);
  return { kind: 'container', namespace, pod: name, container: container.name ?? name, node: pod.spec!.nodeName! };
}

/** Output of one DNS tool run at `place`; `controlsTime` makes the tool advance the clock. */
export function runTool(sim: Simulation, place: Place, argv: string[], controlsTime = true): { stdout: string; stderr: string; exitCode: number; effects?: CommandEffects } {
  let stdout = '';
  let stderr = '';
  const fs = new Vfs(() => sim.clock.now());
  const machine: Machine = { hostname: place.kind === 'container' ? place.pod : place.node, user: 'root', home: '/root', fs, commands: new CommandRegistry(), flavor: 'ash', ps1: '# ', env: {} };
  const hooks = { ...(controlsTime ? { advance: (ms: number) => sim.advance(ms) } : {}) } as ShellHooks;
  const ctx: CommandContext = {
    argv,
    stdin: '',
    readLine: () => undefined,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: { get: () => undefined, set: () => undefined, unset: () => undefined, exported: () => [] },
    cwd: '/',
    fs,
    machine,
    now: () => sim.clock.now(),
    resolve: (p) => p,
    exec: () => 127,
    shell: hooks,
  };
  const tool = dnsTools[argv[0]!];
  if (!tool) throw new Error(`no DNS tool ${argv[0]}`);
  const out = tool({ sim, place })(ctx);
  if (typeof out === 'number') return { stdout, stderr, exitCode: out };
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exitCode: out.exitCode,
    effects: out,
  };
}

/** The lines of a container's log, current process. */
export function logLines(sim: Simulation, place: Extract<Place, { kind: 'container' }> | { namespace: string; pod: string; node: string; container: string }): string[] {
  return (sim.kubelet(place.node)?.logs(place.namespace, place.pod, place.container) ?? []).map((l) => l.line);
}
