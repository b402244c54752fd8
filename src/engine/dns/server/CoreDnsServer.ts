import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { kubeadmCorefile } from '../corefile/kubeadmCorefile';
import { loadCorefile } from '../corefile/serverConfig';
import type { ServerConfig } from '../corefile/serverConfig';
import { flagList, makeQuery, makeReply } from '../message';
import type { DnsMessage, RRType, ResourceRecord } from '../message';
import { wireSize } from '../wireSize';
import { DnsIndex } from './ClusterView';
import type { ClusterView } from './ClusterView';
import { DnsCache } from './DnsCache';
import { KubernetesPlugin, isSubdomain, matchZone } from './kubernetesPlugin';
import { DnsMetrics } from './metrics';
import { ServerCounters } from './serverCounters';
import { applyRewrite, answerFromHosts, loadBalance } from './simplePlugins';

/** Sends a query to an upstream resolver (the node's, for `forward . /etc/resolv.conf`). */
export type UpstreamTransport = (server: string, query: DnsMessage) => DnsMessage | 'timeout';

/** Where a query came from, for the log line and metrics. */
export interface DnsClient {
  ip: string;
  port: number;
  proto: 'udp' | 'tcp';
}

export interface CoreDnsServerConfig {
  /** Corefile text; kubeadm's by default. Broken text makes the constructor throw CorefileError. */
  corefile?: string;
  cluster: ClusterView;
  /** Virtual time in ms (VirtualClock.now), for the cache. */
  now: () => number;
  /** Seeded randomness in [0, 1) (Rng.next), for loadbalance and log durations. */
  random: () => number;
  upstream: UpstreamTransport;
  /** The node's resolvers, what `/etc/resolv.conf` in the coredns pod (dnsPolicy Default) lists. */
  nodeNameservers?: string[];
  /** This pod's IP: the source address of forwarded queries in error logs. */
  podIP?: string;
  version?: { coredns: string; go: string; commit: string };
  /** Whether the `kubernetes` plugin's informers have synced; before that, names it cannot find are SERVFAIL. */
  synced?: () => boolean;
}

function sha512Hex(text: string): string {
  return bytesToHex(sha512(utf8ToBytes(text)));
}

/** One server block as it runs: its config, its plugin instances and its counters. */
interface ServerState {
  cfg: ServerConfig;
  kube?: KubernetesPlugin;
  cache?: DnsCache;
  counters: ServerCounters;
}

/** CoreDNS as kubeadm ships it for Kubernetes 1.34. */
export const DEFAULT_COREDNS_VERSION = { coredns: '1.12.1', go: 'go1.24.1', commit: '707c7c1' } as const;

/**
 * One CoreDNS process: a parsed Corefile turned into a plugin chain over a cluster view.
 * `handle` answers one query synchronously; the packet engine supplies the transport.
 */
export class CoreDnsServer {
  servers: ServerConfig[];
  readonly metrics = new DnsMetrics();
  private readonly log: string[] = [];
  private readonly index: DnsIndex;
  private states: ServerState[] = [];
  private configHash: string;
  private readonly cfg: CoreDnsServerConfig;
  /** The last question name and its lower case: getaddrinfo asks A then AAAA for the same name string. */
  private lastQuestion = '';
  private lastLower = '';
  /** The zone {@link pickServer} matched, beside the server block it returns (no pair object per query). */
  private pickedZone = '';
  /** CoreDNS's upstream.Lookup for the kubernetes plugin, bound once rather than per query. */
  private readonly upstreamLookupFn = (name: string, type: RRType) => this.upstreamLookup(name, type);

  constructor(cfg: CoreDnsServerConfig) {
    this.cfg = cfg;
    const text = cfg.corefile ?? kubeadmCorefile();
    this.servers = loadCorefile(text);
    this.index = new DnsIndex(cfg.cluster);
    this.configHash = sha512Hex(text);
    this.install(this.servers);
    const v = cfg.version ?? DEFAULT_COREDNS_VERSION;
    this.log.push(...this.servers.flatMap((s) => s.zones.map((z) => `${z}:${s.port}`)));
    if (this.servers.some((s) => s.reload)) this.log.push(`[INFO] plugin/reload: Running configuration SHA512 = ${this.configHash}`);
    this.log.push(`CoreDNS-${v.coredns}`, `linux/amd64, ${v.go}, ${v.commit}`);
  }

  private install(servers: ServerConfig[]): void {
    this.servers = servers;
    this.states = servers.map((s) => ({
      cfg: s,
      ...(s.kubernetes ? { kube: new KubernetesPlugin(s.kubernetes, this.index, this.cfg.synced, this.cfg.podIP ? [this.cfg.podIP] : []) } : {}),
      ...(s.cache ? { cache: new DnsCache(s.cache, this.cfg.now) } : {}),
      counters: new ServerCounters(this.metrics, s),
    }));
  }

  /**
   * What the `reload` plugin does when it notices the mounted Corefile changed (kubelet syncs the
   * ConfigMap, reload polls every 30 s): restart with the new text, or log the failure and keep
   * serving the old configuration. Without `reload` a change needs a pod restart. Returns whether
   * the new configuration is now active.
   */
  reload(text: string): boolean {
    if (!this.servers.some((s) => s.reload)) return false;
    const hash = sha512Hex(text);
    if (hash === this.configHash) return false;
    this.configHash = hash; // like CoreDNS, never retry the same broken text
    this.log.push('[INFO] Reloading');
    let servers: ServerConfig[];
    try {
      servers = loadCorefile(text);
    } catch (e) {
      this.log.push(`[ERROR] plugin/reload: Corefile changed but reload failed: ${(e as Error).message}`);
      return false;
    }
    this.install(servers);
    if (servers.some((s) => s.reload)) this.log.push(`[INFO] plugin/reload: Running configuration SHA512 = ${hash}`);
    this.log.push('[INFO] Reloading complete');
    return true;
  }

  /** Everything this process has printed, one line per entry (what `kubectl logs` shows). */
  logLines(): readonly string[] {
    return this.log;
  }

  /** Answers `query` from `client`; never throws for bad input, as a DNS server must not. */
  handle(query: DnsMessage, client: DnsClient): DnsMessage {
    const q = query.question[0];
    // request.Name(): lower-cased once, every plugin below compares this. The same string as the
    // previous query's when the name is (it keeps its hash for the index's map reads).
    const name = q ? this.lowerCase(q.name) : '';
    const state = q ? this.pickServer(name) : undefined;
    if (!q || !state) return this.finish(query, name, makeReply(query, 'REFUSED'), client, undefined);
    const zone = this.pickedZone;
    state.counters.request(client, zone, q.type);
    const hit = this.cached(state, query, name);
    const reply = hit ?? this.answer(state, query, name);
    if (state.cfg.loadbalance) loadBalance(reply, this.cfg.random);
    state.counters.response(hit ? 'cache' : '', zone, reply.rcode);
    return this.finish(query, name, reply, client, state.cfg);
  }

  /** Convenience for tools and tests: one question, rd set, EDNS like dig sends. */
  ask(name: string, type: RRType, client: DnsClient = { ip: '10.244.1.2', port: 40000, proto: 'udp' }): DnsMessage {
    return this.handle(makeQuery(1, name, type), client);
  }

  /**
   * The pod's HTTP endpoints, as the kubelet's probes and `curl` see them: `health` (:8080/health,
   * liveness in kubeadm's Deployment), `ready` (:8181/ready, readiness; 503 listing the plugins
   * still syncing, with the log line CoreDNS prints), `prometheus` (:9153/metrics).
   */
  httpGet(port: number, path: string): { status: number; body: string } | undefined {
    const portOf = (addr: string | undefined) => (addr === undefined ? undefined : Number(addr.slice(addr.lastIndexOf(':') + 1)));
    const has = (pick: (s: ServerConfig) => string | undefined) => this.servers.some((s) => portOf(pick(s)) === port);
    if (has((s) => s.health)) return path === '/health' ? { status: 200, body: 'OK' } : { status: 404, body: '404 page not found\n' };
    if (has((s) => s.ready)) {
      if (path !== '/ready') return { status: 404, body: '404 page not found\n' };
      const synced = this.cfg.synced?.() ?? true;
      if (synced) return { status: 200, body: 'OK' };
      this.log.push('[INFO] plugin/ready: Still waiting on: "kubernetes"');
      return { status: 503, body: 'kubernetes' };
    }
    if (has((s) => s.prometheus)) return path === '/metrics' ? { status: 200, body: this.renderMetrics() } : { status: 404, body: '404 page not found\n' };
    return undefined;
  }

  /** The Prometheus page served on :9153/metrics. */
  renderMetrics(): string {
    for (const { cfg: s, cache: c } of this.states) if (c) this.metrics.set('coredns_cache_entries', { server: `dns://:${s.port}`, type: 'success', view: '', zones: s.zones.join(' ') }, c.size);
    return this.metrics.render();
  }

  private lowerCase(name: string): string {
    if (name !== this.lastQuestion) {
      this.lastQuestion = name;
      this.lastLower = name.toLowerCase();
    }
    return this.lastLower;
  }

  /** The server block whose zone is the longest match for `name` (lower case); that zone is left in `pickedZone`. */
  private pickServer(name: string): ServerState | undefined {
    let best: ServerState | undefined;
    let zone = '';
    for (const s of this.states) {
      const z = matchZone(s.cfg.zones, name);
      if (z !== undefined && (best === undefined || z.length > zone.length)) {
        best = s;
        zone = z;
      }
    }
    this.pickedZone = zone;
    return best;
  }

  /** The `cache` plugin, first in plugin.cfg order: a fresh stored answer, counted as hit or miss. */
  private cached(state: ServerState, query: DnsMessage, name: string): DnsMessage | undefined {
    const cache = state.cache;
    if (!cache) return undefined;
    const hit = cache.get(query, name);
    state.counters.cacheRequest();
    if (hit) state.counters.cacheHit(hit.answer.length > 0 ? 'success' : 'denial');
    else state.counters.cacheMiss();
    return hit;
  }

  /** rewrite → hosts → kubernetes → forward after a cache miss, the answer stored on the way back. `name` is the lower-cased question. */
  private answer(state: ServerState, query: DnsMessage, name: string): DnsMessage {
    const rules = state.cfg.rewrite;
    let reply: DnsMessage;
    if (rules.length === 0) reply = this.resolve(state, query, name);
    else {
      const rewritten = applyRewrite(rules, query);
      reply = rewritten.restore(this.resolve(state, rewritten.query, rewritten.query.question[0]!.name.toLowerCase()));
    }
    return state.cache ? state.cache.put(query, name, reply) : reply;
  }

  private resolve(state: ServerState, query: DnsMessage, name: string): DnsMessage {
    const server = state.cfg;
    const q = query.question[0]!;
    if (server.hosts) {
      const h = answerFromHosts(server.hosts, query);
      if (h) return h;
    }
    const kube = state.kube;
    if (kube) {
      const out = kube.serve(q.name, name, q.type, this.upstreamLookupFn);
      if (out.kind === 'answer') {
        const reply = makeReply(query, out.rcode, out);
        reply.flags.aa = out.authoritative;
        return reply;
      }
    }
    if (server.forward && isSubdomain(name, server.forward.from)) return this.forward(server, query);
    return makeReply(query, 'SERVFAIL');
  }

  /** `forward`: the upstream's reply as is (ra set, aa clear), or SERVFAIL plus an errors line. */
  private forward(server: ServerConfig, query: DnsMessage): DnsMessage {
    const targets = server.forward!.to.flatMap((t) => (t === '/etc/resolv.conf' ? (this.cfg.nodeNameservers ?? ['172.18.0.1']) : [t.replace(/^dns:\/\//, '').replace(/:53$/, '')]));
    for (const to of targets) {
      this.metrics.add('coredns_forward_requests_total', { to: `${to}:53` });
      const r = this.cfg.upstream(to, query);
      if (r !== 'timeout') return { ...r, id: query.id };
      if (server.errors) {
        const q = query.question[0]!;
        const port = 30000 + Math.floor(this.cfg.random() * 30000);
        this.log.push(`[ERROR] plugin/errors: 2 ${q.name.toLowerCase()} ${q.type}: read udp ${this.cfg.podIP ?? '10.244.0.2'}:${port}->${to}:53: i/o timeout`);
      }
    }
    return makeReply(query, 'SERVFAIL');
  }

  /** CoreDNS's upstream.Lookup: a fresh query through this server's own chain. */
  private upstreamLookup(name: string, type: RRType): ResourceRecord[] | undefined {
    const q = makeQuery(0, name, type);
    const lower = q.question[0]!.name.toLowerCase();
    const state = this.pickServer(lower);
    if (!state) return undefined;
    const r = this.cached(state, q, lower) ?? this.answer(state, q, lower);
    return r.rcode === 'SERVFAIL' ? undefined : r.answer;
  }

  /** The `log` plugin's line for this exchange, when the server block logs this name. */
  private finish(query: DnsMessage, name: string, reply: DnsMessage, client: DnsClient, server: ServerConfig | undefined): DnsMessage {
    const q = query.question[0];
    if (server?.log && q && server.log.names.some((n) => isSubdomain(name, n))) {
      const duration = (0.00005 + this.cfg.random() * 0.0005).toFixed(9).replace(/0+$/, '');
      const bufsize = query.edns?.udpSize ?? 512;
      const rcode = reply.rcode;
      this.log.push(
        `[INFO] ${client.ip.includes(':') ? `[${client.ip}]` : client.ip}:${client.port} - ${query.id} "${q.type} IN ${name} ${client.proto} ${wireSize(query)} ${query.edns?.do ? 'true' : 'false'} ${bufsize}" ${rcode} ${flagList(reply.flags).join(',')} ${wireSize(reply)} ${duration}s`,
      );
    }
    return reply;
  }
}
