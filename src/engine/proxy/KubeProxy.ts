/**
 * kube-proxy for one node, in two halves as the real one: change tracking and syncs.
 *
 * - Tracking (`update`, `on*Changed`, `onWatchEvent`) is what kube-proxy's informer handlers do
 *   when an event arrives: store the object, and for a Service build its ports' info with their
 *   chain names (newServiceInfo in pkg/proxy/iptables/proxier.go computes them there). The
 *   Service is then pending.
 * - A sync (`ruleset()`, when anything is pending) is syncProxyRules: the endpoints of each
 *   pending Service are gathered from its slices (the EndpointSliceCache checkout, where
 *   newEndpointInfo names each KUBE-SEP chain), large-cluster mode is decided from the endpoint
 *   total, and the pending Services' rules are written. In iptables mode a rule fragment is kept
 *   per Service, so a partial sync regenerates only the changed Services' chains. In IPVS mode
 *   the iptables rules are constant-size and the virtual servers are recomputed on demand.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../api/types';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ProxyConfig, ProxyNode, ResolvedProxyConfig } from './config';
import { resolveProxyConfig } from './config';
import { LARGE_CLUSTER_ENDPOINTS_THRESHOLD } from './iptables/chainNames';
import { indexRuleset } from './iptables/ruleIndex';
import { RulesetAssembler } from './iptables/rulesetAssembler';
import type { ServiceFragment } from './iptables/serviceRules';
import { serviceFragment } from './iptables/serviceRules';
import type { IpvsState } from './ipvs/virtualServers';
import { generateIpvs } from './ipvs/virtualServers';
import { generateIpvsIptables } from './ipvs/ipvsRules';
import type { Ruleset } from './model';
import type { EndpointTable, PortEndpoints, ServicePortInfo } from './serviceInfo';
import { endpointsForPort, servicePorts } from './serviceInfo';
import { servicePortChains } from './hash';

/** A Service's ports as the tracker built them, with the endpoints of the last sync. */
interface TrackedService {
  ports: ServicePortInfo[];
  endpoints: EndpointTable[];
  total: number;
}

const keyOf = (ns: string | undefined, name: string | undefined) => `${ns ?? 'default'}/${name ?? ''}`;

export class KubeProxy {
  readonly config: ResolvedProxyConfig;
  private readonly services = new Map<string, Service>();
  /** Service key → slice name → slice. */
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  /** Slice `ns/name` → the Service key it was stored under. */
  private readonly sliceOwner = new Map<string, string>();
  /** Services by key with their ports' info (and, once synced, their endpoints). */
  private readonly tracked = new Map<string, TrackedService>();
  /** Services changed since the last sync; `fullSync` when every one is to be rewritten. */
  private readonly pending = new Set<string>();
  private fullSync = true;
  private readonly fragments = new Map<string, ServiceFragment[]>();
  private readonly assembler: RulesetAssembler;
  private totalEndpoints = 0;
  private largeCluster = false;
  private cached: Ruleset | undefined;
  private cachedIpvs: IpvsState | undefined;
  /** How many Service fragments were regenerated since construction (for tests and benches). */
  regenerations = 0;

  constructor(
    readonly node: ProxyNode,
    private readonly rawConfig: ProxyConfig = {},
  ) {
    this.config = resolveProxyConfig(rawConfig);
    this.assembler = new RulesetAssembler(this.config, node.ips);
  }

  /** Replaces the whole state; the next sync rewrites everything. */
  update(services: readonly Service[], slices: readonly EndpointSlice[]): void {
    this.services.clear();
    this.slices.clear();
    this.sliceOwner.clear();
    this.tracked.clear();
    this.totalEndpoints = 0;
    for (const s of services) this.services.set(keyOf(s.metadata?.namespace, s.metadata?.name), s);
    for (const sl of slices) this.storeSlice(sl);
    for (const key of this.services.keys()) this.track(key);
    this.fullSync = true;
    this.pending.clear();
    this.invalidate();
  }

  /** A Service was added or changed (`service`), or deleted (`undefined` with its key parts). */
  onServiceChanged(namespace: string, name: string, service: Service | undefined): void {
    const key = keyOf(namespace, name);
    if (service) this.services.set(key, service);
    else this.services.delete(key);
    this.track(key);
    this.pending.add(key);
    this.invalidate();
  }

  /** An EndpointSlice was added or changed (`slice`), or deleted (`undefined`). */
  onSliceChanged(namespace: string, name: string, slice: EndpointSlice | undefined, previous?: EndpointSlice): void {
    const sliceKey = `${namespace}/${name}`;
    const owner = this.sliceOwner.get(sliceKey);
    if (owner !== undefined) {
      this.slices.get(owner)?.delete(sliceKey);
      this.sliceOwner.delete(sliceKey);
      this.pending.add(owner);
    }
    if (previous) this.pending.add(keyOf(namespace, previous.metadata?.labels?.['kubernetes.io/service-name']));
    if (slice) this.pending.add(this.storeSlice(slice));
    this.invalidate();
  }

  /**
   * Feeds one watch event for `services` or `endpointslices.discovery.k8s.io` (what kube-proxy's
   * informers deliver); other kinds are ignored.
   */
  onWatchEvent(ev: WatchEvent): void {
    const ns = ev.object.metadata.namespace ?? 'default';
    const name = ev.object.metadata.name ?? '';
    const gone = ev.type === 'DELETED';
    if (ev.object.kind === 'Service') this.onServiceChanged(ns, name, gone ? undefined : (ev.object as unknown as Service));
    else if (ev.object.kind === 'EndpointSlice') {
      this.onSliceChanged(ns, name, gone ? undefined : (ev.object as unknown as EndpointSlice), ev.oldObject as unknown as EndpointSlice | undefined);
    }
  }

  /** The node's current iptables state (in IPVS mode, the IPVS-mode rules and ipsets). */
  ruleset(): Ruleset {
    if (this.cached) return this.cached;
    if (this.config.mode === 'ipvs') {
      this.cached = generateIpvsIptables(this.input(), this.ipvsPorts());
      indexRuleset(this.cached);
    } else {
      this.sync();
      this.cached = this.assembler.ruleset();
    }
    return this.cached;
  }

  /** IPVS virtual servers and kube-ipvs0 addresses (meaningful in IPVS mode). */
  ipvs(): IpvsState {
    this.cachedIpvs ??= generateIpvs(this.input(), this.ipvsPorts());
    return this.cachedIpvs;
  }

  /**
   * IPVS mode's sync input: every Service port with its endpoints, the pending ones gathered
   * afresh. Its rules and virtual servers are rebuilt whole (they are few, or not rules).
   */
  private ipvsPorts(): PortEndpoints[] {
    const keys = this.fullSync ? [...this.tracked.keys()] : [...this.pending];
    for (const key of keys) this.checkoutEndpoints(key);
    this.fullSync = false;
    this.pending.clear();
    const out: PortEndpoints[] = [];
    for (const t of this.tracked.values()) t.ports.forEach((info, i) => out.push({ info, endpoints: t.endpoints[i]! }));
    return out;
  }

  private input() {
    const slices = [...this.slices.values()].flatMap((m) => [...m.values()]);
    return { node: this.node, services: [...this.services.values()], endpointSlices: slices, config: this.rawConfig };
  }

  private invalidate(): void {
    this.cached = undefined;
    this.cachedIpvs = undefined;
  }

  private storeSlice(slice: EndpointSlice): string {
    const ns = slice.metadata?.namespace;
    const svcKey = keyOf(ns, slice.metadata?.labels?.['kubernetes.io/service-name']);
    let bySlice = this.slices.get(svcKey);
    if (!bySlice) this.slices.set(svcKey, (bySlice = new Map()));
    const sliceKey = `${ns ?? 'default'}/${slice.metadata?.name ?? ''}`;
    bySlice.set(sliceKey, slice);
    this.sliceOwner.set(sliceKey, svcKey);
    return svcKey;
  }

  /** A Service's ports with their chain names, as the tracker keeps them (none once it is gone). */
  private track(key: string): void {
    const svc = this.services.get(key);
    if (!svc) {
      // A deleted Service's endpoints no longer count.
      this.totalEndpoints -= this.tracked.get(key)?.total ?? 0;
      this.tracked.delete(key);
      return;
    }
    const ports = servicePorts(svc);
    if (this.config.mode !== 'ipvs') for (const info of ports) info.chains = servicePortChains(info.nameString, info.ref.protocol);
    const old = this.tracked.get(key);
    this.tracked.set(key, { ports, endpoints: old?.endpoints ?? [], total: old?.total ?? 0 });
  }

  /**
   * syncProxyRules: the pending Services' endpoints, large-cluster mode from the endpoint total
   * (a change of mode rewrites every SEP rule, so everything), then the pending Services' rules.
   */
  private sync(): void {
    if (!this.fullSync && this.pending.size === 0) return;
    const keys = this.fullSync ? [...this.tracked.keys()] : [...this.pending];
    for (const key of keys) this.checkoutEndpoints(key);
    const large = this.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
    const all = this.fullSync || large !== this.largeCluster;
    this.largeCluster = large;
    this.fullSync = false;
    this.pending.clear();
    if (all) {
      this.fragments.clear();
      const fragments: ServiceFragment[] = [];
      for (const key of this.tracked.keys()) for (const f of this.generate(key)) fragments.push(f);
      this.assembler.load(fragments);
      return;
    }
    for (const key of keys) this.regenerate(key);
  }

  /** Gathers Service `key`'s endpoints from its slices (the EndpointSliceCache checkout). */
  private checkoutEndpoints(key: string): void {
    const t = this.tracked.get(key);
    if (!t) return;
    const slices = [...(this.slices.get(key)?.values() ?? [])];
    this.totalEndpoints -= t.total;
    t.endpoints = t.ports.map((info) => endpointsForPort(info, slices, this.node.name));
    t.total = t.endpoints.reduce((n, eps) => n + eps.length, 0);
    this.totalEndpoints += t.total;
  }

  /** Regenerates one Service's fragments and splices them into the ruleset. */
  private regenerate(key: string): void {
    const before = this.fragments.get(key) ?? [];
    const after = this.generate(key);
    const keys = new Set(after.map((f) => f.key));
    for (const f of before) if (!keys.has(f.key)) this.assembler.set(f.key, undefined);
    for (const f of after) this.assembler.set(f.key, f);
  }

  /** Service `key`'s fragments from its tracked ports and endpoints (none once it is gone). */
  private generate(key: string): ServiceFragment[] {
    const t = this.tracked.get(key);
    if (!t) {
      this.fragments.delete(key);
      return [];
    }
    const opts = { config: this.config, nodeIPs: this.node.ips, largeCluster: this.largeCluster };
    const fragments = t.ports.map((info, i) => serviceFragment(info, t.endpoints[i]!, opts));
    this.regenerations++;
    this.fragments.set(key, fragments);
    return fragments;
  }
}
