import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from '../framework/EventRecorder';
import type { Informer, InformerFactory } from '../framework/Informer';
import { jsonEqual, keyOf, splitKey } from '../framework/keys';
import type { DaemonSetObj, NodeObj, PodObj } from '../framework/objects';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { reconcileDaemonSet } from './reconcileDaemonSet';

/** pkg/controller/daemon: one pod per eligible node. */
export class DaemonSetController extends QueueController {
  private readonly sets: Informer<DaemonSetObj>;
  private readonly nodes: Informer<NodeObj>;
  private readonly pods: Informer<PodObj>;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('daemonset', clock);
    this.recorder = new EventRecorder(client, clock, 'daemonset-controller');
    this.sets = informers.for(R.daemonSets);
    this.nodes = informers.for(R.nodes);
    this.pods = informers.for(R.pods);
    this.sets.addHandlers({ onAdd: (d) => this.enqueue(keyOf(d)), onUpdate: (_o, d) => this.enqueue(keyOf(d)), onDelete: (d) => this.enqueue(keyOf(d)) });
    const all = () => this.sets.list().forEach((d) => this.enqueue(keyOf(d)));
    this.nodes.addHandlers({ onAdd: all, onUpdate: (o, n) => (!jsonEqual(o.metadata.labels, n.metadata.labels) || !jsonEqual(o.spec?.taints, n.spec?.taints)) && all(), onDelete: all });
    const owner = (p: PodObj) => {
      const ref = p.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet');
      if (ref) this.enqueue(`${p.metadata.namespace}/${ref.name}`);
    };
    this.pods.addHandlers({ onAdd: owner, onUpdate: (_o, p) => owner(p), onDelete: owner });
  }

  protected sync(key: string): void {
    const { namespace } = splitKey(key);
    const ds = this.sets.getByKey(key);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const owned = this.pods.list(namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid));
    const plan = reconcileDaemonSet(ds, this.nodes.list(), owned, this.clock.now());
    for (const p of plan.create) {
      const created = this.client.create<PodObj>(R.pods, namespace, p);
      this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    }
    for (const p of plan.delete) {
      try {
        this.client.delete(R.pods, namespace, p.metadata.name ?? '');
        this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    if (!jsonEqual(ds.status ?? {}, plan.status)) this.client.updateStatus(R.daemonSets, namespace, { ...ds, status: plan.status });
  }
}
