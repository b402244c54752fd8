import type { Node, Pod } from 'kubernetes-types/core/v1';
import { nonZeroRequests, tolerates, type NodeUsage } from './filter';
import { milliCPU, parseQuantity } from './quantity';

/** NodeResourcesFit LeastAllocated: the emptier the node (CPU and memory averaged), the better. */
export function leastAllocatedScore(pod: Pod, node: Node, usage: NodeUsage): number {
  const alloc = node.status?.allocatable ?? {};
  const capCPU = milliCPU(alloc['cpu'] ?? '0');
  const capMem = parseQuantity(alloc['memory'] ?? '0');
  const own = nonZeroRequests(pod);
  const cpu = usage.nonZeroMilliCPU + own.cpu;
  const mem = usage.nonZeroMemory + own.mem;
  return Math.floor((freePercent(cpu, capCPU) + freePercent(mem, capMem)) / 2);
}

/** LeastAllocated's per-resource score: the share of the capacity left free, in percent. */
function freePercent(used: number, cap: number): number {
  return cap <= 0 || used > cap ? 0 : ((cap - used) * 100) / cap;
}

/** The owner a pod is spread by: its controller reference, else nothing to spread. */
export function ownerKey(pod: Pod): string | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller);
  return ref ? `${pod.metadata?.namespace}/${ref.kind}/${ref.name}` : undefined;
}

/** {@link ownerKey}'s parts, as the strings the key joins. */
function ownerParts(pod: Pod): [string, string, string] | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller);
  return ref ? [String(pod.metadata?.namespace), String(ref.kind), String(ref.name)] : undefined;
}

/** How many of `pods` have the owner key `owner` (compared by parts: no key string per pod; none of them holds a '/'). */
function countOwned(pods: Pod[], owner: [string, string, string]): number {
  let n = 0;
  for (const p of pods) {
    const ref = p.metadata?.ownerReferences?.find((r) => r.controller);
    if (ref && String(ref.name) === owner[2] && String(ref.kind) === owner[1] && String(p.metadata?.namespace) === owner[0]) n++;
  }
  return n;
}

/**
 * Default topology spreading (hostname, soft): fewer pods of the same owner on a node scores
 * higher, normalised to 0..100 over the candidate nodes.
 */
export function spreadScores(pod: Pod, nodes: Node[], podsByNode: Map<string, Pod[]>): Map<string, number> {
  const owner = ownerParts(pod);
  const counts = new Map(nodes.map((n) => [n.metadata!.name!, owner ? countOwned(podsByNode.get(n.metadata!.name!) ?? [], owner) : 0]));
  const max = Math.max(0, ...counts.values());
  const min = Math.min(...counts.values());
  const out = new Map<string, number>();
  for (const [name, c] of counts) out.set(name, max === min ? 100 : Math.round(((max - c) * 100) / (max - min)));
  return out;
}

/** TaintToleration score: each untolerated PreferNoSchedule taint costs, normalised to 0..100. */
export function preferNoScheduleScores(pod: Pod, nodes: Node[]): Map<string, number> {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const counts = new Map(nodes.map((n) => [n.metadata!.name!, (n.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerations.some((tol) => tolerates(tol, t))).length]));
  const max = Math.max(0, ...counts.values());
  return new Map([...counts].map(([n, c]) => [n, max === 0 ? 100 : Math.round(((max - c) * 100) / max)]));
}

/** Plugin weights of the default profile (TaintToleration 3, PodTopologySpread 2, Fit 1). */
export function totalScores(pod: Pod, nodes: Node[], podsByNode: Map<string, Pod[]>, usage: Map<string, NodeUsage>): Map<string, number> {
  const spread = spreadScores(pod, nodes, podsByNode);
  const taints = preferNoScheduleScores(pod, nodes);
  const out = new Map<string, number>();
  for (const n of nodes) {
    const name = n.metadata!.name!;
    out.set(name, leastAllocatedScore(pod, n, usage.get(name)!) + 2 * (spread.get(name) ?? 0) + 3 * (taints.get(name) ?? 0));
  }
  return out;
}
