import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Toleration } from 'kubernetes-types/core/v1';
import { canonicalJson, safeEncodeString } from '../deployment/computeHash';
import { utf8 } from '../framework/keys';
import type { DaemonSetObj, NodeObj, PodObj } from '../framework/objects';
import { newControllerRef } from '../framework/ownership';
import { isPodActive, isPodAvailable, isPodReady } from '../framework/pods';
import { tolerates } from '../nodelifecycle/evictionTime';

export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
export const POD_TEMPLATE_GENERATION = 'pod-template-generation';

/** AddOrUpdateDaemonPodTolerations: what every DaemonSet pod tolerates on top of its template. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/** The ControllerRevision hash label (fnv32 of the template, safe-encoded; see computeHash for the caveat). */
export function revisionHash(ds: DaemonSetObj): string {
  let h = 0x811c9dc5;
  for (const b of utf8(canonicalJson(ds.spec?.template ?? {}))) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return safeEncodeString(String(h >>> 0));
}

/** NodeShouldRunDaemonPod: node selector matches and every NoSchedule/NoExecute taint is tolerated. */
export function shouldRunOn(ds: DaemonSetObj, node: NodeObj): boolean {
  const sel = ds.spec?.template?.spec?.nodeSelector ?? {};
  if (!Object.entries(sel).every(([k, v]) => node.metadata.labels?.[k] === v)) return false;
  const tol = [...(ds.spec?.template?.spec?.tolerations ?? []), ...daemonTolerations(!!ds.spec?.template?.spec?.hostNetwork)];
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute').every((taint) => tol.some((t) => tolerates(t, taint)));
}

/** The node a DaemonSet pod is pinned to (its nodeName, or the matchFields affinity the controller sets). */
export function podNode(p: PodObj): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.flatMap((t) => t.matchFields ?? []).find((f) => f.key === 'metadata.name')?.values?.[0];
}

export interface DaemonSetPlan {
  create: PodObj[];
  delete: PodObj[];
  status: DaemonSetStatus;
}

/** manage() + rollingUpdate (maxUnavailable 1) + updateDaemonSetStatus, as one pure pass. */
export function reconcileDaemonSet(ds: DaemonSetObj, nodes: NodeObj[], owned: PodObj[], nowMs: number): DaemonSetPlan {
  const hash = revisionHash(ds);
  const byNode = new Map<string, PodObj[]>();
  for (const p of owned.filter(isPodActive)) {
    const n = podNode(p) ?? '';
    byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  const create: PodObj[] = [];
  const del: PodObj[] = [];
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const old: PodObj[] = [];
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const pods = (byNode.get(name) ?? []).sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
    const run = shouldRunOn(ds, node);
    if (run) desired++;
    if (run && pods.length === 0) create.push(newDaemonPod(ds, name, hash));
    if (!run) {
      del.push(...pods);
      if (pods.length) misscheduled++;
      continue;
    }
    if (pods.length > 1) del.push(...pods.slice(1));
    const p = pods[0];
    if (!p) continue;
    current++;
    if (isPodReady(p)) ready++;
    if (isPodAvailable(p, minReady, nowMs)) available++;
    if (p.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) updated++;
    else old.push(p);
  }
  // RollingUpdate with maxUnavailable 1: replace one old pod at a time, only when none is down.
  if (ds.spec?.updateStrategy?.type !== 'OnDelete' && old.length > 0 && desired - available === 0) del.push(old[0]!);
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
  };
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  return { create, delete: del, status };
}

function newDaemonPod(ds: DaemonSetObj, node: string, hash: string): PodObj {
  const t = ds.spec?.template ?? {};
  const spec = JSON.parse(JSON.stringify(t.spec ?? { containers: [] })) as NonNullable<PodObj['spec']>;
  spec.affinity = {
    ...(spec.affinity ?? {}),
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } },
  };
  const tol = [...(spec.tolerations ?? [])];
  for (const d of daemonTolerations(!!spec.hostNetwork)) if (!tol.some((x) => x.key === d.key && x.effect === d.effect)) tol.push(d);
  spec.tolerations = tol;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash, [POD_TEMPLATE_GENERATION]: String(ds.metadata.generation ?? 1) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds)],
    },
    spec,
  };
}
