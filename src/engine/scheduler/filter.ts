import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { milliCPU, parseQuantity } from './quantity';

/** How hopeless a filter failure is: preemption can only help with `Unschedulable`. */
export type FailureKind = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterFailure {
  /** The plugin's reason text, exactly as kube-scheduler words it. */
  reason: string;
  kind: FailureKind;
}

/** What is already placed on a node: requests and host ports of its pods. */
export interface NodeUsage {
  milliCPU: number;
  memory: number;
  pods: number;
  hostPorts: string[];
  /** The same requests as scoring counts them (see {@link nonZeroRequests}). */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
}

/** kube-scheduler scores pods without requests as if they asked for 100m CPU and 200Mi memory. */
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

/** Requests as scoring counts them: a container without a CPU or memory request counts the defaults. */
export function nonZeroRequests(pod: Pod): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    cpu += r['cpu'] !== undefined ? milliCPU(r['cpu']) : DEFAULT_MILLI_CPU;
    mem += r['memory'] !== undefined ? parseQuantity(r['memory']) : DEFAULT_MEMORY;
  }
  return { cpu, mem };
}

/** Requests of a pod: max(init containers) vs sum(containers), plus overhead (resource helpers). */
export function podRequests(pod: Pod): { milliCPU: number; memory: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += milliCPU(c.resources?.requests?.['cpu']);
    mem += parseQuantity(c.resources?.requests?.['memory']);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    cpu = Math.max(cpu, milliCPU(c.resources?.requests?.['cpu']));
    mem = Math.max(mem, parseQuantity(c.resources?.requests?.['memory']));
  }
  return { milliCPU: cpu, memory: mem };
}

/** v1helper.ToleratesTaint: key/operator/value/effect matching, empty key + Exists tolerates all. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The node's taints plus the not-ready taint the node lifecycle controller would add. */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec?.taints ?? [])];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const notReady = ready && ready.status !== 'True';
  const key = ready?.status === 'Unknown' ? 'node.kubernetes.io/unreachable' : 'node.kubernetes.io/not-ready';
  if (notReady && !taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ key, effect: 'NoSchedule' });
  return taints;
}

function requirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const v = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(v!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(v);
      const bound = Number(req.values?.[0]);
      return has && Number.isInteger(n) && (req.operator === 'Gt' ? n > bound : n < bound);
    }
    default:
      return false;
  }
}

function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => requirementMatches(r, { 'metadata.name': node.metadata?.name ?? '' }));
}

/** nodeSelector AND required node affinity (terms ORed, expressions ANDed). */
export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((t) => termMatches(t, node));
}

function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
  return out;
}

/** Sums what the given pods use on a node. */
export function usageOf(pods: Pod[]): NodeUsage {
  const u: NodeUsage = { milliCPU: 0, memory: 0, pods: 0, hostPorts: [], nonZeroMilliCPU: 0, nonZeroMemory: 0 };
  for (const p of pods) addUsage(u, p);
  return u;
}

/**
 * Adds one more pod to a node's usage: the same arithmetic, in the same order, as summing the
 * node's pods with the new one last (so the scheduler can grow a cached sum exactly).
 */
export function addUsage(u: NodeUsage, p: Pod): void {
  const r = podRequests(p);
  u.milliCPU += r.milliCPU;
  u.memory += r.memory;
  u.pods++;
  u.hostPorts.push(...hostPorts(p));
  const nz = nonZeroRequests(p);
  u.nonZeroMilliCPU += nz.cpu;
  u.nonZeroMemory += nz.mem;
}

/**
 * Runs the default profile's filter plugins in their real order (NodeUnschedulable, NodeName,
 * TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit) and returns the first failure,
 * or undefined when the node fits. Reasons are the plugins' exported ErrReason strings.
 */
export function filterNode(pod: Pod, node: Node, usage: NodeUsage): FilterFailure[] | undefined {
  const tolerations = pod.spec?.tolerations ?? [];
  if (node.spec?.unschedulable && !tolerations.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return [{ reason: 'node(s) were unschedulable', kind: 'UnschedulableAndUnresolvable' }];
  }
  const wanted = pod.spec?.nodeName;
  if (wanted && wanted !== node.metadata?.name) return [{ reason: "node(s) didn't match the requested node name", kind: 'UnschedulableAndUnresolvable' }];
  const untolerated = effectiveTaints(node).find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, taint)));
  if (untolerated) return [{ reason: `node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`, kind: 'UnschedulableAndUnresolvable' }];
  if (!matchesNodeAffinity(pod, node)) return [{ reason: "node(s) didn't match Pod's node affinity/selector", kind: 'UnschedulableAndUnresolvable' }];
  const ports = hostPorts(pod);
  if (ports.some((p) => usage.hostPorts.includes(p))) return [{ reason: "node(s) didn't have free ports for the requested pod ports", kind: 'Unschedulable' }];
  // NodeResourcesFit reports every insufficient resource, not just the first.
  const alloc = node.status?.allocatable ?? {};
  const req = podRequests(pod);
  const fails: FilterFailure[] = [];
  if (usage.pods + 1 > parseQuantity(alloc['pods'] ?? '110')) fails.push({ reason: 'Too many pods', kind: 'Unschedulable' });
  if (req.milliCPU > 0 && usage.milliCPU + req.milliCPU > milliCPU(alloc['cpu'] ?? '0')) fails.push({ reason: 'Insufficient cpu', kind: 'Unschedulable' });
  if (req.memory > 0 && usage.memory + req.memory > parseQuantity(alloc['memory'] ?? '0')) fails.push({ reason: 'Insufficient memory', kind: 'Unschedulable' });
  return fails.length ? fails : undefined;
}
