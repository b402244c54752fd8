/**
 * `crictl ps [-a]` and `crictl pods` on a node (cri-tools 1.34): the containers and sandboxes
 * containerd runs for the node's kubelet, in crictl's table (tabwriter minwidth 20, padding 3),
 * newest first.
 */
import { tabbed } from '../../kubectl/print/tabwriter';
import { hex, imageID } from '../../kubelet/podStatus';
import type { PodRuntime } from '../../kubelet/runtimeTypes';
import type { CommandContext } from '../../shell/types';
import type { Simulation } from '../../sim/Simulation';
import type { ToolFactory } from '../tools';
import { goUnitsHumanDuration } from './format';

const CRICTL_TABLE = { minwidth: 20, padding: 3, padchar: ' ' };

/** The sandbox ID containerd gave a pod (stable per pod UID). */
export function sandboxID(pod: PodRuntime): string {
  return hex(`sandbox:${pod.uid}`);
}

const trunc = (id: string) => id.slice(0, 13);

function ps(ctx: CommandContext, sim: Simulation, node: string, all: boolean, quiet: boolean): number {
  const now = ctx.now();
  const rows: { created: number; cells: string[]; id: string }[] = [];
  for (const p of sim.kubelet(node)?.runningPods() ?? []) {
    for (const c of [...p.initContainers, ...p.containers]) {
      const history = [c.lastTerminated && c.state !== 'terminated' ? { ...c.lastTerminated, attempt: c.restartCount - 1 } : undefined].filter((x) => x !== undefined);
      const current = c.containerID && c.startedAt !== undefined ? { id: c.containerID, created: c.startedAt, state: c.state === 'running' ? 'Running' : c.state === 'terminated' ? 'Exited' : 'Exited', attempt: c.restartCount } : undefined;
      const entries = [...(all ? history.map((h) => ({ id: h.containerID ?? '', created: h.startedAt ?? h.finishedAt, state: 'Exited', attempt: h.attempt })) : []), ...(current ? [current] : [])];
      for (const e of entries) {
        if (!e.id || (!all && e.state !== 'Running')) continue;
        const id = e.id.replace(/^containerd:\/\//, '');
        const image = imageID(c.image).split('sha256:')[1] ?? '';
        rows.push({ created: e.created, id, cells: [trunc(id), trunc(image), `${goUnitsHumanDuration(now - e.created)} ago`, e.state, c.name, String(e.attempt), trunc(sandboxID(p)), p.name, p.namespace] });
      }
    }
  }
  rows.sort((a, b) => b.created - a.created);
  if (quiet) {
    for (const r of rows) ctx.stdout(`${r.id}\n`);
    return 0;
  }
  const header = ['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'];
  ctx.stdout(tabbed([header, ...rows.map((r) => r.cells)].map((r) => `${r.join('\t')}\n`).join(''), CRICTL_TABLE));
  return 0;
}

function pods(ctx: CommandContext, sim: Simulation, node: string, quiet: boolean): number {
  const now = ctx.now();
  const list = (sim.kubelet(node)?.runningPods() ?? []).filter((p) => p.sandboxReady || p.finished).sort((a, b) => b.startTime - a.startTime);
  if (quiet) {
    for (const p of list) ctx.stdout(`${sandboxID(p)}\n`);
    return 0;
  }
  const header = ['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'];
  const rows = list.map((p) => [trunc(sandboxID(p)), `${goUnitsHumanDuration(now - p.startTime)} ago`, p.finished || p.terminatingSince !== undefined ? 'NotReady' : 'Ready', p.name, p.namespace, '0', '(default)']);
  ctx.stdout(tabbed([header, ...rows].map((r) => `${r.join('\t')}\n`).join(''), CRICTL_TABLE));
  return 0;
}

/** The `crictl` command of one node. */
export const crictlTool: ToolFactory = ({ sim, place }) => (ctx) => {
  if (place.kind !== 'node') return 127;
  const args = ctx.argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const sub = args.find((a) => !a.startsWith('-'));
  const all = flags.has('-a') || flags.has('--all');
  const quiet = flags.has('-q') || flags.has('--quiet') || flags.has('-aq') || flags.has('-qa');
  if (sub === 'ps') return ps(ctx, sim, place.node, all || flags.has('-aq') || flags.has('-qa'), quiet);
  if (sub === 'pods') return pods(ctx, sim, place.node, quiet);
  if (sub === undefined) {
    ctx.stdout('NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n');
    return 0;
  }
  ctx.stderr(`No help topic for '${sub}'\n`);
  return 3;
};
