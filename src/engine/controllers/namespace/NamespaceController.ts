import type { ApiClient, KubeObject } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Informer, InformerFactory } from '../framework/Informer';
import { keyOf, rfc3339 } from '../framework/keys';
import type { NamespaceObj } from '../framework/objects';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { namespaceConditions, type RemainingContent } from './namespaceConditions';

/** Namespaced resources swept when a namespace is deleted, in the order the sweep visits them. */
export const NAMESPACED_RESOURCES = [
  R.deployments,
  R.daemonSets,
  R.replicaSets,
  R.pods,
  R.services,
  R.endpointSlices,
  R.endpoints,
  'configmaps',
  'secrets',
  'serviceaccounts',
  R.events,
] as const;

/** How long to wait before checking again while pods are still terminating (the real one polls too). */
const RECHECK_MS = 2000;

/**
 * pkg/controller/namespace: when a namespace is being deleted, delete everything in it, then
 * remove the `kubernetes` finalizer from spec.finalizers so the API server can drop it.
 */
export class NamespaceController extends QueueController {
  private readonly namespaces: Informer<NamespaceObj>;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
    private readonly resources: readonly string[] = NAMESPACED_RESOURCES,
  ) {
    super('namespace', clock);
    this.namespaces = informers.for(R.namespaces);
    this.namespaces.addHandlers({ onAdd: (n) => this.enqueue(keyOf(n)), onUpdate: (_o, n) => this.enqueue(keyOf(n)) });
  }

  protected sync(name: string): void {
    const ns = this.namespaces.get(undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const remaining: RemainingContent[] = [];
    for (const resource of this.resources) {
      let items: KubeObject[];
      try {
        items = this.client.list<KubeObject>(resource, name).items;
      } catch {
        continue; // a resource this API server does not serve
      }
      if (items.length === 0) continue;
      const finalizers = new Set<string>();
      for (const item of items) {
        for (const f of item.metadata.finalizers ?? []) finalizers.add(f);
        if (item.metadata.deletionTimestamp) continue;
        try {
          this.client.delete(resource, name, item.metadata.name ?? '', { propagationPolicy: 'Background' });
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
      const left = this.client.list<KubeObject>(resource, name).items;
      if (left.length > 0) remaining.push({ resource, count: left.length, finalizers: [...finalizers] });
    }
    const now = rfc3339(this.clock.now());
    const conditions = namespaceConditions(remaining, ns.status?.conditions ?? [], now);
    const current = this.client.get<NamespaceObj>(R.namespaces, undefined, name);
    if (remaining.length > 0) {
      if (JSON.stringify(current.status?.conditions ?? []) !== JSON.stringify(conditions)) {
        this.client.updateStatus(R.namespaces, undefined, { ...current, status: { ...(current.status ?? {}), conditions } });
      }
      this.enqueueAfter(name, RECHECK_MS);
      return;
    }
    const withConditions = JSON.stringify(current.status?.conditions ?? []) === JSON.stringify(conditions) ? current : this.client.updateStatus<NamespaceObj>(R.namespaces, undefined, { ...current, status: { ...(current.status ?? {}), conditions } });
    const finalizers = (withConditions.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes');
    // The finalize subresource is the only way to change spec.finalizers.
    this.client.update(`${R.namespaces}/finalize`, undefined, { ...withConditions, spec: { ...(withConditions.spec ?? {}), finalizers } });
  }
}
