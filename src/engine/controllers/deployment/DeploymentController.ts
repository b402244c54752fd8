import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from '../framework/EventRecorder';
import type { Informer, InformerFactory } from '../framework/Informer';
import { candidatesToClaim, indexLabelsAndController } from '../framework/indexes';
import { jsonEqual, keyOf, splitKey } from '../framework/keys';
import { selectorMatches } from '../framework/labelSelector';
import type { DeploymentObj, ReplicaSetObj } from '../framework/objects';
import { adoptPatch, claim, releasePatch } from '../framework/ownership';
import { isAlreadyExists, isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { REVISION, templatesEqualIgnoringHash } from './deploymentUtil';
import { reconcileDeployment } from './reconcileDeployment';

/** pkg/controller/deployment: rolls ReplicaSets toward the Deployment's template. */
export class DeploymentController extends QueueController {
  private readonly deployments: Informer<DeploymentObj>;
  private readonly sets: Informer<ReplicaSetObj>;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('deployment', clock);
    this.recorder = new EventRecorder(client, clock, 'deployment-controller');
    this.deployments = informers.for(R.deployments);
    this.sets = informers.for(R.replicaSets);
    indexLabelsAndController(this.sets);
    this.deployments.addHandlers({ onAdd: (d) => this.enqueue(keyOf(d)), onUpdate: (_o, d) => this.enqueue(keyOf(d)), onDelete: (d) => this.enqueue(keyOf(d)) });
    this.sets.addHandlers({ onAdd: (rs) => this.enqueueOwner(rs), onUpdate: (_o, rs) => this.enqueueOwner(rs), onDelete: (rs) => this.enqueueOwner(rs) });
  }

  protected sync(key: string): void {
    const { namespace } = splitKey(key);
    const d = this.deployments.getByKey(key);
    if (!d || d.metadata.deletionTimestamp) return; // NotFound: the GC removes its ReplicaSets.
    const owned: ReplicaSetObj[] = [];
    for (const rs of candidatesToClaim(this.sets, namespace, d.spec?.selector, d.metadata.uid)) {
      const decision = claim(d, rs, selectorMatches(d.spec?.selector, rs.metadata.labels));
      if (decision === 'owned') owned.push(rs);
      else if (decision === 'adopt') owned.push(this.client.patch<ReplicaSetObj>(R.replicaSets, namespace, rs.metadata.name ?? '', 'merge', adoptPatch(d, rs)));
      else if (decision === 'release') this.client.patch(R.replicaSets, namespace, rs.metadata.name ?? '', 'merge', releasePatch(d, rs));
    }
    const plan = reconcileDeployment(d, owned, this.clock.now());
    if (plan.create) {
      try {
        this.client.create(R.replicaSets, namespace, plan.create);
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        const existing = this.client.tryGet<ReplicaSetObj>(R.replicaSets, namespace, plan.create.metadata.name ?? '');
        const ours = existing?.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid);
        if (!existing || !ours || !templatesEqualIgnoringHash(existing.spec?.template, d.spec?.template)) {
          // A hash collision: bump collisionCount so the next sync picks another name.
          const status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
          this.client.updateStatus(R.deployments, namespace, { ...d, status });
        }
        throw err;
      }
    }
    for (const rs of plan.update) this.client.update(R.replicaSets, namespace, rs);
    for (const rs of plan.delete) {
      try {
        this.client.delete(R.replicaSets, namespace, rs.metadata.name ?? '');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    for (const e of plan.events) this.recorder.event(d, e.type, e.reason, e.message);
    let current = d;
    if (plan.revision !== '0' && d.metadata.annotations?.[REVISION] !== plan.revision) {
      current = this.client.update<DeploymentObj>(R.deployments, namespace, { ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: plan.revision } } });
    }
    const status = omitZero(plan.status);
    if (!jsonEqual(current.status ?? {}, status)) this.client.updateStatus(R.deployments, namespace, { ...current, status });
    if (plan.requeueAfterMs !== undefined) this.enqueueAfter(key, plan.requeueAfterMs);
  }

  private enqueueOwner(rs: ReplicaSetObj): void {
    const ref = rs.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.kind === 'Deployment') this.enqueue(`${rs.metadata.namespace}/${ref.name}`);
      return;
    }
    for (const d of this.deployments.list(rs.metadata.namespace)) if (selectorMatches(d.spec?.selector, rs.metadata.labels)) this.enqueue(keyOf(d));
  }
}

/** DeploymentStatus' integer fields are `omitempty`: zeros do not appear in the stored object. */
function omitZero(s: DeploymentStatus): DeploymentStatus {
  const src = s as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) if (src[k] !== 0 && src[k] !== undefined) out[k] = src[k];
  return out as DeploymentStatus;
}
