/**
 * A small in-memory ApiClient for unit tests of the scheduler and kubelets while they are tested
 * apart from the real ApiServer: stores objects, stamps resourceVersions and uids, fills
 * generateName, does graceful pod deletion and delivers watch events synchronously. It does no
 * validation or defaulting; wiring tests against the real server live in Simulation tests.
 */
import { ApiError, StatusReason } from '../../api/types';
import type { ApiClient, DeleteOptions, KubeObject, ListOptions, PatchType, Unsubscribe, UserInfo, WatchEvent } from '../../api/types';
import type { Rng } from '../Rng';
import type { VirtualClock } from '../VirtualClock';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const CLUSTER_SCOPED = new Set(['nodes', 'namespaces']);
const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

interface Watcher {
  resource: string;
  namespace: string | undefined;
  handler: (ev: WatchEvent) => void;
}

export class MemoryApi {
  private objects = new Map<string, KubeObject>();
  private watchers = new Set<Watcher>();
  private rv = 1;
  private uid = 1;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  client(name: string): ApiClient {
    return new MemoryClient(this, { name, groups: ['system:authenticated'] });
  }

  /** @internal */ key(resource: string, ns: string | undefined, name: string): string {
    return `${resource}/${CLUSTER_SCOPED.has(resource) ? '' : (ns ?? '')}/${name}`;
  }

  /** @internal */ read(resource: string, ns: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(this.key(resource, ns, name));
    return o && clone(o);
  }

  /** @internal */ all(resource: string, ns: string | undefined, opts: ListOptions = {}): KubeObject[] {
    const out: KubeObject[] = [];
    for (const [k, o] of this.objects) {
      if (!k.startsWith(`${resource}/`)) continue;
      if (ns && !CLUSTER_SCOPED.has(resource) && o.metadata.namespace !== ns) continue;
      if (!matches(o, opts)) continue;
      out.push(clone(o));
    }
    return out.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  }

  /** @internal */ write(type: WatchEvent['type'], resource: string, obj: KubeObject, source: string, old?: KubeObject): KubeObject {
    const stored = clone(obj);
    stored.metadata = { ...stored.metadata, resourceVersion: String(++this.rv) };
    const k = this.key(resource, stored.metadata.namespace, stored.metadata.name!);
    if (type === 'DELETED') this.objects.delete(k);
    else this.objects.set(k, stored);
    for (const w of [...this.watchers]) {
      if (w.resource !== resource) continue;
      if (w.namespace && stored.metadata.namespace !== w.namespace) continue;
      w.handler({ type, object: clone(stored), ...(old ? { oldObject: clone(old) } : {}), resourceVersion: this.rv, source });
    }
    return clone(stored);
  }

  /** @internal */ create(resource: string, ns: string | undefined, obj: KubeObject, source: string): KubeObject {
    const o = clone(obj);
    o.metadata = { ...o.metadata };
    if (!CLUSTER_SCOPED.has(resource)) o.metadata.namespace = ns ?? o.metadata.namespace ?? 'default';
    if (!o.metadata.name && o.metadata.generateName) o.metadata.name = o.metadata.generateName + this.rng.string(5, SUFFIX);
    if (this.objects.has(this.key(resource, o.metadata.namespace, o.metadata.name!))) {
      throw new ApiError(409, StatusReason.AlreadyExists, `${resource} "${o.metadata.name}" already exists`);
    }
    o.metadata = {
      ...o.metadata,
      uid: o.metadata.uid ?? `00000000-0000-4000-8000-${String(this.uid++).padStart(12, '0')}`,
      creationTimestamp: o.metadata.creationTimestamp ?? new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    return this.write('ADDED', resource, o, source);
  }

  /** @internal */ remove(resource: string, ns: string | undefined, name: string, opts: DeleteOptions, source: string): KubeObject {
    const cur = this.read(resource, ns, name);
    if (!cur) throw new ApiError(404, StatusReason.NotFound, `${resource} "${name}" not found`);
    const grace = opts.gracePeriodSeconds ?? ((cur.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30);
    // Pods bound to a node are deleted gracefully: the kubelet finishes the job with grace 0.
    if (resource === 'pods' && grace > 0 && (cur.spec as { nodeName?: string }).nodeName) {
      if (cur.metadata.deletionTimestamp) return cur;
      const next = clone(cur);
      next.metadata = { ...next.metadata, deletionTimestamp: new Date(this.clock.now() + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'), deletionGracePeriodSeconds: grace };
      return this.write('MODIFIED', resource, next, source, cur);
    }
    return this.write('DELETED', resource, cur, source);
  }

  /** @internal */ addWatcher(w: Watcher): Unsubscribe {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }
}

function matches(o: KubeObject, opts: ListOptions): boolean {
  for (const req of (opts.labelSelector ?? '').split(',').filter(Boolean)) {
    const [k, v] = req.split('=');
    if ((o.metadata.labels ?? {})[k!] !== v) return false;
  }
  for (const req of (opts.fieldSelector ?? '').split(',').filter(Boolean)) {
    const neg = req.includes('!=');
    const [path, v] = req.split(neg ? '!=' : '=');
    let cur: unknown = o;
    for (const part of path!.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
    if (((cur ?? '') === v) === neg) return false;
  }
  return true;
}

class MemoryClient implements ApiClient {
  constructor(
    private readonly api: MemoryApi,
    readonly user: UserInfo,
  ) {}
  private get source() {
    return `user:${this.user.name}`;
  }
  create<T extends KubeObject>(resource: string, ns: string | undefined, obj: T): T {
    return this.api.create(resource, ns, obj, this.source) as T;
  }
  get<T extends KubeObject>(resource: string, ns: string | undefined, name: string): T {
    const o = this.api.read(resource, ns, name);
    if (!o) throw new ApiError(404, StatusReason.NotFound, `${resource} "${name}" not found`);
    return o as T;
  }
  tryGet<T extends KubeObject>(resource: string, ns: string | undefined, name: string): T | undefined {
    return this.api.read(resource, ns, name) as T | undefined;
  }
  list<T extends KubeObject>(resource: string, ns: string | undefined, opts?: ListOptions) {
    return { items: this.api.all(resource, ns, opts) as T[], resourceVersion: 0 };
  }
  update<T extends KubeObject>(resource: string, ns: string | undefined, obj: T): T {
    const cur = this.get(resource, ns, obj.metadata.name!);
    return this.api.write('MODIFIED', resource, { ...obj, metadata: { ...obj.metadata, uid: cur.metadata.uid } }, this.source, cur) as T;
  }
  updateStatus<T extends KubeObject>(resource: string, ns: string | undefined, obj: T): T {
    const cur = this.get(resource, ns, obj.metadata.name!);
    return this.api.write('MODIFIED', resource, { ...cur, status: obj['status'] }, this.source, cur) as T;
  }
  patch<T extends KubeObject>(resource: string, ns: string | undefined, name: string, _type: PatchType, patch: unknown): T {
    const cur = this.get(resource, ns, name);
    const merged = mergePatch(cur, patch) as KubeObject;
    return this.api.write('MODIFIED', resource, merged, this.source, cur) as T;
  }
  delete(resource: string, ns: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    return this.api.remove(resource, ns, name, opts, this.source);
  }
  watch(resource: string, namespace: string | undefined, handler: (ev: WatchEvent) => void): Unsubscribe {
    return this.api.addWatcher({ resource, namespace, handler });
  }
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
