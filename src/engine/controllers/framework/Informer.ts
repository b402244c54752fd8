import type { ApiClient, KubeObject, Unsubscribe, WatchEvent } from '../../api/types';
import { keyOf } from './keys';

/** What a controller wants to hear about; handlers must only enqueue keys. */
export interface InformerHandlers<T extends KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

/**
 * A shared-informer in miniature: lists a resource once, then keeps a local cache current from
 * the watch stream and fans each change out to its handlers. Controllers read the cache
 * (the "lister") instead of calling the API server, exactly as kube-controller-manager does.
 */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  /** When each cached key was first seen, so index lookups return objects in {@link list} order. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  /** Named index functions and, per index, value → keys (client-go's Indexers and Indices). */
  private readonly indexers = new Map<string, (obj: T) => string[]>();
  private readonly indices = new Map<string, Map<string, Set<string>>>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly client: ApiClient,
    readonly resource: string,
  ) {}

  /** Lists, then watches from the listed resourceVersion. Idempotent. */
  start(): void {
    if (this.unsubscribe) return;
    let listed: { items: T[]; resourceVersion: number };
    try {
      listed = this.client.list<T>(this.resource, undefined);
    } catch {
      // A resource this API server does not serve: nothing to cache, nothing to watch.
      this.unsubscribe = () => {};
      return;
    }
    const { items, resourceVersion } = listed;
    for (const obj of items) this.store(keyOf(obj), obj);
    this.unsubscribe = this.client.watch(this.resource, undefined, (ev) => this.onEvent(ev as WatchEvent<T>), {
      fromResourceVersion: resourceVersion,
    });
    for (const obj of items) for (const h of this.handlers) h.onAdd?.(obj);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
    // Late subscribers get the current state as adds, like AddEventHandler on a synced informer.
    if (this.unsubscribe) for (const obj of this.cache.values()) handlers.onAdd?.(obj);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  /**
   * Adds a named index (cache.Indexers): `fn` gives the values an object is found under. Must be
   * called before {@link start} or while the cache is empty of objects it would index.
   */
  addIndex(name: string, fn: (obj: T) => string[]): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const index = new Map<string, Set<string>>();
    this.indices.set(name, index);
    for (const [key, obj] of this.cache) for (const v of fn(obj)) addTo(index, v, key);
  }

  /**
   * Cached objects found under any of the given index values (ByIndex over several indexes and
   * values), each once and in the order of {@link list}.
   */
  byIndex(...lookups: { index: string; values: string[] }[]): T[] {
    const keys = new Set<string>();
    for (const { index: name, values } of lookups) {
      const index = this.indices.get(name);
      if (!index) throw new Error(`informer ${this.resource}: no index ${name}`);
      for (const v of values) for (const k of index.get(v) ?? []) keys.add(k);
    }
    return [...keys].sort((a, b) => this.seq.get(a)! - this.seq.get(b)!).map((k) => this.cache.get(k)!);
  }

  /** How many objects index `name` holds under `value` (to pick the narrowest lookup). */
  indexSize(name: string, value: string): number {
    return this.indices.get(name)?.get(value)?.size ?? 0;
  }

  /** Cached objects (in the order they were first seen), optionally one namespace's only. */
  list(namespace?: string): T[] {
    const out: T[] = [];
    for (const obj of this.cache.values()) if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    return out;
  }

  private store(key: string, obj: T): void {
    const old = this.cache.get(key);
    if (old) this.unindex(key, old);
    else this.seq.set(key, this.nextSeq++);
    this.cache.set(key, obj);
    for (const [name, fn] of this.indexers) for (const v of fn(obj)) addTo(this.indices.get(name)!, v, key);
  }

  private forget(key: string): void {
    const old = this.cache.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.cache.delete(key);
    this.seq.delete(key);
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name)!;
      for (const v of fn(obj)) {
        const keys = index.get(v);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(v);
      }
    }
  }

  private onEvent(ev: WatchEvent<T>): void {
    const key = keyOf(ev.object);
    const old = this.cache.get(key);
    if (ev.type === 'DELETED') {
      this.forget(key);
      for (const h of this.handlers) h.onDelete?.(ev.object);
      return;
    }
    this.store(key, ev.object);
    if (old) for (const h of this.handlers) h.onUpdate?.(old, ev.object);
    else for (const h of this.handlers) h.onAdd?.(ev.object);
  }
}

function addTo(index: Map<string, Set<string>>, value: string, key: string): void {
  let keys = index.get(value);
  if (!keys) index.set(value, (keys = new Set()));
  keys.add(key);
}

/** One informer per resource, shared by every controller (SharedInformerFactory). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(private readonly client: ApiClient) {}

  for<T extends KubeObject>(resource: string): Informer<T> {
    let inf = this.informers.get(resource);
    if (!inf) {
      inf = new Informer(this.client, resource);
      this.informers.set(resource, inf);
    }
    return inf as unknown as Informer<T>;
  }

  startAll(): void {
    for (const inf of this.informers.values()) inf.start();
  }

  stopAll(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}
