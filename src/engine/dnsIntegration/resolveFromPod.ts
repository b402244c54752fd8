/**
 * Name resolution as a process in a pod (or on a node) does it: /etc/hosts first, then the stub
 * resolver walking resolv.conf's search list, each query a datagram through the {@link DnsPath}.
 * Network tools (curl, wget, ping, nc) call {@link resolveFromPod}; the walk it records is what a
 * Trace shows in front of the connection.
 */
import type { Place } from '../cluster/tools';
import { describeStep, parseResolvConf, StubResolver } from '../dns';
import type { ResolvConf, RRType, WalkStep } from '../dns';
import type { Simulation } from '../sim/Simulation';
import { networkOf } from '../network/Network';
import type { Trace, TraceDns } from '../network/trace';
import { ClusterDns } from './ClusterDns';
import type { DnsHop, DnsPath } from './dnsPath';
import { addNodeResolver, listenForDns, networkDnsPath } from './networkPath';

/** The name `sim.use` registers the CoreDNS component under. */
export const CLUSTER_DNS_COMPONENT = 'coredns';

/**
 * The cluster's CoreDNS component, added to the Simulation on first use (`sim.use` rebuilds it on
 * restore). Installing it also makes the network deliver port 53 to CoreDNS pods and resolve
 * names for curl, wget, ping and nc through {@link resolveFromPod}.
 */
export function clusterDns(sim: Simulation): ClusterDns {
  const existing = sim.component<ClusterDns>(CLUSTER_DNS_COMPONENT);
  if (existing) return existing;
  const dns = sim.use(CLUSTER_DNS_COMPONENT, (ctx) => new ClusterDns(ctx));
  const net = networkOf(sim);
  listenForDns(net, 53, () => clusterDns(sim));
  addNodeResolver(net, () => clusterDns(sim));
  net.setResolver((from, name) => {
    if (from.kind === 'outside') return { addresses: [], elapsedMs: 0, status: 'NXDOMAIN' };
    const r = resolveFromPod(sim, from, name);
    return { addresses: r.addresses, dns: traceDns(name, r), elapsedMs: r.elapsedMs, status: r.status };
  });
  return dns;
}

/** The path DNS queries from the cluster take: UDP through the packet engine to a CoreDNS pod. */
export function dnsPathOf(sim: Simulation): DnsPath {
  clusterDns(sim);
  return networkDnsPath(sim, () => clusterDns(sim));
}

/** A lookup as the Trace's `dns` field carries it: one plain entry per query. */
export function traceDns(name: string, r: PodResolution): TraceDns {
  return {
    name,
    addresses: r.addresses,
    steps: r.fromHosts
      ? [{ text: `${name} → ${r.addresses.join(', ')} (/etc/hosts)` }]
      : r.steps.map((s, i) => ({ text: r.walk[i], query: s.name, type: s.type, server: s.server, ...(r.hops[i]?.endpoint?.pod ? { answeredBy: r.hops[i]!.endpoint!.pod } : {}), ...(r.hops[i]?.failure ? { failure: r.hops[i]!.failure } : {}), elapsedMs: s.elapsedMs })),
  };
}

/** A node's resolv.conf: the simulated host network's resolver (the Simulation's node DNS). */
export const NODE_RESOLV_CONF = 'nameserver 172.18.0.1\n';
const NODE_HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n';

/** `/etc/resolv.conf` and `/etc/hosts` as the kubelet wrote them for a place (nodes: the host's). */
export function placeFiles(sim: Simulation, place: Place): { resolvConf: string; hosts: string } {
  if (place.kind === 'container') {
    const f = sim.kubelet(place.node)?.podFiles(place.namespace, place.pod);
    if (f) return { resolvConf: f.resolvConf, hosts: f.hosts };
  }
  return { resolvConf: NODE_RESOLV_CONF, hosts: NODE_HOSTS };
}

/** glibc's `files` source: exact (case-insensitive) match of a name or alias in /etc/hosts. */
export function hostsLookup(hosts: string, name: string): string[] {
  const want = name.replace(/\.$/, '').toLowerCase();
  const out: string[] = [];
  for (const raw of hosts.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (ip && names.some((n) => n.toLowerCase() === want) && !out.includes(ip)) out.push(ip);
  }
  return out;
}

/** One lookup's outcome, with the walk a UI or Trace can show. */
export interface PodResolution {
  addresses: string[];
  /** The fully-qualified name that answered (undefined when found in /etc/hosts or not at all). */
  name?: string;
  status: 'NOERROR' | 'NXDOMAIN' | 'NODATA' | 'SERVFAIL' | 'timeout' | 'refused';
  /** True when /etc/hosts answered and no query was sent. */
  fromHosts: boolean;
  /** Every query sent and its reply, in order. */
  steps: WalkStep[];
  /** Each step in a line: `web.prod.svc.cluster.local A → NXDOMAIN`. */
  walk: string[];
  /** Where each step's datagram went (same order as `steps`): Service, endpoint, failure. */
  hops: DnsHop[];
  /** The packet engine's walk of each query (same order as `steps`), for the Trace player. */
  traces: Trace[];
  /** Virtual time spent waiting on unanswered queries; the caller advances the clock by it. */
  elapsedMs: number;
}

/** Optional overrides: the files (what the machine's filesystem holds now) and address families. */
export interface ResolveOptions {
  resolvConf?: string | ResolvConf;
  hosts?: string;
  /** Query types, A then AAAA by default (getaddrinfo with AF_UNSPEC); curl -4 asks A only. */
  types?: RRType[];
  path?: DnsPath;
}

/**
 * Resolves `name` from `place` the way getaddrinfo does there: /etc/hosts, then the search walk
 * over the pod's nameservers. Sends real queries (CoreDNS logs them, metrics count them).
 */
export function resolveFromPod(sim: Simulation, place: Place, name: string, opts: ResolveOptions = {}): PodResolution {
  const files = placeFiles(sim, place);
  const fromHosts = hostsLookup(opts.hosts ?? files.hosts, name);
  if (fromHosts.length > 0) return { addresses: fromHosts, status: 'NOERROR', fromHosts: true, steps: [], walk: [], hops: [], traces: [], elapsedMs: 0 };
  const conf = typeof opts.resolvConf === 'object' ? opts.resolvConf : parseResolvConf(opts.resolvConf ?? files.resolvConf);
  const path = opts.path ?? dnsPathOf(sim);
  const hops: DnsHop[] = [];
  const traces: Trace[] = [];
  const resolver = new StubResolver(conf, (server, q) => {
    const x = path.exchange(place, server, q);
    hops.push(x.hop);
    if (x.trace) traces.push(x.trace);
    return x.reply;
  }, 1 + sim.rng.int(65535));
  const r = resolver.resolve(name, opts.types);
  return {
    addresses: r.addresses,
    ...(r.name ? { name: r.name } : {}),
    status: r.status,
    fromHosts: false,
    steps: r.steps,
    walk: r.steps.map(describeStep),
    hops,
    traces,
    elapsedMs: r.steps.reduce((sum, s) => sum + s.elapsedMs, 0),
  };
}
