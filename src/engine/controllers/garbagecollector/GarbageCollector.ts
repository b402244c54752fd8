import type { ApiClient, KubeObject } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { InformerFactory } from '../framework/Informer';
import { isConflict, isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { deleteWithPolicy } from '../framework/deleteWithPolicy';
import { planGarbageCollection, type GcAction, type GcView, type GraphObject } from './planGarbageCollection';

/** Resources the collector watches by default: every kind our controllers create or own. */
export const GC_RESOURCES = [R.pods, R.services, R.endpoints, R.endpointSlices, R.replicaSets, R.deployments, R.daemonSets, 'configmaps', 'secrets', 'serviceaccounts', 'nodes'] as const;

/**
 * pkg/controller/garbagecollector: keeps an ownership graph (uid → object, uid → dependents) from
 * watches over every resource and processes one object per key (its uid).
 */
export class GarbageCollector extends QueueController {
  private readonly byUid = new Map<string, ObservedObject>();
  private readonly dependents = new Map<string, Set<string>>();
  /** Counts observations: dependents are visited in the order they were last observed. */
  private observations = 0;
  /** What the planner reads (made once rather than per sync). */
  private readonly view: GcView = { byUid: (u) => this.byUid.get(u), dependentsOf: (u) => this.dependentsOf(u) };

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
    resources: readonly string[] = GC_RESOURCES,
  ) {
    super('garbagecollector', clock);
    for (const resource of resources) {
      informers.for(resource).addHandlers({
        onAdd: (o) => this.observe(resource, o),
        onUpdate: (_old, o) => this.observe(resource, o),
        onDelete: (o) => this.forget(o),
      });
    }
  }

  protected sync(key: string): void {
    const item = this.byUid.get(key);
    if (!item) return;
    for (const action of planGarbageCollection(item, this.view)) this.apply(action);
  }

  private apply(a: GcAction): void {
    const { resource, obj } = a.target;
    const ns = obj.metadata.namespace;
    const name = obj.metadata.name ?? '';
    try {
      if (a.kind === 'delete') {
        deleteWithPolicy(this.client, resource, ns, name, a.propagationPolicy);
      } else if (a.kind === 'removeOwnerRefs') {
        const cur = this.client.get<KubeObject>(resource, ns, name);
        const refs = (cur.metadata.ownerReferences ?? []).filter((r) => !a.uids.includes(r.uid));
        this.client.update(resource, ns, { ...cur, metadata: { ...cur.metadata, ownerReferences: refs.length ? refs : undefined } });
      } else {
        const cur = this.client.get<KubeObject>(resource, ns, name);
        const finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== a.finalizer);
        this.client.update(resource, ns, { ...cur, metadata: { ...cur.metadata, finalizers: finalizers.length ? finalizers : undefined } });
      }
    } catch (err) {
      if (isNotFound(err)) return;
      if (isConflict(err)) this.enqueue(obj.metadata.uid ?? '');
      throw err;
    }
  }

  private dependentsOf(uid: string): GraphObject[] {
    return this.dependentUids(uid)
      .map((u) => this.byUid.get(u))
      .filter((x): x is ObservedObject => !!x);
  }

  /** Uids of the objects referring to `uid`, the one observed last at the end. */
  private dependentUids(uid: string): string[] {
    return [...(this.dependents.get(uid) ?? [])].sort((a, b) => (this.byUid.get(a)?.observed ?? -1) - (this.byUid.get(b)?.observed ?? -1));
  }

  private observe(resource: string, obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    const prev = this.byUid.get(uid);
    this.byUid.set(uid, { resource, obj, observed: this.observations++ });
    // Most updates keep the stored ownerReferences (the same frozen array): the graph's edges stay.
    if (prev?.obj.metadata.ownerReferences !== obj.metadata.ownerReferences) {
      for (const r of prev?.obj.metadata.ownerReferences ?? []) this.dependents.get(r.uid)?.delete(uid);
      for (const r of obj.metadata.ownerReferences ?? []) {
        let set = this.dependents.get(r.uid);
        if (!set) this.dependents.set(r.uid, (set = new Set()));
        set.add(uid);
      }
    }
    if ((obj.metadata.ownerReferences ?? []).length > 0 || obj.metadata.deletionTimestamp) this.enqueue(uid);
    // An owner on its way out in the foreground must re-check once its dependents change.
    for (const r of obj.metadata.ownerReferences ?? []) if (this.byUid.get(r.uid)?.obj.metadata.deletionTimestamp) this.enqueue(r.uid);
  }

  private forget(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.delete(uid);
    for (const r of obj.metadata.ownerReferences ?? []) {
      this.dependents.get(r.uid)?.delete(uid);
      this.enqueue(r.uid); // a foreground owner may now be free to go
    }
    // Its dependents are orphans now: each decides whether to follow it.
    for (const d of this.dependentUids(uid)) this.enqueue(d);
  }
}

/** A graph node and when it was last observed (the order its owners visit their dependents in). */
interface ObservedObject extends GraphObject {
  observed: number;
}
