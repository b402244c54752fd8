/**
 * What systemd knows about a node: whether the kubelet unit runs, since when, its main PID, and
 * the journal lines systemd and the kubelet wrote. The kubelet itself is the truth for "running"
 * (`Kubelet.stopped`); this remembers the history the status and the journal show.
 */
import { K8S_VERSION } from '../../sim/bootstrap/versions';
import type { Simulation } from '../../sim/Simulation';
import { fnv } from './format';

/** One journal entry: when, which process wrote it, and the text. */
export interface JournalEntry {
  at: number;
  unit: string;
  /** `systemd[1]` or `kubelet[1234]`. */
  source: string;
  text: string;
}

/** One systemd unit's current run. */
export interface UnitRun {
  pid: number;
  since: number;
  /** Set once stopped: when, and how long the run lasted. */
  stoppedAt?: number;
}

/** A node's systemd view: units and journal. */
export interface NodeState {
  node: string;
  bootAt: number;
  units: Record<string, UnitRun>;
  journal: JournalEntry[];
  nextPid: number;
}

export const KUBELET_DESCRIPTION = 'kubelet: The Kubernetes Node Agent';
export const CONTAINERD_DESCRIPTION = 'containerd container runtime';

const states = new WeakMap<Simulation, Map<string, NodeState>>();

/** The node's state, created on first use as it was when kubeadm brought the node up. */
export function nodeState(sim: Simulation, node: string): NodeState {
  let perSim = states.get(sim);
  if (!perSim) states.set(sim, (perSim = new Map()));
  let s = perSim.get(node);
  if (s) return s;
  // The machine booted a few minutes before kubeadm ran; PIDs differ per node as on real hosts.
  const born = sim.config.startTime - sim.config.clusterAgeMs;
  const bootAt = born - 4 * 60_000;
  const h = fnv(node);
  const containerd = 500 + (h % 200);
  s = { node, bootAt, units: {}, journal: [], nextPid: containerd + 150 + (h % 50) };
  s.units.containerd = { pid: containerd, since: bootAt + 9_000 };
  perSim.set(node, s);
  startKubelet(s, born);
  return s;
}

/** Records a kubelet start: systemd's line and the kubelet's first lines. */
export function startKubelet(s: NodeState, at: number): void {
  const pid = s.nextPid;
  // Later starts come after everything the node has run since boot: PIDs in the thousands.
  s.nextPid = Math.max(s.nextPid, 6000) + 137;
  s.units.kubelet = { pid, since: at };
  journal(s, at, 'kubelet', 'systemd[1]', `Started kubelet.service - ${KUBELET_DESCRIPTION}.`);
  const k = `kubelet[${pid}]`;
  journal(s, at + 180, 'kubelet', k, klog(at + 180, pid, 'server.go:529', `"Kubelet version" kubeletVersion="${K8S_VERSION}"`));
  journal(s, at + 181, 'kubelet', k, klog(at + 181, pid, 'server.go:531', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'));
  journal(s, at + 420, 'kubelet', k, klog(at + 420, pid, 'kubelet.go:2500', '"Starting kubelet main sync loop"'));
}

/** Records a kubelet stop (SIGTERM, clean exit). */
export function stopKubelet(s: NodeState, at: number, cpu: string): void {
  const run = s.units.kubelet;
  if (!run || run.stoppedAt !== undefined) return;
  run.stoppedAt = at;
  journal(s, at, 'kubelet', 'systemd[1]', `Stopping kubelet.service - ${KUBELET_DESCRIPTION}...`);
  journal(s, at, 'kubelet', 'systemd[1]', 'kubelet.service: Deactivated successfully.');
  journal(s, at, 'kubelet', 'systemd[1]', `Stopped kubelet.service - ${KUBELET_DESCRIPTION}.`);
  journal(s, at, 'kubelet', 'systemd[1]', `kubelet.service: Consumed ${cpu} CPU time.`);
}

export function journal(s: NodeState, at: number, unit: string, source: string, text: string): void {
  s.journal.push({ at, unit, source, text });
}

/** A klog header line: `I0115 09:00:03.123456    1234 kubelet.go:2461] msg`. */
export function klog(at: number, pid: number, where: string, msg: string, severity = 'I'): string {
  const d = new Date(at);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String((at % 1000) * 1000).padStart(6, '0');
  return `${severity}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${where}] ${msg}`;
}
