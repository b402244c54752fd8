/**
 * A small in-memory API server for controller tests until the real ApiServer lands: it stores
 * objects, stamps resourceVersion/uid/creationTimestamp, expands generateName, enforces
 * optimistic concurrency, honours finalizers and deletion propagation the way the real
 * registry does (Foreground/Orphan become finalizers), and streams watch events.
 */
import { ApiError, StatusReason } from '../../api/types';
import type { ApiClient, DeleteOptions, KubeObject, ListOptions, PatchType, UserInfo, WatchEvent } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Rng } from '../../sim/Rng';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { clone, rfc3339 } from '../framework/keys';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const meta = (o: KubeObject): Mutable<ObjectMeta> => o.metadata as Mutable<ObjectMeta>;

const CLUSTER_SCOPED = new Set(['nodes', 'namespaces']);
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

type Handler = { resource: string; namespace: string | undefined; fn: (ev: WatchEvent) => void };

export class FakeApiServer {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly watchers: Handler[] = [];
  private rv = 1;
  private uidCounter = 0;
  /** Every write, for assertions: `verb resource ns/name`. */
  readonly log: string[] = [];

  constructor(
    readonly clock: VirtualClock,
    readonly rng: Rng,
  ) {}

  client(name = 'admin'): ApiClient {
    return new FakeClient(this, { name, groups: [] });
  }

  system(name: string): ApiClient {
    return new FakeClient(this, { name: `system:serviceaccount:kube-system:${name}`, groups: [] }, `controller:${name}`);
  }

  table(resource: string): Map<string, KubeObject> {
    let t = this.objects.get(resource);
    if (!t) this.objects.set(resource, (t = new Map()));
    return t;
  }

  key(resource: string, ns: string | undefined, name: string): string {
    return CLUSTER_SCOPED.has(resource) ? name : `${ns ?? ''}/${name}`;
  }

  notFound(resource: string, name: string): ApiError {
    return new ApiError(404, StatusReason.NotFound, `${resource} "${name}" not found`, { name, kind: resource });
  }

  emit(resource: string, type: WatchEvent['type'], obj: KubeObject, source: string, old?: KubeObject): void {
    const ev: WatchEvent = { type, object: clone(obj), resourceVersion: Number(obj.metadata.resourceVersion), source, ...(old ? { oldObject: clone(old) } : {}) };
    for (const w of [...this.watchers]) {
      if (w.resource !== resource) continue;
      if (w.namespace !== undefined && obj.metadata.namespace !== w.namespace) continue;
      w.fn(ev);
    }
  }

  create(resource: string, ns: string | undefined, input: KubeObject, source: string): KubeObject {
    const obj = clone(input);
    if (!CLUSTER_SCOPED.has(resource)) obj.metadata.namespace = ns ?? obj.metadata.namespace ?? 'default';
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.rng.string(5, SUFFIX_ALPHABET);
    const name = obj.metadata.name ?? '';
    const k = this.key(resource, obj.metadata.namespace, name);
    if (this.table(resource).has(k)) throw new ApiError(409, StatusReason.AlreadyExists, `${resource} "${name}" already exists`, { name });
    meta(obj).uid = `uid-${++this.uidCounter}`;
    meta(obj).resourceVersion = String(++this.rv);
    meta(obj).creationTimestamp = rfc3339(this.clock.now());
    meta(obj).generation = 1;
    this.table(resource).set(k, obj);
    this.log.push(`create ${resource} ${k}`);
    this.emit(resource, 'ADDED', obj, source);
    return clone(obj);
  }

  update(resource: string, ns: string | undefined, input: KubeObject, source: string, status: boolean): KubeObject {
    const name = input.metadata.name ?? '';
    const k = this.key(resource, ns ?? input.metadata.namespace, name);
    const cur = this.table(resource).get(k);
    if (!cur) throw this.notFound(resource, name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw new ApiError(409, StatusReason.Conflict, `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name });
    }
    const next = clone(input);
    if (status) next.spec = clone(cur.spec);
    else if (cur.status !== undefined) next.status = clone(cur.status);
    next.metadata = { ...next.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp, namespace: cur.metadata.namespace };
    if (cur.metadata.deletionTimestamp) meta(next).deletionTimestamp = cur.metadata.deletionTimestamp;
    meta(next).generation = (cur.metadata.generation ?? 1) + (!status && JSON.stringify(cur.spec) !== JSON.stringify(next.spec) ? 1 : 0);
    meta(next).resourceVersion = String(++this.rv);
    this.log.push(`${status ? 'updateStatus' : 'update'} ${resource} ${k}`);
    const specFinalizers = resource === 'namespaces' ? ((next.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : [];
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers ?? []).length && !specFinalizers.length) {
      this.table(resource).delete(k);
      this.emit(resource, 'DELETED', next, source);
      return clone(next);
    }
    this.table(resource).set(k, next);
    this.emit(resource, 'MODIFIED', next, source, cur);
    return clone(next);
  }

  delete(resource: string, ns: string | undefined, name: string, opts: DeleteOptions, source: string): KubeObject {
    const k = this.key(resource, ns, name);
    const cur = this.table(resource).get(k);
    if (!cur) throw this.notFound(resource, name);
    const policy = opts.propagationPolicy ?? (resource === 'replicasets.apps' || resource === 'deployments.apps' ? 'Background' : 'Background');
    const finalizers = [...(cur.metadata.finalizers ?? [])];
    if (resource === 'namespaces' && ((cur.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length) {
      const next = clone(cur);
      meta(next).deletionTimestamp ??= rfc3339(this.clock.now());
      next.status = { ...((next.status as object) ?? {}), phase: 'Terminating' };
      meta(next).resourceVersion = String(++this.rv);
      this.table(resource).set(k, next);
      this.emit(resource, 'MODIFIED', next, source, cur);
      return clone(next);
    }
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    this.log.push(`delete ${resource} ${k}`);
    if (finalizers.length === 0) {
      this.table(resource).delete(k);
      const gone = { ...cur, metadata: { ...cur.metadata, resourceVersion: String(++this.rv) } };
      this.emit(resource, 'DELETED', gone, source);
      return clone(gone);
    }
    if (cur.metadata.deletionTimestamp && JSON.stringify(finalizers) === JSON.stringify(cur.metadata.finalizers)) return clone(cur);
    const next = clone(cur);
    next.metadata.finalizers = finalizers;
    meta(next).deletionTimestamp ??= rfc3339(this.clock.now());
    meta(next).resourceVersion = String(++this.rv);
    this.table(resource).set(k, next);
    this.emit(resource, 'MODIFIED', next, source, cur);
    return clone(next);
  }

  watch(resource: string, namespace: string | undefined, fn: (ev: WatchEvent) => void): () => void {
    const h: Handler = { resource, namespace, fn };
    this.watchers.push(h);
    return () => {
      const i = this.watchers.indexOf(h);
      if (i >= 0) this.watchers.splice(i, 1);
    };
  }

  get currentRv(): number {
    return this.rv;
  }

  /** Every stored object of a resource (test helper). */
  all<T extends KubeObject>(resource: string): T[] {
    return [...this.table(resource).values()].map((o) => clone(o) as T);
  }
}

class FakeClient implements ApiClient {
  constructor(
    private readonly server: FakeApiServer,
    readonly user: UserInfo,
    private readonly source = `user:${user.name}`,
  ) {}

  create<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T): T {
    return this.server.create(resource, namespace, obj, this.source) as T;
  }
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T {
    const o = this.tryGet<T>(resource, namespace, name);
    if (!o) throw this.server.notFound(resource, name);
    return o;
  }
  tryGet<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    const o = this.server.table(resource).get(this.server.key(resource, namespace, name));
    return o ? (clone(o) as T) : undefined;
  }
  list<T extends KubeObject>(resource: string, namespace: string | undefined, _opts?: ListOptions): { items: T[]; resourceVersion: number } {
    const items = this.server.all<T>(resource).filter((o) => namespace === undefined || o.metadata.namespace === namespace);
    return { items, resourceVersion: this.server.currentRv };
  }
  update<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T): T {
    return this.server.update(resource, namespace, obj, this.source, false) as T;
  }
  updateStatus<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T): T {
    return this.server.update(resource, namespace, obj, this.source, true) as T;
  }
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown): T {
    if (type === 'json') throw new ApiError(415, StatusReason.BadRequest, 'json patch not supported by the fake');
    const cur = this.get<T>(resource, namespace, name);
    const merged = mergePatch(cur, patch) as T;
    meta(merged).resourceVersion = undefined;
    const out = this.server.update(resource, namespace, merged, this.source, false) as T;
    if ((patch as { status?: unknown }).status !== undefined) {
      const withStatus = mergePatch(out, { status: (patch as { status: unknown }).status }) as T;
      meta(withStatus).resourceVersion = undefined;
      return this.server.update(resource, namespace, withStatus, this.source, true) as T;
    }
    return out;
  }
  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    return this.server.delete(resource, namespace, name, opts, this.source);
  }
  watch(resource: string, namespace: string | undefined, handler: (ev: WatchEvent) => void): () => void {
    return this.server.watch(resource, namespace, handler);
  }
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return clone(patch);
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
