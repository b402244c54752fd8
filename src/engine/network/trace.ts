/**
 * The Trace: what happened to one request, hop by hop. The UI's packet player animates it; the
 * CLI prints it. Plain JSON only.
 */
import type { Provenance } from '../proxy';

export type TraceProtocol = 'tcp' | 'udp' | 'icmp';

/** A packet's addresses at one point of its walk. Ports are absent for ICMP. */
export interface PacketView {
  protocol: TraceProtocol;
  src: string;
  sport?: number;
  dst: string;
  dport?: number;
}

/** Where a hop happened: a machine, one of its interfaces, or a netfilter table/chain on it. */
export interface HopWhere {
  /** Node name, `namespace/pod`, or `outside:<name>` for the world beyond the cluster. */
  machine: string;
  kind: 'pod' | 'node' | 'outside';
  interface?: string;
  /** Netfilter table (or `ipvs`, `conntrack`, `route`) that decided the hop. */
  table?: 'nat' | 'filter' | 'ipvs' | 'conntrack' | 'route';
  /** Netfilter hook or chain, e.g. `PREROUTING`. */
  chain?: string;
}

/** Why a hop went the way it did: the object or rule that decided it, with its exact text. */
export type HopReason =
  | { kind: 'route'; text: string }
  | { kind: 'rule'; table: string; chain: string; index: number; text: string; provenance: Provenance }
  | { kind: 'service'; namespace: string; name: string; port: string }
  | { kind: 'endpoint'; ip: string; port: number; slice?: string; node?: string }
  | { kind: 'conntrack'; text: string }
  | { kind: 'ipvs'; text: string }
  | { kind: 'socket'; text: string };

export interface Hop {
  /** 0-based position in the trace. */
  step: number;
  where: HopWhere;
  before: PacketView;
  after: PacketView;
  why: HopReason[];
  /** One sentence a learner understands. */
  explanation: string;
}

export type TraceOutcome =
  | { kind: 'delivered'; ip: string; port?: number; machine: string; container?: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'timeout'; reason: string }
  | { kind: 'unreachable'; reason: string };

/** A DNS lookup's walk, attached in front of a connection by the DNS integration. */
export interface TraceDns {
  name: string;
  addresses: string[];
  /** The resolver's steps as the DNS area describes them (opaque to the network). */
  steps: unknown[];
}

export interface Trace {
  /** What was asked: `tcp 10.244.1.5 → 10.96.100.10:80`. */
  request: { protocol: TraceProtocol; from: string; dst: string; dport?: number };
  dns?: TraceDns;
  hops: Hop[];
  outcome: TraceOutcome;
  /** How many iptables rules (and IPVS lookups) the packet was compared against, all nodes. */
  rulesTraversed: number;
  /** Virtual time the request took as the client experiences it (timeouts included). */
  elapsedMs: number;
}
