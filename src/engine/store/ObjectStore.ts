/**
 * The object store behind the API server (etcd plus the watch cache in one): objects per
 * resource, indexed by namespace then name; one global resourceVersion counter; a bounded event
 * history so watchers can resume from a resourceVersion; synchronous fan-out to watchers.
 *
 * Stored objects are deep-frozen and shared: the store hands the same instance to every watcher.
 * The API server copies on the way out of get/list so callers own what they receive.
 */
import type { KubeObject, WatchEvent, WatchEventType } from '../api/types';
import { deepFreeze } from './json';

/** Thrown when a watch asks for a resourceVersion older than the retained history. */
export class TooOldResourceVersionError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

export interface StoreWatcher {
  resource: string;
  /** Undefined watches every namespace. */
  namespace: string | undefined;
  /** Selector filter; objects that stop matching are delivered as DELETED, as the real cache does. */
  matches: (obj: KubeObject) => boolean;
  handler: (ev: WatchEvent) => void;
  /** Hears that the store ended this watch ({@link ObjectStore.closeWatches}). */
  onClose?: () => void;
}

interface RecordedEvent extends WatchEvent {
  resource: string;
}

export interface StoreSnapshot {
  resourceVersion: number;
  objects: Record<string, KubeObject[]>;
}

export class ObjectStore {
  private readonly data = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly counts = new Map<string, number>();
  /** Each namespace's names in list order, kept until a name comes or goes (lists are frequent: RBAC reads bindings per request). */
  private readonly sortedNames = new WeakMap<Map<string, KubeObject>, string[]>();
  /**
   * Lists already made, per resource then namespace (undefined: all), frozen and handed out
   * until the resource is written: the RBAC authorizer lists the ClusterRoleBindings (dozens
   * since the bootstrap policy) on every request of a user outside `system:masters`.
   */
  private readonly lists = new Map<string, Map<string | undefined, readonly KubeObject[]>>();
  private rv = 0;
  private history: RecordedEvent[] = [];
  /** Events at or below this version have been dropped from history. */
  private historyFloor = 0;
  /**
   * Watchers per resource, in registration order. Each list is replaced (never mutated) when a
   * watcher comes or goes, so an event being fanned out keeps iterating the list it started with.
   */
  private readonly watchers = new Map<string, readonly StoreWatcher[]>();
  /** Watchers still registered; one removed mid fan-out gets no further events. */
  private readonly live = new Set<StoreWatcher>();

  constructor(private readonly historyLimit = 20_000) {}

  get resourceVersion(): number {
    return this.rv;
  }

  /** Takes the next resourceVersion (used for writes, and by the allocators' bookkeeping). */
  nextResourceVersion(): number {
    return ++this.rv;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.data.get(resource)?.get(namespace)?.get(name);
  }

  /**
   * Objects of one resource in one namespace (or all, when `namespace` is undefined), by
   * namespace then name. The array is frozen and shared until the resource changes: copy it to
   * reorder or extend it.
   */
  list(resource: string, namespace: string | undefined): readonly KubeObject[] {
    let byNamespace = this.lists.get(resource);
    let out = byNamespace?.get(namespace);
    if (out) return out;
    out = Object.freeze(this.collect(resource, namespace));
    if (!byNamespace) this.lists.set(resource, (byNamespace = new Map()));
    byNamespace.set(namespace, out);
    return out;
  }

  private collect(resource: string, namespace: string | undefined): KubeObject[] {
    const byNs = this.data.get(resource);
    if (!byNs) return [];
    if (namespace !== undefined) return this.sortedValues(byNs.get(namespace));
    const out: KubeObject[] = [];
    for (const ns of [...byNs.keys()].sort()) out.push(...this.sortedValues(byNs.get(ns)));
    return out;
  }

  count(resource: string, namespace?: string): number {
    if (namespace === undefined) return this.counts.get(resource) ?? 0;
    return this.data.get(resource)?.get(namespace)?.size ?? 0;
  }

  /** Namespaces holding at least one object of `resource`. */
  namespacesOf(resource: string): string[] {
    return [...(this.data.get(resource)?.keys() ?? [])];
  }

  /**
   * Stores `obj` (which must already carry its new resourceVersion) and notifies watchers.
   * `type` is ADDED for creates, MODIFIED for updates.
   */
  put(resource: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED', source: string): KubeObject {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    let byNs = this.data.get(resource);
    if (!byNs) this.data.set(resource, (byNs = new Map()));
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    const old = byName.get(name);
    deepFreeze(obj);
    byName.set(name, obj);
    this.lists.delete(resource);
    if (!old) {
      this.counts.set(resource, (this.counts.get(resource) ?? 0) + 1);
      this.sortedNames.delete(byName);
    }
    this.emit({ resource, type, object: obj, ...(old && type === 'MODIFIED' ? { oldObject: old } : {}), resourceVersion: Number(obj.metadata.resourceVersion), source });
    return obj;
  }

  /** Removes an object; the DELETED event carries `finalObj` (the object with a fresh resourceVersion). */
  remove(resource: string, finalObj: KubeObject, source: string): void {
    const ns = finalObj.metadata.namespace ?? '';
    const byNs = this.data.get(resource);
    const byName = byNs?.get(ns);
    if (!byName?.delete(finalObj.metadata.name!)) return;
    this.sortedNames.delete(byName);
    this.lists.delete(resource);
    if (byName.size === 0) byNs!.delete(ns);
    this.counts.set(resource, (this.counts.get(resource) ?? 1) - 1);
    deepFreeze(finalObj);
    this.emit({ resource, type: 'DELETED', object: finalObj, resourceVersion: Number(finalObj.metadata.resourceVersion), source });
  }

  /**
   * Registers a watcher. With `fromResourceVersion`, first replays retained events newer than
   * it; throws {@link TooOldResourceVersionError} if history no longer reaches back that far.
   */
  watch(w: StoreWatcher, fromResourceVersion?: number): () => void {
    if (fromResourceVersion !== undefined && fromResourceVersion < this.historyFloor) {
      throw new TooOldResourceVersionError(fromResourceVersion, this.historyFloor + 1);
    }
    if (fromResourceVersion !== undefined) {
      for (const ev of this.history) if (ev.resourceVersion > fromResourceVersion) this.deliver(w, ev);
    }
    this.live.add(w);
    this.watchers.set(w.resource, [...(this.watchers.get(w.resource) ?? []), w]);
    return () => {
      if (!this.live.delete(w)) return;
      const rest = this.watchers.get(w.resource)!.filter((x) => x !== w);
      if (rest.length) this.watchers.set(w.resource, rest);
      else this.watchers.delete(w.resource);
    };
  }

  /**
   * Ends every watch, as an API server does when it goes away: each watcher hears `onClose`
   * once and gets nothing more.
   */
  closeWatches(): void {
    const closing = [...this.live];
    this.live.clear();
    this.watchers.clear();
    for (const w of closing) w.onClose?.();
  }

  private emit(ev: RecordedEvent): void {
    this.history.push(ev);
    if (this.history.length > this.historyLimit) {
      // Drop the oldest tenth at once so trimming stays amortised O(1).
      const drop = Math.ceil(this.historyLimit / 10);
      this.historyFloor = this.history[drop - 1]!.resourceVersion;
      this.history = this.history.slice(drop);
    }
    const watchers = this.watchers.get(ev.resource);
    if (watchers) for (const w of watchers) if (this.live.has(w)) this.deliver(w, ev);
  }

  private deliver(w: StoreWatcher, ev: RecordedEvent): void {
    if (w.resource !== ev.resource) return;
    if (w.namespace !== undefined && (ev.object.metadata.namespace ?? '') !== w.namespace) return;
    const nowMatches = w.matches(ev.object);
    const wasMatching = ev.oldObject ? w.matches(ev.oldObject) : false;
    let type: WatchEventType = ev.type;
    if (ev.type === 'MODIFIED') {
      if (!nowMatches && !wasMatching) return;
      if (!nowMatches) type = 'DELETED';
      else if (!wasMatching) type = 'ADDED';
    } else if (!nowMatches) return;
    const out: WatchEvent = { type, object: ev.object, resourceVersion: ev.resourceVersion, source: ev.source };
    if (type === 'MODIFIED' && ev.oldObject) out.oldObject = ev.oldObject;
    w.handler(out);
  }

  private sortedValues(m: Map<string, KubeObject> | undefined): KubeObject[] {
    if (!m) return [];
    let names = this.sortedNames.get(m);
    if (!names) this.sortedNames.set(m, (names = [...m.keys()].sort()));
    return names.map((k) => m.get(k)!);
  }

  snapshot(): StoreSnapshot {
    const objects: Record<string, KubeObject[]> = {};
    for (const resource of [...this.data.keys()].sort()) objects[resource] = [...this.list(resource, undefined)];
    return { resourceVersion: this.rv, objects };
  }

  /** Replaces all state. History restarts empty, so older watches get Gone, as after an etcd restore. */
  restore(snap: StoreSnapshot): void {
    this.data.clear();
    this.counts.clear();
    this.lists.clear();
    for (const [resource, objs] of Object.entries(snap.objects)) {
      const byNs = new Map<string, Map<string, KubeObject>>();
      for (const o of objs) {
        const ns = o.metadata.namespace ?? '';
        let byName = byNs.get(ns);
        if (!byName) byNs.set(ns, (byName = new Map()));
        byName.set(o.metadata.name!, deepFreeze(o));
      }
      this.data.set(resource, byNs);
      this.counts.set(resource, objs.length);
    }
    this.rv = snap.resourceVersion;
    this.history = [];
    this.historyFloor = snap.resourceVersion;
  }
}
