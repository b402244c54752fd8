/**
 * How a DNS datagram gets from a pod (or node) to a nameserver and back, as the DNS code sees
 * it: a reply (or silence) and where the datagram went. `networkPath.ts` implements it on the
 * packet engine; tests may substitute their own.
 */
import type { Place } from '../cluster/tools';
import type { DnsMessage } from '../dns';
import type { Trace } from '../network/trace';

/** Where one datagram went: the Service that DNATed it and the endpoint that got it. */
export interface DnsHop {
  from: { ip: string; port: number };
  to: { ip: string; port: number };
  /** `namespace/name` of the Service whose ClusterIP was the destination, if any. */
  service?: string;
  /** The endpoint kube-proxy picked (after DNAT), if any. */
  endpoint?: { ip: string; port: number; pod?: string };
  /** Why nothing answered, in a sentence. */
  failure?: string;
}

/** One query's trip and its reply. */
export interface DnsExchange {
  /** `refused`: ICMP port unreachable came back (a REJECT rule, or nothing listens on the port). */
  reply: DnsMessage | 'timeout' | 'refused';
  hop: DnsHop;
  /** The packet engine's hop-by-hop walk of the query, when it went through the network. */
  trace?: Trace;
}

/** Carries DNS queries from a place; the network engine will provide another implementation. */
export interface DnsPath {
  exchange(from: Place, server: string, query: DnsMessage, port?: number): DnsExchange;
}
