import type { ApiClient, Unsubscribe } from '../api/types';
import { project, viewKey, type ViewKind } from './project';
import type { ViewDelta, ViewRecord } from './types';

const RESOURCES: [ViewKind, string][] = [
  ['node', 'nodes'],
  ['pod', 'pods'],
  ['service', 'services'],
  ['endpointslice', 'endpointslices.discovery.k8s.io'],
];

/**
 * Turns API watch events into batched {@link ViewDelta}s for the UI: the watch handlers only
 * note which keys changed; {@link flush} projects them once, however often they changed, so a
 * 10,000-object apply crosses the worker boundary as one batch, not 10,000 messages.
 */
export class ViewFeed {
  private readonly dirty = new Map<string, { kind: ViewKind; resource: string; namespace: string | undefined; name: string }>();
  private readonly known = new Set<string>();
  private unsubscribes: Unsubscribe[] = [];
  private needsReset = true;

  constructor(private api: ApiClient, private readonly now: () => number) {
    this.watch();
  }

  /** Points the feed at a rebuilt cluster (after restore or reset); the next flush resends all. */
  rebind(api: ApiClient): void {
    this.stop();
    this.api = api;
    this.dirty.clear();
    this.needsReset = true;
    this.watch();
  }

  /** The changes since the last flush, or undefined when nothing changed. */
  flush(): ViewDelta | undefined {
    if (this.needsReset) {
      this.needsReset = false;
      this.dirty.clear();
      return { reset: true, upserts: this.all(), deletes: [] };
    }
    if (this.dirty.size === 0) return undefined;
    const upserts: ViewRecord[] = [];
    const deletes: string[] = [];
    for (const [key, d] of this.dirty) {
      const obj = this.api.tryGet(d.resource, d.namespace, d.name);
      if (obj) {
        upserts.push(project(d.kind, obj, this.now()));
        this.known.add(key);
      } else if (this.known.delete(key)) {
        deletes.push(key);
      }
    }
    this.dirty.clear();
    return { reset: false, upserts, deletes };
  }

  stop(): void {
    for (const u of this.unsubscribes) u();
    this.unsubscribes = [];
  }

  private all(): ViewRecord[] {
    this.known.clear();
    const out: ViewRecord[] = [];
    for (const [kind, resource] of RESOURCES) {
      for (const obj of this.api.list(resource, undefined).items) {
        const rec = project(kind, obj, this.now());
        this.known.add(rec.key);
        out.push(rec);
      }
    }
    return out;
  }

  private watch(): void {
    for (const [kind, resource] of RESOURCES) {
      this.unsubscribes.push(
        this.api.watch(resource, undefined, (ev) => {
          const { namespace, name } = ev.object.metadata;
          if (!name) return;
          this.dirty.set(viewKey(kind, namespace, name), { kind, resource, namespace, name });
        }),
      );
    }
  }
}
