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
    for (const obj of items) this.cache.set(keyOf(obj), obj);
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

  /** Cached objects (in the order they were first seen), optionally one namespace's only. */
  list(namespace?: string): T[] {
    const out: T[] = [];
    for (const obj of this.cache.values()) if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    return out;
  }

  private onEvent(ev: WatchEvent<T>): void {
    const key = keyOf(ev.object);
    const old = this.cache.get(key);
    if (ev.type === 'DELETED') {
      this.cache.delete(key);
      for (const h of this.handlers) h.onDelete?.(ev.object);
      return;
    }
    this.cache.set(key, ev.object);
    if (old) for (const h of this.handlers) h.onUpdate?.(old, ev.object);
    else for (const h of this.handlers) h.onAdd?.(ev.object);
  }
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
