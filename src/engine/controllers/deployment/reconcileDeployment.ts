import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { deepClone } from '../../store/json';
import type { DeploymentObj, ReplicaSetObj } from '../framework/objects';
import { newControllerRef } from '../framework/ownership';
import { parseTime, rfc3339 } from '../framework/keys';
import { computeHash } from './computeHash';
import {
  condition,
  copiedAnnotations,
  DESIRED_REPLICAS,
  fenceposts,
  MAX_REPLICAS,
  maxUnavailable,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  revisionOf,
  setCondition,
  templatesEqualIgnoringHash,
} from './deploymentUtil';

export interface PlannedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface DeploymentPlan {
  /** A new ReplicaSet for the current template (create it first). */
  create?: ReplicaSetObj;
  /** Existing ReplicaSets with a new spec.replicas and/or annotations. */
  update: ReplicaSetObj[];
  /** Old ReplicaSets beyond revisionHistoryLimit. */
  delete: ReplicaSetObj[];
  events: PlannedEvent[];
  /** The Deployment's revision annotation after this sync. */
  revision: string;
  status: DeploymentStatus;
  /** When the controller should look again without any watch event (progress deadline). */
  requeueAfterMs?: number;
}

const sum = (rss: ReplicaSetObj[], f: (rs: ReplicaSetObj) => number | undefined) => rss.reduce((n, rs) => n + (f(rs) ?? 0), 0);
const specReplicas = (rs: ReplicaSetObj) => rs.spec?.replicas ?? 0;
const byCreation = (a: ReplicaSetObj, b: ReplicaSetObj) =>
  (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1);

/**
 * One pass of pkg/controller/deployment's sync for a Deployment and the ReplicaSets it owns:
 * find or build the new ReplicaSet (named `<deployment>-<ComputeHash>`), sync revisions, then
 * exactly one of scale (replicas changed), roll (RollingUpdate/Recreate step) or clean up, and
 * compute status and conditions the way syncRolloutStatus does. Later steps happen on later
 * syncs, triggered by the ReplicaSet changes this one causes, as in the real controller.
 */
export function reconcileDeployment(d: DeploymentObj, owned: ReplicaSetObj[], nowMs: number): DeploymentPlan {
  const now = rfc3339(nowMs);
  const replicas = d.spec?.replicas ?? 1;
  const rolling = d.spec?.strategy?.type !== 'Recreate';
  const { surge } = rolling ? fenceposts(d) : { surge: 0 };
  // Planning assigns a ReplicaSet's spec and annotations, never edits below them: its own top
  // level and metadata suffice (the rest stays shared with the informer's frozen object).
  const work = owned.map((rs): ReplicaSetObj => ({ ...rs, metadata: { ...rs.metadata } }));
  const changed = new Set<ReplicaSetObj>();
  const events: PlannedEvent[] = [];
  let conds = [...(d.status?.conditions ?? [])];

  let newRS = work.filter((rs) => templatesEqualIgnoringHash(rs.spec?.template, d.spec?.template)).sort(byCreation)[0];
  const old = work.filter((rs) => rs !== newRS);
  const maxOldRevision = Math.max(0, ...old.map(revisionOf));
  const revision = String(maxOldRevision + 1);
  let create: ReplicaSetObj | undefined;

  const scaleTo = (rs: ReplicaSetObj, n: number) => {
    const from = specReplicas(rs);
    const ann = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(replicas), [MAX_REPLICAS]: String(replicas + surge) };
    const annChanged = ann[DESIRED_REPLICAS] !== rs.metadata.annotations?.[DESIRED_REPLICAS] || ann[MAX_REPLICAS] !== rs.metadata.annotations?.[MAX_REPLICAS];
    if (from === n && !annChanged) return;
    rs.spec = { ...rs.spec!, replicas: n };
    rs.metadata.annotations = ann;
    if (rs !== create) changed.add(rs);
    if (from !== n) events.push({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${n > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${n}` });
  };

  if (newRS) {
    // Sync the revision: a template that came back (rollout undo) takes the next revision.
    const cur = revisionOf(newRS);
    if (cur < maxOldRevision + 1 && String(cur) !== revision) {
      const ann: Record<string, string> = { ...(newRS.metadata.annotations ?? {}), [REVISION]: revision };
      if (cur > 0) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${cur}` : String(cur);
      newRS.metadata.annotations = ann;
      changed.add(newRS);
    }
    if (!conds.some((c) => c.type === 'Progressing')) conds = setCondition(conds, condition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, now));
  }

  const paused = !!d.spec?.paused;
  const activeOld = old.filter((rs) => specReplicas(rs) > 0);
  const scalingEvent = [newRS, ...activeOld].some((rs) => rs && specReplicas(rs) > 0 && rs.metadata.annotations?.[DESIRED_REPLICAS] !== undefined && rs.metadata.annotations[DESIRED_REPLICAS] !== String(replicas));

  if (!newRS && !paused && (rolling || sum(old, (rs) => rs.status?.replicas) === 0 && activeOld.length === 0)) {
    const hash = computeHash(d.spec?.template ?? {}, d.status?.collisionCount);
    const template = deepClone(d.spec?.template ?? {}) as NonNullable<ReplicaSetObj['spec']>['template'] & object;
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = deepClone(d.spec?.selector ?? {}) as NonNullable<ReplicaSetObj['spec']>['selector'];
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const initial = rolling ? newReplicasRolling(replicas, surge, sum(old, specReplicas), 0) : replicas;
    create = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(template.metadata.labels ?? {}) },
        annotations: { ...copiedAnnotations(d), [DESIRED_REPLICAS]: String(replicas), [MAX_REPLICAS]: String(replicas + surge), [REVISION]: revision },
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: initial, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    if (!d.spec?.minReadySeconds) delete create.spec!.minReadySeconds;
    if (initial > 0) events.push({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${create.metadata.name} from 0 to ${initial}` });
    conds = setCondition(conds, condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${create.metadata.name}"`, now));
    newRS = create;
  }

  const all = newRS ? [newRS, ...old] : old;
  if (paused || scalingEvent) {
    scale(newRS, old, replicas, surge, scaleTo);
  } else if (rolling && newRS) {
    const target = newReplicasRolling(replicas, surge, sum(all, specReplicas), specReplicas(newRS));
    if (target > specReplicas(newRS)) scaleTo(newRS, target);
    else scaleDownOld(d, newRS, old, replicas, scaleTo);
  } else if (!rolling) {
    if (activeOld.length > 0) for (const rs of activeOld) scaleTo(rs, 0);
    else if (newRS && sum(old, (rs) => rs.status?.replicas) === 0) scaleTo(newRS, replicas);
  }

  const status = calculateStatus(d, all, newRS, conds);
  const prog = progressing(d, status, newRS, now);
  status.conditions = prog.conditions;
  const deletes: ReplicaSetObj[] = [];
  if (complete(d, status) && !paused) deletes.push(...cleanup(d, old));
  return {
    ...(create ? { create } : {}),
    update: [...changed].filter((rs) => !deletes.includes(rs)),
    delete: deletes,
    events,
    revision: newRS ? (newRS.metadata.annotations?.[REVISION] ?? revision) : String(maxOldRevision),
    status,
    ...(prog.requeueAfterMs !== undefined ? { requeueAfterMs: prog.requeueAfterMs } : {}),
  };
}

/** NewRSNewReplicas for RollingUpdate: grow the new set as far as maxSurge allows. */
function newReplicasRolling(replicas: number, surge: number, current: number, newCount: number): number {
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return newCount;
  return newCount + Math.max(0, Math.min(maxTotal - current, replicas - newCount));
}

/** reconcileOldReplicaSets: unhealthy old pods go first, then old sets shrink while minAvailable holds. */
function scaleDownOld(d: DeploymentObj, newRS: ReplicaSetObj, old: ReplicaSetObj[], replicas: number, scaleTo: (rs: ReplicaSetObj, n: number) => void): void {
  if (sum(old, specReplicas) === 0) return;
  const all = [newRS, ...old];
  const minAvailable = replicas - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sum(all, specReplicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return;
  let cleaned = 0;
  for (const rs of [...old].sort(byCreation)) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    scaleTo(rs, specReplicas(rs) - n);
    cleaned += n;
  }
  const available = sum(all, (rs) => rs.status?.availableReplicas);
  if (available <= minAvailable) return;
  const total = available - minAvailable;
  let done = 0;
  for (const rs of [...old].sort(byCreation)) {
    if (done >= total) break;
    if (specReplicas(rs) === 0) continue;
    const n = Math.min(specReplicas(rs), total - done);
    scaleTo(rs, specReplicas(rs) - n);
    done += n;
  }
}

/** dc.scale: a replicas change while a rollout is (or is not) in flight. */
function scale(newRS: ReplicaSetObj | undefined, old: ReplicaSetObj[], replicas: number, surge: number, scaleTo: (rs: ReplicaSetObj, n: number) => void): void {
  const active = [newRS, ...old].filter((rs): rs is ReplicaSetObj => !!rs && specReplicas(rs) > 0);
  if (active.length <= 1) {
    const target = active[0] ?? newRS ?? [...old].sort(byCreation).at(-1);
    if (target) scaleTo(target, replicas);
    return;
  }
  if (newRS && specReplicas(newRS) === replicas && (newRS.status?.availableReplicas ?? 0) === replicas) {
    for (const rs of old) scaleTo(rs, 0);
    return;
  }
  // Proportional scaling: spread the difference over active sets by size, largest first.
  const allowed = replicas + surge;
  const current = active.reduce((n, rs) => n + specReplicas(rs), 0);
  let toAdd = allowed - current;
  const sorted = [...active].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a));
  const shares = sorted.map((rs) => Math.trunc((specReplicas(rs) * (allowed - current)) / Math.max(current, 1)));
  toAdd -= shares.reduce((n, s) => n + s, 0);
  shares[0]! += toAdd;
  sorted.forEach((rs, i) => scaleTo(rs, Math.max(0, specReplicas(rs) + shares[i]!)));
}

function calculateStatus(d: DeploymentObj, all: ReplicaSetObj[], newRS: ReplicaSetObj | undefined, conds: DeploymentStatus['conditions']): DeploymentStatus {
  const available = sum(all, (rs) => rs.status?.availableReplicas);
  const unavailable = Math.max(0, sum(all, specReplicas) - available);
  const replicas = d.spec?.replicas ?? 1;
  let conditions = [...(conds ?? [])];
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sum(all, (rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const ok = available >= replicas - maxUnavailable(d);
  conditions = setCondition(
    conditions,
    ok
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', '')
      : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', ''),
  );
  status.conditions = conditions;
  return status;
}

function complete(d: DeploymentObj, s: DeploymentStatus): boolean {
  const r = d.spec?.replicas ?? 1;
  return s.updatedReplicas === r && s.replicas === r && s.availableReplicas === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}

/** syncRolloutStatus' Progressing condition, plus the timestamps calculateStatus left blank. */
function progressing(d: DeploymentObj, s: DeploymentStatus, newRS: ReplicaSetObj | undefined, now: string): { conditions: NonNullable<DeploymentStatus['conditions']>; requeueAfterMs?: number } {
  let conds = (s.conditions ?? []).map((c) => (c.lastUpdateTime === '' ? { ...c, lastUpdateTime: now, lastTransitionTime: c.lastTransitionTime || now } : c));
  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  const cur = conds.find((c) => c.type === 'Progressing');
  const old = d.status ?? {};
  const name = newRS?.metadata.name ?? '';
  const isComplete = s.replicas === s.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
  let requeueAfterMs: number | undefined;
  if (!isComplete) {
    const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
    const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
    if (complete(d, s)) {
      const msg = newRS ? `ReplicaSet "${name}" has successfully progressed.` : 'Deployment has successfully progressed.';
      conds = setCondition(conds, condition('Progressing', 'True', 'NewReplicaSetAvailable', msg, now));
    } else if ((s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)) {
      const c = condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now);
      if (cur?.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
      conds = [...conds.filter((x) => x.type !== 'Progressing'), c];
    } else if (cur && cur.reason !== 'ProgressDeadlineExceeded' && !d.spec?.paused) {
      const since = parseTime(cur.lastUpdateTime) ?? 0;
      const due = since + deadline * 1000;
      const nowMs = parseTime(now) ?? 0;
      if (nowMs >= due) conds = setCondition(conds, condition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${name}" has timed out progressing.`, now));
      else requeueAfterMs = due - nowMs + 1000;
    }
  }
  return { conditions: conds, ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}) };
}

/** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit, oldest first. */
function cleanup(d: DeploymentObj, old: ReplicaSetObj[]): ReplicaSetObj[] {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const cleanable = old.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return [];
  const sorted = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  const out: ReplicaSetObj[] = [];
  for (const rs of sorted) {
    if (out.length >= diff) break;
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    out.push(rs);
  }
  return out;
}
