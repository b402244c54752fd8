/**
 * The simulated kube-apiserver. Every request runs the real path: authentication →
 * authorization (RBAC over stored Roles and bindings) → mutating admission and defaulting →
 * validation → storage → watch event, and is recorded in the request log for the UI.
 * All state lives in an {@link ObjectStore}; time and randomness come from the config.
 */
import { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import { deepClone } from '../store/json';
import { ObjectStore, type StoreSnapshot } from '../store/ObjectStore';
import { ApiServerClient } from './ApiServerClient';
import { ClusterIpAllocator } from './allocators/ClusterIpAllocator';
import { NodePortAllocator } from './allocators/NodePortAllocator';
import { STRATEGIES } from './kinds/strategies';
import { bootstrapPolicyObjects } from './rbac/bootstrapPolicy';
import type { RequestListener, RequestRecord } from './RequestLog';
import { RequestHandler } from './RequestHandler';
import { RESOURCES, resolveResource, resourceFor, resourceKey } from './resources';
import type { StrategyContext } from './strategy';
import type { DeleteOptions, KubeObject, ListOptions, PatchType, ResourceInfo, Unsubscribe, UserInfo, WatchEvent, WatchOptions, WriteOptions } from './types';
import { newUid, rfc3339 } from './metadata';

export interface ApiServerConfig {
  clock: VirtualClock;
  rng: Rng;
  /** `--service-cluster-ip-range`, e.g. `10.96.0.0/12`. */
  serviceCIDR: string;
  /** `--service-node-port-range`, e.g. `30000-32767`. */
  nodePortRange: string;
  clusterDomain: string;
}

export interface ApiServerSnapshot {
  store: StoreSnapshot;
  clusterIPs: string[];
  nodePorts: number[];
}

/** Bootstrap objects whose UIDs come from the cluster's own random stream (see `bootstrap`). */
const SEED_STREAM_UIDS = new Set([
  'clusterroles.rbac.authorization.k8s.io/cluster-admin',
  'clusterroles.rbac.authorization.k8s.io/admin',
  'clusterroles.rbac.authorization.k8s.io/edit',
  'clusterroles.rbac.authorization.k8s.io/view',
  'clusterrolebindings.rbac.authorization.k8s.io/cluster-admin',
  'clusterrolebindings.rbac.authorization.k8s.io/kubeadm:cluster-admins',
]);

/** kubeadm's admin.conf identity. */
export const KUBERNETES_ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

export class ApiServer {
  readonly store = new ObjectStore();
  readonly clusterIPs: ClusterIpAllocator;
  readonly nodePorts: NodePortAllocator;
  private readonly listeners = new Set<RequestListener>();
  private warningSink: ((w: string) => void) | undefined;
  private readonly handler: RequestHandler;

  constructor(readonly config: ApiServerConfig) {
    this.clusterIPs = new ClusterIpAllocator(config.serviceCIDR, config.rng);
    this.nodePorts = new NodePortAllocator(config.nodePortRange, config.rng);
    this.handler = new RequestHandler(this);
    this.bootstrap();
  }

  /** A client acting as `user` (already authenticated). */
  client(user: UserInfo): ApiServerClient {
    return new ApiServerClient(this, { name: user.name, groups: [...user.groups] }, `user:${user.name}`);
  }

  /** kubeadm's admin.conf user: `kubernetes-admin` in `kubeadm:cluster-admins`. */
  admin(): ApiServerClient {
    return this.client(KUBERNETES_ADMIN);
  }

  /**
   * A control-plane component (controller, kubelet, kube-proxy, CoreDNS). It is in
   * `system:masters`, so RBAC does not stand in its way; its writes are stamped
   * `controller:<name>` in watch events. With `sharedResults`, its writes return the stored
   * object itself (frozen, as watch events carry it) instead of a private copy: for components
   * that only read what a write returns, which saves a deep copy per write.
   */
  system(name: string, opts: { sharedResults?: boolean } = {}): ApiServerClient {
    const user = { name: name.startsWith('system:') ? name : `system:${name}`, groups: ['system:masters', 'system:authenticated'] };
    return new ApiServerClient(this, user, `controller:${name}`, undefined, !!opts.sharedResults);
  }

  /** Discovery: every served resource, as `kubectl api-resources` lists them. */
  resources(): ResourceInfo[] {
    return RESOURCES.map((r) => deepClone(r));
  }

  resourceFor(apiVersion: string, kind: string): ResourceInfo {
    return deepClone(resourceFor(apiVersion, kind));
  }

  resolveResource(nameOrShort: string): ResourceInfo {
    return deepClone(resolveResource(nameOrShort));
  }

  /** The key clients pass as `resource` (`services`, `deployments.apps`) for a discovery entry. */
  resourceKey(info: ResourceInfo): string {
    return resourceKey(info);
  }

  /** Subscribes to the request log. */
  onRequest(listener: RequestListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** All state as plain JSON: objects, resourceVersion counter and allocator state. */
  snapshot(): ApiServerSnapshot {
    return deepClone({ store: this.store.snapshot(), clusterIPs: this.clusterIPs.allocated(), nodePorts: this.nodePorts.allocated() });
  }

  restore(snap: ApiServerSnapshot): void {
    const copy = deepClone(snap);
    this.store.restore(copy.store);
    this.clusterIPs.restore(copy.clusterIPs);
    this.nodePorts.restore(copy.nodePorts);
  }

  /** Ends every open watch (this server is being replaced): watchers hear their `onClose`. */
  closeWatches(): void {
    this.store.closeWatches();
  }

  // ---- request entry points used by ApiServerClient ----

  create(c: ApiServerClient, resource: string, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    return this.handler.create(c, resource, ns, obj, opts);
  }
  get(c: ApiServerClient, resource: string, ns: string | undefined, name: string): KubeObject {
    return this.handler.get(c, resource, ns, name)!;
  }
  tryGet(c: ApiServerClient, resource: string, ns: string | undefined, name: string): KubeObject | undefined {
    return this.handler.get(c, resource, ns, name, true);
  }
  list(c: ApiServerClient, resource: string, ns: string | undefined, opts?: ListOptions): { items: KubeObject[]; resourceVersion: number } {
    return this.handler.list(c, resource, ns, opts);
  }
  update(c: ApiServerClient, resource: string, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    return this.handler.update(c, resource, ns, obj, opts);
  }
  patch(c: ApiServerClient, resource: string, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject {
    return this.handler.patch(c, resource, ns, name, type, patch, opts);
  }
  delete(c: ApiServerClient, resource: string, ns: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    return this.handler.delete(c, resource, ns, name, opts);
  }
  watch(c: ApiServerClient, resource: string, ns: string | undefined, handler: (ev: WatchEvent) => void, opts?: WatchOptions): Unsubscribe {
    return this.handler.watch(c, resource, ns, handler, opts);
  }

  /** Runs `fn` with API warnings routed to `sink` (one client call at a time; the engine is single-threaded). */
  withWarnings<T>(sink: (w: string) => void, fn: () => T): T {
    const prev = this.warningSink;
    this.warningSink = sink;
    try {
      return fn();
    } finally {
      this.warningSink = prev;
    }
  }

  /** @internal */
  warn(w: string): void {
    this.warningSink?.(w);
  }

  /** @internal */
  emitRequest(rec: RequestRecord): void {
    if (this.listeners.size) for (const l of [...this.listeners]) l(rec);
  }

  /** @internal The context strategies run with. */
  strategyContext(): StrategyContext {
    return {
      rng: this.config.rng,
      now: this.config.clock.now(),
      clusterIPs: this.clusterIPs,
      nodePorts: this.nodePorts,
      lookup: (resource, namespace, name) => this.store.get(resource, namespace, name),
    };
  }

  /** @internal */
  strategyFor(key: string): (typeof STRATEGIES)[string] {
    return STRATEGIES[key]!;
  }

  /** Objects every kube-apiserver creates at start-up (the RBAC bootstrap policy). */
  private bootstrap(): void {
    const now = rfc3339(this.config.clock.now());
    // UIDs come from a stream forked off the cluster's (its state read, not drawn), so the size
    // of the default policy never shifts the names and addresses a seed gives later; the six
    // objects that were the whole policy when seeds were first published still draw from the
    // cluster's stream, in their old order, so every published seed keeps its names.
    const forked = new Rng(this.config.rng.save().join(':'));
    // The policy objects are frozen and shared by every ApiServer: only the top level and
    // metadata are this server's own.
    const put = (resource: string, obj: KubeObject): void => {
      const uid = newUid(SEED_STREAM_UIDS.has(`${resource}/${obj.metadata.name}`) ? this.config.rng : forked);
      const metadata = { ...obj.metadata, uid, creationTimestamp: now, resourceVersion: String(this.store.nextResourceVersion()) };
      this.store.put(resource, { ...obj, metadata }, 'ADDED', 'controller:kube-apiserver');
    };
    for (const { resource, object } of bootstrapPolicyObjects()) put(resource, object);
  }
}
