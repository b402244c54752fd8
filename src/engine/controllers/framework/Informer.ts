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
  private readonly indexers = new Map<string, Indexer<T>>();
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
   * `inputOf`, when given, returns the part of the object `fn` reads (e.g. its labels): an
   * update that keeps that part (the same stored, frozen object) keeps the entries as they are.
   */
  addIndex(name: string, fn: (obj: T) => string[], inputOf?: (obj: T) => unknown): void {
    if (this.indexers.has(name)) return;
    const indexer: Indexer<T> = { fn, inputOf, valuesOf: new Map() };
    this.indexers.set(name, indexer);
    const index = new Map<string, Set<string>>();
    this.indices.set(name, index);
    for (const [key, obj] of this.cache) {
      const values = fn(obj);
      indexer.valuesOf.set(key, values);
      for (const v of values) addTo(index, v, key);
    }
  }

  /**
   * Cached objects found under any of the given index values (ByIndex over several indexes and
   * values), each once and in the order of {@link list}.
   */
  byIndex(...lookups: { index: string; values: string[] }[]): T[] {
    const sets: Set<string>[] = [];
    for (const { index: name, values } of lookups) {
      const index = this.indices.get(name);
      if (!index) throw new Error(`informer ${this.resource}: no index ${name}`);
      for (const v of values) {
        const keys = index.get(v);
        if (keys) sets.push(keys);
      }
    }
    if (sets.length === 0) return [];
    let keys: string[];
    if (sets.length === 1) keys = [...sets[0]!];
    else {
      const union = new Set<string>();
      for (const set of sets) for (const k of set) union.add(k);
      keys = [...union];
    }
    // Index entries are added when an object is first seen or its indexed values change, so
    // they are mostly in first-seen order already; sort only when they are not.
    let last = -1;
    for (const k of keys) {
      const seq = this.seq.get(k)!;
      if (seq < last) {
        keys.sort((a, b) => this.seq.get(a)! - this.seq.get(b)!);
        break;
      }
      last = seq;
    }
    const out = new Array<T>(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.cache.get(keys[i]!)!;
    return out;
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
    if (!old) this.seq.set(key, this.nextSeq++);
    this.cache.set(key, obj);
    for (const [name, indexer] of this.indexers) {
      if (old && indexer.inputOf && indexer.inputOf(old) === indexer.inputOf(obj)) continue;
      const index = this.indices.get(name)!;
      const before = indexer.valuesOf.get(key);
      const after = indexer.fn(obj);
      indexer.valuesOf.set(key, after);
      if (before && sameValues(before, after)) continue;
      if (before) for (const v of before) if (!after.includes(v)) removeFrom(index, v, key);
      for (const v of after) addTo(index, v, key);
    }
  }

  private forget(key: string): void {
    if (!this.cache.has(key)) return;
    for (const [name, indexer] of this.indexers) {
      const index = this.indices.get(name)!;
      for (const v of indexer.valuesOf.get(key) ?? []) removeFrom(index, v, key);
      indexer.valuesOf.delete(key);
    }
    this.cache.delete(key);
    this.seq.delete(key);
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

/** One named index: its function, what it reads, and the values each cached key is found under. */
interface Indexer<T> {
  fn: (obj: T) => string[];
  inputOf: ((obj: T) => unknown) | undefined;
  valuesOf: Map<string, string[]>;
}

function addTo(index: Map<string, Set<string>>, value: string, key: string): void {
  let keys = index.get(value);
  if (!keys) index.set(value, (keys = new Set()));
  keys.add(key);
}

function removeFrom(index: Map<string, Set<string>>, value: string, key: string): void {
  const keys = index.get(value);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(value);
}

function sameValues(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
