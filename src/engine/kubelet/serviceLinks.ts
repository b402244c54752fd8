import type { ApiClient, KubeObject, Unsubscribe, WatchEvent } from '../api/types';

export interface ServiceLike {
  metadata: { name?: string; namespace?: string };
  spec?: { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] };
}

/**
 * Docker-links style variables for every Service given, in order, as kubelet's
 * getServiceEnvVarMap/FromServices writes them.
 */
export function serviceEnv(services: ServiceLike[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None') continue;
    const ports = svc.spec?.ports ?? [];
    const first = ports[0];
    if (!first) continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    env[`${name}_SERVICE_HOST`] = ip;
    env[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto = (first.protocol ?? 'TCP').toLowerCase();
    env[`${name}_PORT`] = `${proto}://${ip}:${first.port}`;
    for (const p of ports) {
      const pr = (p.protocol ?? 'TCP').toLowerCase();
      const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
      env[prefix] = `${pr}://${ip}:${p.port}`;
      env[`${prefix}_PROTO`] = pr;
      env[`${prefix}_PORT`] = String(p.port);
      env[`${prefix}_ADDR`] = ip;
    }
  }
  return env;
}

const MASTER_NS = 'default';
const MASTER = 'kubernetes';
const isMaster = (ns: string, name: string | undefined) => ns === MASTER_NS && name === MASTER;

/**
 * The kubelet's Service lister for service links (kubelet runs a Service informer for them):
 * Services per namespace kept from a watch, and each namespace's variables computed once per
 * change instead of listing and rendering every Service of the namespace at each container start.
 */
export class ServiceLinks {
  /** namespace → name → Service, as the watch last delivered them. */
  private readonly services = new Map<string, Map<string, ServiceLike>>();
  /** Each namespace's variables (its Services by name, then `kubernetes`), frozen and shared. */
  private readonly linked = new Map<string, Readonly<Record<string, string>>>();
  /** The `kubernetes` Service's variables alone (pods with `enableServiceLinks: false`). */
  private master: Readonly<Record<string, string>> | undefined;
  private unsubscribe: Unsubscribe | undefined;

  constructor(private readonly api: ApiClient) {}

  /** Lists every Service, then follows the watch from the listed resourceVersion. Idempotent. */
  start(): void {
    if (this.unsubscribe) return;
    const { items, resourceVersion } = this.api.list<KubeObject & ServiceLike>('services', undefined);
    for (const svc of items) this.put(svc);
    this.unsubscribe = this.api.watch('services', undefined, (ev) => this.onEvent(ev), { fromResourceVersion: resourceVersion });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.services.clear();
    this.linked.clear();
    this.master = undefined;
  }

  /**
   * The service-link variables of a container in `namespace`: its namespace's Services unless
   * `enableServiceLinks` is false, then always the `kubernetes` Service. Frozen and shared by
   * every container of the namespace (a namespace with many Services has thousands of
   * variables): copy before adding to them.
   */
  env(namespace: string, enableServiceLinks: boolean): Readonly<Record<string, string>> {
    if (!this.unsubscribe) return Object.freeze(this.read(namespace, enableServiceLinks));
    const masterSvc = this.services.get(MASTER_NS)?.get(MASTER);
    if (!enableServiceLinks) return (this.master ??= Object.freeze(serviceEnv(masterSvc ? [masterSvc] : [])));
    let env = this.linked.get(namespace);
    if (!env) this.linked.set(namespace, (env = Object.freeze(serviceEnv([...this.sorted(namespace), ...(masterSvc ? [masterSvc] : [])]))));
    return env;
  }

  /** Straight from the API server, for a kubelet that is not watching. */
  private read(namespace: string, enableServiceLinks: boolean): Record<string, string> {
    const own = enableServiceLinks ? this.api.list<KubeObject & ServiceLike>('services', namespace).items.filter((s) => !isMaster(namespace, s.metadata.name)) : [];
    const master = this.api.tryGet<KubeObject & ServiceLike>('services', MASTER_NS, MASTER);
    return serviceEnv([...own, ...(master ? [master] : [])]);
  }

  /** A namespace's Services by name (code-unit order, as the API server lists them), `kubernetes` left out. */
  private sorted(namespace: string): ServiceLike[] {
    const byName = this.services.get(namespace);
    if (!byName) return [];
    return [...byName.keys()]
      .sort()
      .filter((name) => !isMaster(namespace, name))
      .map((name) => byName.get(name)!);
  }

  private put(svc: ServiceLike): void {
    const ns = svc.metadata.namespace ?? '';
    let byName = this.services.get(ns);
    if (!byName) this.services.set(ns, (byName = new Map()));
    byName.set(svc.metadata.name!, svc);
    this.changed(ns, svc.metadata.name);
  }

  private onEvent(ev: WatchEvent): void {
    const svc = ev.object as KubeObject & ServiceLike;
    if (ev.type !== 'DELETED') return this.put(svc);
    const ns = svc.metadata.namespace ?? '';
    const byName = this.services.get(ns);
    byName?.delete(svc.metadata.name!);
    if (byName?.size === 0) this.services.delete(ns);
    this.changed(ns, svc.metadata.name);
  }

  private changed(namespace: string, name: string | undefined): void {
    this.linked.delete(namespace);
    if (!isMaster(namespace, name)) return;
    // Every namespace's variables end with the `kubernetes` Service's.
    this.master = undefined;
    this.linked.clear();
  }
}
