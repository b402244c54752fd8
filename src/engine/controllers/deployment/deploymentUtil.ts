import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../../store/json';
import { jsonEqual } from '../framework/keys';
import type { DeploymentObj, ReplicaSetObj } from '../framework/objects';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
/** Annotations the controller never copies from the Deployment onto its ReplicaSets. */
const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export function revisionOf(rs: ReplicaSetObj): number {
  const v = Number(rs.metadata.annotations?.[REVISION] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

/**
 * EqualIgnoreHash: templates equal once the pod-template-hash label is removed (and the labels
 * with it when it was the only one). Compares in place: the Deployment controller asks this of
 * every owned ReplicaSet on every sync.
 */
export function templatesEqualIgnoringHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const ta = (a ?? {}) as Record<string, unknown>;
  const tb = (b ?? {}) as Record<string, unknown>;
  if (!jsonEqual({ ...ta, metadata: undefined }, { ...tb, metadata: undefined })) return false;
  const ma = ta.metadata;
  const mb = tb.metadata;
  if (!isPlainObject(ma) || !isPlainObject(mb)) return jsonEqual(ma, mb);
  return jsonEqual({ ...ma, labels: undefined }, { ...mb, labels: undefined }) && jsonEqual(labelsWithoutHash(ma.labels), labelsWithoutHash(mb.labels));
}

/** Template labels as EqualIgnoreHash sees them: no hash label, and none at all when that was the only one. */
function labelsWithoutHash(labels: unknown): unknown {
  if (!isPlainObject(labels)) return labels;
  let others = 0;
  for (const k in labels) if (k !== POD_TEMPLATE_HASH && labels[k] !== undefined) others++;
  return others === 0 ? undefined : { ...labels, [POD_TEMPLATE_HASH]: undefined };
}

/** Deployment annotations the ReplicaSet inherits (copyDeploymentAnnotationsToReplicaSet). */
export function copiedAnnotations(d: DeploymentObj): Record<string, string> {
  return Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

/** intstr.GetScaledValueFromIntOrPercent against `total`, rounding up or down. */
export function resolveIntOrPercent(v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const val = v ?? dflt;
  if (typeof val === 'number') return val;
  const m = /^(\d+)%$/.exec(val);
  if (!m) return Number(val) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both zero means one unavailable. */
export function fenceposts(d: DeploymentObj): { surge: number; unavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate;
  const surge = resolveIntOrPercent(ru?.maxSurge, replicas, true, '25%');
  let unavailable = resolveIntOrPercent(ru?.maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable as the Available condition uses it (0 for Recreate). */
export function maxUnavailable(d: DeploymentObj): number {
  if (d.spec?.strategy?.type === 'Recreate') return 0;
  const replicas = d.spec?.replicas ?? 1;
  const u = fenceposts(d).unavailable;
  return Math.min(u, replicas);
}

/**
 * SetDeploymentCondition: unchanged status and reason keep the old condition; otherwise the
 * condition is replaced and moved to the end (why Available usually precedes Progressing).
 */
export function setCondition(conds: DeploymentCondition[], c: DeploymentCondition): DeploymentCondition[] {
  const cur = conds.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds;
  const next = { ...c };
  if (cur && cur.status === c.status) next.lastTransitionTime = cur.lastTransitionTime;
  return [...conds.filter((x) => x.type !== c.type), next];
}

export function condition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}
