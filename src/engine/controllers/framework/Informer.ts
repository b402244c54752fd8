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
  /** Cached objects by key, each with when it was first seen and the index values it is under. */
  private readonly entries = new Map<string, Entry<T>>();
  private nextSeq = 0;
  /** Named index functions and, per index, value → keys (client-go's Indexers and Indices). */
  private readonly indexers: Indexer<T>[] = [];
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
    if (this.unsubscribe) for (const e of this.entries.values()) handlers.onAdd?.(e.obj);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.entries.get(namespace ? `${namespace}/${name}` : name)?.obj;
  }

  /** The cached object under a {@link keyOf} key (a queue's key, without building it again). */
  getByKey(key: string): T | undefined {
    return this.entries.get(key)?.obj;
  }

  /**
   * Adds a named index (cache.Indexers): `fn` gives the values an object is found under. Must be
   * called before {@link start} or while the cache is empty of objects it would index.
   * `inputOf`, when given, returns the part of the object `fn` reads (e.g. its labels): an
   * update that keeps that part (the same stored, frozen object) keeps the entries as they are.
   */
  addIndex(name: string, fn: (obj: T) => string[], inputOf?: (obj: T) => unknown): void {
    if (this.indexers.some((i) => i.name === name)) return;
    const indexer: Indexer<T> = { name, fn, inputOf, index: new Map() };
    const slot = this.indexers.push(indexer) - 1;
    for (const [key, e] of this.entries) {
      const values = fn(e.obj);
      e.values[slot] = values;
      for (const v of values) addTo(indexer.index, v, key);
    }
  }

  /**
   * Cached objects found under any of the given index values (ByIndex over several indexes and
   * values), each once and in the order of {@link list}.
   */
  byIndex(...lookups: { index: string; values: string[] }[]): T[] {
    const sets: IndexKeys[] = [];
    for (const { index: name, values } of lookups) {
      const index = this.indexer(name)?.index;
      if (!index) throw new Error(`informer ${this.resource}: no index ${name}`);
      for (const v of values) {
        const keys = index.get(v);
        if (keys) sets.push(keys);
      }
    }
    if (sets.length === 0) return [];
    const found: Entry<T>[] = [];
    const seen = sets.length > 1 ? new Set<string>() : undefined;
    // Index entries are added when an object is first seen or its indexed values change, so
    // they are mostly in first-seen order already; sort only when they are not.
    let ordered = true;
    for (const keys of sets) {
      if (typeof keys === 'string') ordered = this.take(keys, found, seen) && ordered;
      else for (const k of keys) ordered = this.take(k, found, seen) && ordered;
    }
    if (!ordered) found.sort((a, b) => a.seq - b.seq);
    return found.map((e) => e.obj);
  }

  /** Adds the entry under `key` to `found` unless `seen` has it; false when it comes before the last one found. */
  private take(key: string, found: Entry<T>[], seen: Set<string> | undefined): boolean {
    if (seen) {
      if (seen.has(key)) return true;
      seen.add(key);
    }
    const e = this.entries.get(key)!;
    const inOrder = found.length === 0 || e.seq >= found[found.length - 1]!.seq;
    found.push(e);
    return inOrder;
  }

  /** How many objects index `name` holds under `value` (to pick the narrowest lookup). */
  indexSize(name: string, value: string): number {
    const keys = this.indexer(name)?.index.get(value);
    return keys === undefined ? 0 : typeof keys === 'string' ? 1 : keys.size;
  }

  private indexer(name: string): Indexer<T> | undefined {
    for (const i of this.indexers) if (i.name === name) return i;
    return undefined;
  }

  /** Cached objects (in the order they were first seen), optionally one namespace's only. */
  list(namespace?: string): T[] {
    const out: T[] = [];
    for (const { obj } of this.entries.values()) if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    return out;
  }

  private store(key: string, obj: T): void {
    const e = this.entries.get(key);
    if (!e) {
      const values: string[][] = [];
      for (const indexer of this.indexers) {
        const vs = valuesOf(indexer, obj);
        values.push(vs);
        for (const v of vs) addTo(indexer.index, v, key);
      }
      this.entries.set(key, { obj, seq: this.nextSeq++, values });
      return;
    }
    const old = e.obj;
    e.obj = obj;
    for (let i = 0; i < this.indexers.length; i++) {
      const indexer = this.indexers[i]!;
      if (indexer.inputOf && indexer.inputOf(old) === indexer.inputOf(obj)) continue;
      const before = e.values[i]!;
      const after = valuesOf(indexer, obj);
      e.values[i] = after;
      if (sameValues(before, after)) continue;
      for (const v of before) if (!after.includes(v)) removeFrom(indexer.index, v, key);
      for (const v of after) addTo(indexer.index, v, key);
    }
  }

  private forget(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    for (let i = 0; i < this.indexers.length; i++) for (const v of e.values[i]!) removeFrom(this.indexers[i]!.index, v, key);
    this.entries.delete(key);
  }

  private onEvent(ev: WatchEvent<T>): void {
    const key = keyOf(ev.object);
    const old = this.entries.get(key)?.obj;
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

/** A cached object, when it was first seen (list order), and its values in each index. */
interface Entry<T> {
  obj: T;
  seq: number;
  values: string[][];
}

/** One named index: its function, what the function reads, and value → keys. */
interface Indexer<T> {
  name: string;
  fn: (obj: T) => string[];
  inputOf: ((obj: T) => unknown) | undefined;
  index: Map<string, IndexKeys>;
}

/**
 * The keys under one index value: a lone key as itself (most values, such as a slice's
 * service-name label, index one object, and a Set per value is most of an index's memory),
 * more than one as a Set in the order they came.
 */
type IndexKeys = string | Set<string>;

/** The values an object is indexed under; most objects have none, and they all share one empty list. */
function valuesOf<T>(indexer: Indexer<T>, obj: T): string[] {
  const values = indexer.fn(obj);
  return values.length ? values : NO_VALUES;
}

const NO_VALUES: string[] = Object.freeze([]) as unknown as string[];

function addTo(index: Map<string, IndexKeys>, value: string, key: string): void {
  const keys = index.get(value);
  if (keys === undefined) index.set(value, key);
  else if (typeof keys !== 'string') keys.add(key);
  else if (keys !== key) index.set(value, new Set([keys, key]));
}

function removeFrom(index: Map<string, IndexKeys>, value: string, key: string): void {
  const keys = index.get(value);
  if (keys === undefined) return;
  if (typeof keys === 'string') {
    if (keys === key) index.delete(value);
    return;
  }
  keys.delete(key);
  if (keys.size === 0) index.delete(value);
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
