/**
 * kube-proxy on every node, as a Simulation component: one `KubeProxy` per node fed by Service
 * and EndpointSlice watch events (watch handlers only queue; `processPending` applies them, so
 * updates stay incremental). Mode and scheduler come from the `kube-proxy` ConfigMap in
 * kube-system and take effect on a node when its kube-proxy pod (re)starts, as on a real cluster
 * where editing the ConfigMap changes nothing until the DaemonSet's pods are restarted.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { parse } from 'yaml';
import type { ApiClient, Unsubscribe, WatchEvent } from '../api/types';
import { KubeProxy } from '../proxy';
import type { IpvsScheduler, ProxyConfig } from '../proxy';
import type { NodeObject, PodObject } from '../sim/kinds';
import type { ComponentContext, SimComponent } from '../sim/Simulation';

const SLICES = 'endpointslices.discovery.k8s.io';
const SCHEDULERS: readonly IpvsScheduler[] = ['rr', 'lc', 'dh', 'sh', 'sed', 'nq'];

/** Reads a KubeProxyConfiguration (the ConfigMap's `config.conf`) into a ProxyConfig. */
export function parseKubeProxyConfiguration(text: string | undefined): ProxyConfig {
  let doc: Record<string, unknown> = {};
  try {
    doc = (parse(text ?? '') as Record<string, unknown> | null) ?? {};
  } catch {
    // kube-proxy would crash-loop on a broken file; we keep the defaults and let the pod's logs tell.
  }
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const cfg: ProxyConfig = {};
  if (doc['mode'] === 'ipvs') cfg.mode = 'ipvs';
  const scheduler = obj(doc['ipvs'])['scheduler'];
  if (typeof scheduler === 'string' && (SCHEDULERS as readonly string[]).includes(scheduler)) cfg.ipvsScheduler = scheduler as IpvsScheduler;
  if (typeof doc['clusterCIDR'] === 'string' && doc['clusterCIDR']) cfg.clusterCIDR = doc['clusterCIDR'];
  const ipt = obj(doc['iptables']);
  if (ipt['masqueradeAll'] === true) cfg.masqueradeAll = true;
  if (typeof ipt['masqueradeBit'] === 'number') cfg.masqueradeBit = ipt['masqueradeBit'];
  if (ipt['localhostNodePorts'] === false) cfg.localhostNodePorts = false;
  if (obj(doc['conntrack'])['tcpBeLiberal'] === true) cfg.conntrackTCPLiberal = true;
  const npa = doc['nodePortAddresses'];
  if (Array.isArray(npa) && npa.every((x) => typeof x === 'string')) cfg.nodePortAddresses = npa as string[];
  return cfg;
}

/** The kube-proxy of every node, kept in step with the API server. */
export class KubeProxyComponent implements SimComponent {
  private readonly client: ApiClient;
  private readonly proxies = new Map<string, KubeProxy>();
  /** Node → the config its kube-proxy started with and the pod that started it (kept by the Network). */
  private readonly applied: Record<string, { podUid: string; config: ProxyConfig }>;
  private readonly pending: WatchEvent[] = [];
  private podsChanged = true;
  private readonly stops: Unsubscribe[] = [];

  constructor(ctx: Pick<ComponentContext, 'api'>, applied: Record<string, { podUid: string; config: ProxyConfig }> = {}) {
    this.client = ctx.api.system('kube-proxy');
    this.applied = applied;
    const queue = (ev: WatchEvent) => this.pending.push(ev);
    this.stops.push(this.client.watch('services', undefined, queue));
    this.stops.push(this.client.watch(SLICES, undefined, queue));
    this.stops.push(this.client.watch('pods', 'kube-system', () => (this.podsChanged = true)));
    this.stops.push(this.client.watch('nodes', undefined, () => (this.podsChanged = true)));
  }

  /** The kube-proxy of `node` (built on first use from the current ConfigMap). */
  proxy(node: string): KubeProxy | undefined {
    this.processPending();
    return this.proxies.get(node) ?? this.build(node);
  }

  processPending(): boolean {
    let worked = false;
    if (this.podsChanged) {
      this.podsChanged = false;
      worked = this.restartChangedProxies() || worked;
    }
    if (this.pending.length === 0) return worked;
    const events = this.pending.splice(0);
    for (const p of this.proxies.values()) for (const ev of events) p.onWatchEvent(ev);
    return true;
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }

  private configMapConfig(): ProxyConfig {
    const cm = this.client.tryGet('configmaps', 'kube-system', 'kube-proxy') as { data?: Record<string, string> } | undefined;
    return parseKubeProxyConfiguration(cm?.data?.['config.conf']);
  }

  /** A node's kube-proxy pod that is running now, if any. */
  private runningProxyPod(node: string): PodObject | undefined {
    const pods = this.client.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).items;
    return pods.find((p) => p.spec?.nodeName === node && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
  }

  private build(node: string): KubeProxy | undefined {
    const n = this.client.tryGet<NodeObject>('nodes', undefined, node);
    if (!n) return undefined;
    const ips = (n.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
    const pod = this.runningProxyPod(node);
    const kept = this.applied[node];
    // A restored cluster keeps what its kube-proxy started with, unless that pod has been replaced.
    const config = kept && (!pod || kept.podUid === pod.metadata.uid) ? kept.config : this.configMapConfig();
    const proxy = new KubeProxy({ name: node, ips }, config);
    this.applied[node] = { podUid: pod?.metadata.uid ?? kept?.podUid ?? '', config };
    const services = this.client.list('services', undefined).items as unknown as Service[];
    const slices = this.client.list(SLICES, undefined).items as unknown as EndpointSlice[];
    proxy.update(services, slices);
    this.proxies.set(node, proxy);
    return proxy;
  }

  /** Rebuilds the proxies whose kube-proxy pod was replaced since they last read the ConfigMap. */
  private restartChangedProxies(): boolean {
    let worked = false;
    for (const node of [...this.proxies.keys()]) {
      const pod = this.runningProxyPod(node);
      if (!pod) continue;
      const uid = pod.metadata.uid ?? '';
      const kept = this.applied[node];
      if (kept?.podUid === uid) continue;
      const next = this.configMapConfig();
      const same = JSON.stringify(next) === JSON.stringify(kept?.config);
      this.applied[node] = { podUid: uid, config: next };
      if (same) continue;
      this.proxies.delete(node);
      this.build(node);
      worked = true;
    }
    return worked;
  }
}
