/**
 * kube-proxy for one node. In iptables mode it keeps a rule fragment per Service, so a change
 * to one Service or EndpointSlice regenerates only that Service's chains (as kube-proxy's
 * partial syncs do). In IPVS mode the iptables rules are constant-size and the virtual servers
 * are recomputed on demand. Results are cached until the next change.
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
import type { EndpointInfo, ServicePortInfo } from './serviceInfo';
import { endpointsForPort, servicePorts } from './serviceInfo';

interface PortEndpoints {
  info: ServicePortInfo;
  endpoints: EndpointInfo[];
}

const keyOf = (ns: string | undefined, name: string | undefined) => `${ns ?? 'default'}/${name ?? ''}`;

export class KubeProxy {
  readonly config: ResolvedProxyConfig;
  private readonly services = new Map<string, Service>();
  /** Service key → slice name → slice. */
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  /** Slice `ns/name` → the Service key it was stored under. */
  private readonly sliceOwner = new Map<string, string>();
  private readonly fragments = new Map<string, { fragments: ServiceFragment[]; endpoints: number }>();
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

  /** Replaces the whole state (a full sync). */
  update(services: readonly Service[], slices: readonly EndpointSlice[]): void {
    this.services.clear();
    this.slices.clear();
    this.sliceOwner.clear();
    for (const s of services) this.services.set(keyOf(s.metadata?.namespace, s.metadata?.name), s);
    for (const sl of slices) this.storeSlice(sl);
    // Large-cluster mode decides how every SEP rule is written, so it is settled before the
    // first one, by an upper bound (endpoints in slices with the port, before de-duplication)
    // that is exact unless slices repeat an endpoint; checkLargeCluster corrects that case.
    this.largeCluster = this.endpointUpperBound() > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
    this.regenerateAll();
    this.checkLargeCluster();
    this.invalidate();
  }

  /** A Service was added or changed (`service`), or deleted (`undefined` with its key parts). */
  onServiceChanged(namespace: string, name: string, service: Service | undefined): void {
    const key = keyOf(namespace, name);
    if (service) this.services.set(key, service);
    else this.services.delete(key);
    this.regenerate(key);
    this.checkLargeCluster();
    this.invalidate();
  }

  /** An EndpointSlice was added or changed (`slice`), or deleted (`undefined`). */
  onSliceChanged(namespace: string, name: string, slice: EndpointSlice | undefined, previous?: EndpointSlice): void {
    const affected = new Set<string>();
    const sliceKey = `${namespace}/${name}`;
    const owner = this.sliceOwner.get(sliceKey);
    if (owner !== undefined) {
      this.slices.get(owner)?.delete(sliceKey);
      this.sliceOwner.delete(sliceKey);
      affected.add(owner);
    }
    if (previous) affected.add(keyOf(namespace, previous.metadata?.labels?.['kubernetes.io/service-name']));
    if (slice) affected.add(this.storeSlice(slice));
    for (const key of affected) this.regenerate(key);
    this.checkLargeCluster();
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
      this.cached = generateIpvsIptables(this.input());
      indexRuleset(this.cached);
    } else {
      this.cached = this.assembler.ruleset();
    }
    return this.cached;
  }

  /** IPVS virtual servers and kube-ipvs0 addresses (meaningful in IPVS mode). */
  ipvs(): IpvsState {
    this.cachedIpvs ??= generateIpvs(this.input());
    return this.cachedIpvs;
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

  /** Regenerates one Service's fragments and splices them into the ruleset. */
  private regenerate(key: string): void {
    if (this.config.mode === 'ipvs') return;
    const before = this.fragments.get(key)?.fragments ?? [];
    const after = this.generate(key);
    const keys = new Set(after.map((f) => f.key));
    for (const f of before) if (!keys.has(f.key)) this.assembler.set(f.key, undefined);
    for (const f of after) this.assembler.set(f.key, f);
  }

  /** Regenerates every Service and loads the ruleset in one go (a full sync). */
  private regenerateAll(): void {
    if (this.config.mode === 'ipvs') return;
    this.fragments.clear();
    this.totalEndpoints = 0;
    const all: ServiceFragment[] = [];
    for (const key of this.services.keys()) all.push(...this.generate(key));
    this.assembler.load(all);
  }

  /** Service `key`'s fragments, recorded with its endpoint count. */
  private generate(key: string): ServiceFragment[] {
    const ports = this.portEndpoints(key);
    const old = this.fragments.get(key);
    if (old) this.totalEndpoints -= old.endpoints;
    this.fragments.delete(key);
    if (!this.services.has(key)) return [];
    let endpoints = 0;
    const opts = { config: this.config, nodeIPs: this.node.ips, largeCluster: this.largeCluster };
    const fragments = ports.map(({ info, endpoints: eps }) => {
      endpoints += eps.length;
      return serviceFragment(info, eps, opts);
    });
    this.regenerations++;
    this.fragments.set(key, { fragments, endpoints });
    this.totalEndpoints += endpoints;
    return fragments;
  }

  /** Service `key`'s ports with their endpoints on this node's view (none if it is gone). */
  private portEndpoints(key: string): PortEndpoints[] {
    const svc = this.services.get(key);
    if (!svc) return [];
    const slices = [...(this.slices.get(key)?.values() ?? [])];
    return servicePorts(svc).map((info) => ({ info, endpoints: endpointsForPort(info, slices, this.node.name) }));
  }

  /** At least as many as the endpoints `endpointsForPort` will find over all Service ports. */
  private endpointUpperBound(): number {
    let n = 0;
    for (const [key, svc] of this.services) {
      const slices = this.slices.get(key);
      if (!slices) continue;
      for (const info of servicePorts(svc)) {
        for (const sl of slices.values()) {
          const hasPort = sl.ports?.some((port) => (port.name ?? '') === info.ref.port && (port.protocol ?? 'TCP').toLowerCase() === info.ref.protocol);
          if (hasPort) n += sl.endpoints?.length ?? 0;
        }
      }
    }
    return n;
  }

  /** Crossing the large-cluster threshold changes every SEP rule (comments), so resync all. */
  private checkLargeCluster(): void {
    const large = this.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
    if (large === this.largeCluster) return;
    this.largeCluster = large;
    this.regenerateAll();
  }
}
