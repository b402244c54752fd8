/**
 * The network's public face: connections, HTTP requests, UDP exchanges and pings between any
 * two places, each returning its Trace; conntrack per node; UDP listeners (CoreDNS) and hosts
 * outside the cluster. One instance per Simulation (see {@link networkOf}).
 */
import type { HttpRequest, HttpResponse, ServerCert } from '../apps';
import type { Service } from 'kubernetes-types/core/v1';
import type { Simulation } from '../sim/Simulation';
import type { ConntrackEntry } from './conntrack';
import { CONNTRACK_TIMEOUTS, expire } from './conntrack';
import { ApiServerProcess } from './apiServerProcess';
import { KubeProxyComponent } from './KubeProxyComponent';
import { webHosts } from './internetHosts';
import { localHttpHandler } from './localListeners';
import { isLoopback, loopbackRequest } from './loopback';
import type { EngineDeps } from './PacketEngine';
import { nodeState, walk } from './PacketEngine';
import type { NetworkTopology } from './topology';
import { buildTopology, nodeByName, podByIP } from './topology';
import type { Trace, TraceDns, TraceOutcome, TraceProtocol } from './trace';
import type { ConnectResult, ExternalHost, FlowRecord, NameResolver, NetworkState, Origin, UdpHandler } from './types';

/** Linux gives up on an unanswered SYN after tcp_syn_retries=6: 1+2+4+8+16+32+64 s. */
export const TCP_SYN_TIMEOUT_MS = 127_000;

export interface HttpCall {
  /** The DNS walk that produced `ip`, attached in front of the trace. */
  dns?: TraceDns;
  ip: string;
  port: number;
  method?: string;
  path?: string;
  host?: string;
  userAgent?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /**
   * Speak TLS first: called with the certificate the port presents (undefined when the server
   * answers the ClientHello with plain HTTP). Return true to go on and send the request.
   */
  tls?: (cert: ServerCert | undefined) => boolean;
}

export interface HttpResult extends ConnectResult {
  response?: HttpResponse;
  /** The connection was accepted but the server sent nothing back (not an HTTP port). */
  emptyReply?: boolean;
  /** With `tls`: what the port presented (null: no TLS there) and whether the client went on. */
  tls?: { cert: ServerCert | null; accepted: boolean };
}

export interface UdpResult<R> extends ConnectResult {
  reply?: R;
}

export interface PingResult extends ConnectResult {
  reply?: { from: string; ttl: number; rttMs: number };
  /** An ICMP error came back instead of a reply (a REJECT rule). */
  error?: { from: string; message: 'Destination Port Unreachable' };
}

export class Network {
  state: NetworkState = { nodes: {} };
  private readonly udp = new Map<number, UdpHandler>();
  private readonly external = new Map<string, ExternalHost>();
  private resolver: NameResolver | undefined;
  private readonly traces: Trace[] = [];
  private readonly listeners = new Set<(t: Trace) => void>();

  /** How many recent traces {@link recentTraces} keeps. */
  static readonly TRACE_HISTORY = 50;

  constructor(readonly sim: Simulation) {}

  /** kube-proxy of every node (a Simulation component, rebuilt on restore). */
  get proxies(): KubeProxyComponent {
    return this.sim.component<KubeProxyComponent>('kube-proxy') ?? this.sim.use('kube-proxy', (ctx) => new KubeProxyComponent(ctx, (this.state.kubeProxy ??= {})));
  }

  private cachedTopology: { api: unknown; topo: NetworkTopology | undefined } | undefined;

  /**
   * The network as the cluster is now. Rebuilt only after a Pod or Node changed (a watch on the
   * current API server marks it stale; a restore brings a new API server and a new watch).
   */
  topology(): NetworkTopology {
    const api = this.sim.api;
    if (this.cachedTopology?.api !== api) {
      const entry: { api: unknown; topo: NetworkTopology | undefined } = { api, topo: undefined };
      const stale = () => (entry.topo = undefined);
      const client = api.system('network');
      client.watch('pods', undefined, stale);
      client.watch('nodes', undefined, stale);
      this.cachedTopology = entry;
    }
    return (this.cachedTopology.topo ??= buildTopology(api.admin()));
  }

  /** The latest traces (oldest first), e.g. what the learner's last `curl` did, for the packet player. */
  recentTraces(): readonly Trace[] {
    return this.traces;
  }

  /** Calls `listener` with every new trace; returns the unsubscribe function. */
  onTrace(listener: (t: Trace) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish<T extends ConnectResult>(r: T, dns?: TraceDns): T {
    if (dns) r.trace.dns = dns;
    this.traces.push(r.trace);
    if (this.traces.length > Network.TRACE_HISTORY) this.traces.shift();
    for (const l of this.listeners) l(r.trace);
    return r;
  }

  /** Registers the UDP server for `port` on every pod (CoreDNS: 53). See CONTEXT.md. */
  listenUdp(port: number, handler: UdpHandler): void {
    this.udp.set(port, handler);
  }

  addExternalHost(host: ExternalHost): void {
    this.external.set(host.ip, host);
  }

  /** Plugs in name resolution (the DNS integration). */
  setResolver(resolver: NameResolver | undefined): void {
    this.resolver = resolver;
  }

  /** Resolves `name` for a client: IP literals and `localhost` always; other names through the resolver. */
  resolve(from: Origin, name: string): ReturnType<NameResolver> {
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return { addresses: [name], elapsedMs: 0 };
    if (name === 'localhost') return { addresses: ['127.0.0.1'], elapsedMs: 0 };
    return this.resolver ? this.resolver(from, name) : { addresses: [], elapsedMs: 0, status: 'NXDOMAIN' };
  }

  private deps(): EngineDeps {
    return {
      sim: this.sim,
      rng: this.sim.rng,
      proxies: this.proxies,
      state: this.state,
      udp: this.udp,
      external: this.external,
      topology: () => this.topology(),
      services: () => this.sim.api.admin().list('services', undefined).items as unknown as Service[],
    };
  }

  /** Opens (and closes) a TCP connection: the SYN's walk, then TIME_WAIT left in conntrack. */
  tcpConnect(from: Origin, dstIp: string, port: number, opts: { timeoutMs?: number; dns?: TraceDns } = {}): ConnectResult {
    const r = walk(this.deps(), from, 'tcp', dstIp, port, opts.timeoutMs ?? TCP_SYN_TIMEOUT_MS);
    this.record('tcp', r.flows, r.outcome);
    return this.publish(r, opts.dns);
  }

  /** An HTTP request through the path; the server's answer (and access log) comes from the app. */
  httpRequest(from: Origin, call: HttpCall): HttpResult {
    // A process listening on the node's loopback (kubectl proxy) takes the connection first;
    // otherwise 127.0.0.1 goes through netfilter like any local traffic (localhost NodePorts).
    if (from.kind === 'node' && isLoopback(call.ip) && localHttpHandler(this.sim, from.node, call.port)) {
      const local = loopbackRequest(this.sim, { node: from.node, ip: call.ip, port: call.port, method: call.method ?? 'GET', path: call.path ?? '/', userAgent: call.userAgent ?? '', headers: call.headers ?? {} });
      // A status of 0 is a listener that closed the connection without answering.
      const response = local.response && local.response.status > 0 ? local.response : undefined;
      return this.publish({ trace: local.trace, outcome: local.trace.outcome, flows: [], ...(response ? { response } : {}), ...(local.response && !response ? { emptyReply: true } : {}) }, call.dns);
    }
    const r = walk(this.deps(), from, 'tcp', call.ip, call.port, call.timeoutMs ?? TCP_SYN_TIMEOUT_MS);
    this.record('tcp', r.flows, r.outcome);
    if (r.outcome.kind !== 'delivered' || !r.delivery) return this.publish(r, call.dns);
    const d = r.delivery;
    // The process behind a loopback address listens on its own machine's address.
    const listenIp = d.listenerIp ?? d.ip;
    const loopback = d.ip.startsWith('127.');
    let tls: HttpResult['tls'];
    if (call.tls) {
      const cert = (d.external ? d.external.tls?.(d.port) : d.node ? this.sim.kubelet(d.node)?.tlsCert(listenIp, d.port, loopback) : undefined) ?? null;
      tls = { cert, accepted: call.tls(cert ?? undefined) };
      if (!tls.accepted) return this.publish({ ...r, tls }, call.dns);
    }
    const req: HttpRequest = {
      method: call.method ?? 'GET',
      path: call.path ?? '/',
      host: call.host ?? (call.port === 80 ? call.ip : `${call.ip}:${call.port}`),
      userAgent: call.userAgent ?? '',
      remoteAddr: d.seenSrc,
      remotePort: d.seenSport,
      headers: call.headers ?? {},
      at: this.sim.clock.now(),
      tls: Boolean(call.tls),
    };
    const res = d.external ? d.external.http?.(d.port, req) : d.node ? this.sim.kubelet(d.node)?.http(listenIp, d.port, req, loopback) : undefined;
    if (!res || res === 'refused') return this.publish({ ...r, emptyReply: true, ...(tls ? { tls } : {}) }, call.dns);
    const last = r.trace.hops[r.trace.hops.length - 1];
    if (last) {
      const back = { protocol: 'tcp' as TraceProtocol, src: call.ip, sport: call.port, dst: r.trace.hops[0]!.before.src, dport: r.trace.hops[0]!.before.sport ?? 0 };
      r.trace.hops.push({
        step: r.trace.hops.length,
        where: { machine: r.trace.request.from, kind: r.trace.hops[0]!.where.kind, table: 'conntrack' },
        before: { protocol: 'tcp', src: d.ip, sport: d.port, dst: d.seenSrc, dport: d.seenSport },
        after: back,
        why: r.flows.map((f) => ({ kind: 'conntrack' as const, text: `${f.node}: src=${f.orig.src} dst=${f.orig.dst} sport=${f.orig.sport} dport=${f.orig.dport} src=${f.reply.src} dst=${f.reply.dst} sport=${f.reply.sport} dport=${f.reply.dport}` })),
        explanation: `The server answers ${res.status} ${res.reason}; on the way back conntrack reverses every translation, so the client sees the reply coming from ${call.ip}:${call.port}, the address it asked for.`,
      });
    }
    return this.publish({ ...r, response: res, ...(tls ? { tls } : {}) }, call.dns);
  }

  /** One UDP request and its reply (DNS). The handler registered for the port answers in the pod. */
  udpExchange<R = unknown>(from: Origin, dstIp: string, port: number, payload: unknown, opts: { timeoutMs?: number } = {}): UdpResult<R> {
    const r = walk(this.deps(), from, 'udp', dstIp, port, opts.timeoutMs ?? 5000);
    if (r.outcome.kind !== 'delivered' || !r.delivery) {
      this.record('udp', r.flows, r.outcome);
      return r;
    }
    const d = r.delivery;
    const handler = d.external ? d.external.udp : this.udp.get(d.port);
    const reply = handler?.({ dstIp: d.ip, dstPort: d.port, srcIp: d.seenSrc, srcPort: d.seenSport, node: d.node ?? '', ...(d.pod ? { pod: d.pod } : {}), payload });
    if (reply === undefined) {
      const outcome: TraceOutcome = { kind: 'refused', reason: `nothing listens on UDP ${d.ip}:${d.port}: the kernel answered ICMP port unreachable` };
      r.trace.outcome = outcome;
      return { ...r, outcome };
    }
    this.record('udp', r.flows, r.outcome);
    return { ...r, reply: reply as R };
  }

  /** One ICMP echo request; the reply's TTL counts the routers it crossed on the way back. */
  ping(from: Origin, ip: string, opts: { timeoutMs?: number } = {}): PingResult {
    const r = this.publish(walk(this.deps(), from, 'icmp', ip, undefined, opts.timeoutMs ?? 1000));
    this.record('icmp', r.flows, r.outcome);
    // REJECT answers ICMP port unreachable from the address that was asked for.
    if (r.outcome.kind === 'refused') return { ...r, error: { from: ip, message: 'Destination Port Unreachable' } };
    if (r.outcome.kind !== 'delivered') return r;
    const topo = this.topology();
    const srcNode = from.kind === 'outside' ? undefined : from.node;
    const srcIsPod = from.kind === 'container' && !nodeByName(topo, from.node)?.pods.find((p) => p.name === from.pod && p.namespace === from.namespace)?.hostNetwork;
    const target = podByIP(topo, ip);
    const tgtNode = target?.node ?? r.delivery?.node;
    // Routers on the reply's way back: each node that forwards it between its bridge and eth0.
    const sameHost = ip.startsWith('127.') || (srcNode !== undefined && srcNode === tgtNode);
    const forwards = sameHost ? 0 : (srcIsPod ? 1 : 0) + (target ? 1 : 0);
    const crossNode = srcNode !== undefined && tgtNode !== undefined && srcNode !== tgtNode;
    const rttMs = (crossNode ? 0.05 : 0.02) + this.sim.rng.int(60) / 1000;
    return { ...r, reply: { from: ip, ttl: 64 - forwards, rttMs } };
  }

  /** A node's live conntrack entries. */
  conntrack(node: string): ConntrackEntry[] {
    const st = nodeState(this.state, node);
    st.conntrack = expire(st.conntrack, this.sim.clock.now());
    return st.conntrack;
  }

  /** Forgets a node's conntrack entries (`conntrack -F`); returns how many were deleted. */
  flushConntrack(node: string): number {
    const st = nodeState(this.state, node);
    const n = st.conntrack.length;
    st.conntrack = [];
    return n;
  }

  /** The engine's state as plain JSON (for snapshots), and back. */
  save(): NetworkState {
    return JSON.parse(JSON.stringify(this.state)) as NetworkState;
  }

  load(state: NetworkState): void {
    const next = JSON.parse(JSON.stringify(state)) as NetworkState;
    // The running kube-proxy component shares this object: refill it rather than replace it.
    const kubeProxy = this.state.kubeProxy ?? {};
    for (const k of Object.keys(kubeProxy)) delete kubeProxy[k];
    Object.assign(kubeProxy, next.kubeProxy ?? {});
    this.state = { ...next, kubeProxy };
  }

  /** Conntrack entries each crossed node keeps once the flow's fate is known. */
  private record(protocol: TraceProtocol, flows: FlowRecord[], outcome: TraceOutcome): void {
    const now = this.sim.clock.now();
    for (const f of flows) {
      const tcp = protocol === 'tcp';
      const state = tcp ? (f.unreplied ? 'SYN_SENT' : (f.state ?? (outcome.kind === 'delivered' ? 'TIME_WAIT' : 'CLOSE'))) : undefined;
      const seconds = tcp
        ? state === 'TIME_WAIT' || state === 'SYN_SENT' ? CONNTRACK_TIMEOUTS.tcpTimeWait : CONNTRACK_TIMEOUTS.tcpClose
        : protocol === 'udp' ? CONNTRACK_TIMEOUTS.udp : CONNTRACK_TIMEOUTS.icmp;
      const entry: ConntrackEntry = {
        protocol,
        ...(state ? { state } : {}),
        orig: f.orig,
        reply: f.reply,
        assured: tcp && state === 'TIME_WAIT',
        unreplied: Boolean(f.unreplied),
        mark: 0,
        expiresAt: now + seconds * 1000,
      };
      nodeState(this.state, f.node).conntrack.push(entry);
    }
  }
}

const networks = new WeakMap<Simulation, Network>();

/** The Network of a Simulation (created, with kube-proxy on every node, on first use). */
export function networkOf(sim: Simulation): Network {
  let n = networks.get(sim);
  if (!n) {
    const created = new Network(sim);
    n = created;
    networks.set(sim, created);
    sim.registerExtension('network', { save: () => created.save(), load: (state) => created.load(state as NetworkState) });
    void n.proxies;
    sim.use('apiserver-process', (ctx) => new ApiServerProcess(ctx));
    for (const host of webHosts()) created.addExternalHost(host);
  }
  return n;
}
