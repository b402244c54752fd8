/** Shared types of the packet engine: origins, per-node state, UDP handlers, outside hosts. */
import type { HttpRequest, HttpResponse, ServerCert } from '../apps';
import type { Place } from '../cluster/tools';
import type { IpvsRuntime, ProxyConfig, RecentLists } from '../proxy';
import type { ConntrackEntry, Tuple } from './conntrack';
import type { Trace, TraceDns, TraceOutcome } from './trace';

/** A client outside the cluster: on the node network (the docker host, 172.18.0.1) or the internet. */
export interface Outside {
  kind: 'outside';
  where: 'node-network' | 'internet';
}

/** Where a request starts. */
export type Origin = Place | Outside;

/** The internet client's address (TEST-NET-3, never a real host). */
export const INTERNET_CLIENT_IP = '203.0.113.10';

/** Per-node kernel state the packet engine keeps: `recent` lists, IPVS runtime, conntrack. */
export interface NodeNetState {
  recent: RecentLists;
  ipvs: IpvsRuntime;
  conntrack: ConntrackEntry[];
}

/** Everything the engine remembers between requests, as plain JSON. */
export interface NetworkState {
  nodes: Record<string, NodeNetState>;
  /**
   * The kube-proxy configuration each node's kube-proxy started with, and the pod that started
   * it: an edited ConfigMap applies only when that pod is replaced, also across restores.
   */
  kubeProxy?: Record<string, { podUid: string; config: ProxyConfig }>;
}

/** A UDP datagram as it reaches a pod (after DNAT and routing). */
export interface UdpDatagram {
  dstIp: string;
  dstPort: number;
  /** The source as the server sees it (after any masquerade). */
  srcIp: string;
  srcPort: number;
  node: string;
  pod?: { namespace: string; name: string };
  payload: unknown;
}

/** Answers a datagram (any plain value) or returns undefined when nothing listens there. */
export type UdpHandler = (d: UdpDatagram) => unknown;

/** A host beyond the node network's gateway (an ExternalName target, a forwarded DNS server). */
export interface ExternalHost {
  ip: string;
  name: string;
  tcpPorts: number[];
  http?: (port: number, req: HttpRequest) => HttpResponse | undefined;
  /** The certificate a TLS port presents (undefined: plain TCP). */
  tls?: (port: number) => ServerCert | undefined;
  udp?: UdpHandler;
}

/** Resolves a name for a client (the DNS integration plugs in here). */
export type NameResolver = (from: Origin, name: string) => { addresses: string[]; dns?: TraceDns; elapsedMs: number; status?: string };

/** Where a connection ended up when it was delivered. */
export interface Delivery {
  node?: string;
  pod?: { namespace: string; name: string };
  container?: string;
  ip: string;
  port: number;
  /** Where the accepting socket lives when `ip` is a loopback address: the machine's own address. */
  listenerIp?: string;
  /** The client as the server sees it (after masquerade). */
  seenSrc: string;
  seenSport: number;
  external?: ExternalHost;
}

/** The conntrack tuples a flow leaves on each node it crossed (recorded once its fate is known). */
export interface FlowRecord {
  node: string;
  orig: Tuple;
  reply: Tuple;
  /** The TCP state the flow ended in, when it did not complete (`CLOSE` after a RST). */
  state?: string;
  /** No answer ever came back. */
  unreplied?: boolean;
}

export interface ConnectResult {
  trace: Trace;
  outcome: TraceOutcome;
  delivery?: Delivery;
  flows: FlowRecord[];
}
