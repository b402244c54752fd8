import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../framework/labelSelector';
import type { PodObj, ReplicaSetObj } from '../framework/objects';
import { claim, newControllerRef } from '../framework/ownership';
import { isPodActive, isPodAvailable, isPodReady } from '../framework/pods';
import { parseTime } from '../framework/keys';

/** kube-controller-manager's --replicaset burst: at most this many creations per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetPlan {
  adopt: PodObj[];
  release: PodObj[];
  /** Number of pods to create from the template. */
  create: number;
  /** Pods to delete, most expendable first. */
  delete: PodObj[];
  status: ReplicaSetStatus;
}

/**
 * syncReplicaSet in pure form: claim pods, compare the active count with spec.replicas, choose
 * which pods go (getPodsToDelete's ranking), and compute status as calculateStatus does.
 */
export function reconcileReplicaSet(rs: ReplicaSetObj, podsInNamespace: PodObj[], nowMs: number): ReplicaSetPlan {
  const adopt: PodObj[] = [];
  const release: PodObj[] = [];
  const owned: PodObj[] = [];
  for (const p of podsInNamespace) {
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') {
      // Terminal pods are never adopted, but still count as ours for cleanup by the GC.
      if (p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid)) continue;
      continue;
    }
    const d = claim(rs, p, selectorMatches(rs.spec?.selector, p.metadata.labels));
    if (d === 'owned') owned.push(p);
    else if (d === 'adopt') {
      adopt.push(p);
      owned.push(p);
    } else if (d === 'release') release.push(p);
  }
  const active = owned.filter(isPodActive);
  const want = rs.spec?.replicas ?? 1;
  const diff = active.length - want;
  const create = rs.metadata.deletionTimestamp ? 0 : diff < 0 ? Math.min(-diff, BURST_REPLICAS) : 0;
  const del = diff > 0 ? podsToDelete(active, owned, diff) : [];
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const status: ReplicaSetStatus = {
    replicas: active.length,
    fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, minReady, nowMs)).length,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  return { adopt, release, create, delete: del, status };
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * getPodsToDelete: sort by ActivePodsWithRanks (unassigned, then pending/unknown, then not
 * ready, then pods sharing a node with more siblings, then ready more recently, more
 * restarts, newer) and take the first `n`.
 */
export function podsToDelete(active: PodObj[], related: PodObj[], n: number): PodObj[] {
  const perNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p) && p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const rank = (p: PodObj) => (p.spec?.nodeName ? (perNode.get(p.spec.nodeName) ?? 0) : 0);
  const readySince = (p: PodObj) => parseTime(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime) ?? 0;
  const restarts = (p: PodObj) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const created = (p: PodObj) => parseTime(p.metadata.creationTimestamp) ?? 0;
  const sorted = [...active].sort((a, b) => {
    if (!!a.spec?.nodeName !== !!b.spec?.nodeName) return a.spec?.nodeName ? 1 : -1;
    const pa = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
    const pb = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
    if (pa !== pb) return pa - pb;
    if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
    if (rank(a) !== rank(b)) return rank(b) - rank(a);
    if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    if (created(a) !== created(b)) return created(b) - created(a);
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return sorted.slice(0, n);
}

/** controller.GetPodFromTemplate: what the ReplicaSet asks the API server to create (read-only: it shares the template's spec). */
export function podFromTemplate(rs: ReplicaSetObj): PodObj {
  const t: PodTemplateSpec = rs.spec?.template ?? {};
  const metadata: PodObj['metadata'] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [newControllerRef(rs)],
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
  // The spec is the template's own (frozen in an informer's object): the API server copies what it is sent.
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec ?? { containers: [] } };
}
