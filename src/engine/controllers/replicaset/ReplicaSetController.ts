import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from '../framework/EventRecorder';
import type { Informer, InformerFactory } from '../framework/Informer';
import { candidatesToClaim, indexLabelsAndController } from '../framework/indexes';
import { jsonEqual, keyOf, splitKey } from '../framework/keys';
import { selectorMatches } from '../framework/labelSelector';
import type { PodObj, ReplicaSetObj } from '../framework/objects';
import { adoptPatch, releasePatch } from '../framework/ownership';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { podFromTemplate, reconcileReplicaSet } from './reconcileReplicaSet';

/** pkg/controller/replicaset: keeps spec.replicas pods stamped from the template. */
export class ReplicaSetController extends QueueController {
  private readonly sets: Informer<ReplicaSetObj>;
  private readonly pods: Informer<PodObj>;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('replicaset', clock);
    this.recorder = new EventRecorder(client, clock, 'replicaset-controller');
    this.sets = informers.for(R.replicaSets);
    this.pods = informers.for(R.pods);
    indexLabelsAndController(this.pods);
    this.sets.addHandlers({ onAdd: (rs) => this.enqueue(keyOf(rs)), onUpdate: (_o, rs) => this.enqueue(keyOf(rs)), onDelete: (rs) => this.enqueue(keyOf(rs)) });
    const podChanged = (p: PodObj) => this.enqueueOwner(p);
    this.pods.addHandlers({
      onAdd: podChanged,
      onUpdate: (o, p) => {
        this.enqueueOwner(p);
        if (!jsonEqual(o.metadata.labels, p.metadata.labels) || !jsonEqual(o.metadata.ownerReferences, p.metadata.ownerReferences)) this.enqueueOwner(o);
      },
      onDelete: podChanged,
    });
  }

  protected sync(key: string): void {
    const { namespace } = splitKey(key);
    const rs = this.sets.getByKey(key);
    if (!rs) return; // NotFound: the garbage collector removes its pods through their ownerReferences.
    const plan = reconcileReplicaSet(rs, candidatesToClaim(this.pods, namespace, rs.spec?.selector, rs.metadata.uid), this.clock.now());
    for (const p of plan.adopt) this.client.patch(R.pods, namespace, p.metadata.name ?? '', 'merge', adoptPatch(rs, p));
    for (const p of plan.release) {
      try {
        this.client.patch(R.pods, namespace, p.metadata.name ?? '', 'merge', releasePatch(rs, p));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    // slowStartBatch: 1, 2, 4, ... creations; the first failure stops the rest of the batch.
    let remaining = plan.create;
    for (let batch = 1; remaining > 0; batch *= 2) {
      const n = Math.min(batch, remaining);
      for (let i = 0; i < n; i++) {
        try {
          const created = this.client.create<PodObj>(R.pods, namespace, podFromTemplate(rs));
          this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
        } catch (err) {
          this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${(err as Error).message}`);
          this.updateStatus(rs, plan.status);
          throw err;
        }
      }
      remaining -= n;
    }
    for (const p of plan.delete) {
      try {
        this.client.delete(R.pods, namespace, p.metadata.name ?? '');
        this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      } catch (err) {
        if (isNotFound(err)) continue;
        this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${(err as Error).message}`);
        throw err;
      }
    }
    this.updateStatus(rs, plan.status);
    // Pods that are ready but not yet available become available after minReadySeconds.
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (plan.status.readyReplicas ?? 0) > (plan.status.availableReplicas ?? 0)) this.enqueueAfter(key, minReady * 1000);
  }

  private updateStatus(rs: ReplicaSetObj, status: ReplicaSetStatus): void {
    if (jsonEqual({ ...(rs.status ?? {}), conditions: undefined }, { ...status, conditions: undefined })) return;
    this.client.updateStatus<ReplicaSetObj>(R.replicaSets, rs.metadata.namespace, { ...rs, status: rs.status?.conditions ? { ...status, conditions: rs.status.conditions } : status });
  }

  private enqueueOwner(p: PodObj): void {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.enqueue(`${p.metadata.namespace}/${ref.name}`);
      return;
    }
    // An orphan: every ReplicaSet whose selector matches may want to adopt it.
    for (const rs of this.sets.list(p.metadata.namespace)) if (selectorMatches(rs.spec?.selector, p.metadata.labels)) this.enqueue(keyOf(rs));
  }
}
