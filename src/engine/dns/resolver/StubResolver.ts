import { fqdn, makeQuery } from '../message';
import type { DnsMessage, RRType } from '../message';
import { resolverOptions } from './resolvConf';
import type { ResolvConf } from './resolvConf';

/**
 * Carries one query to `server` (an IP) and returns the reply, `'timeout'` if none came, or
 * `'refused'` when an ICMP port unreachable came back (a REJECT rule, nothing listening).
 */
export type DnsTransport = (server: string, query: DnsMessage) => DnsMessage | DnsFailure;

/** A query that got no reply: silence, or ICMP port unreachable at once. */
export type DnsFailure = 'timeout' | 'refused';

/** One query the walk sent and what came back, for the UI's "web.prod.svc… → NXDOMAIN" list. */
export interface WalkStep {
  name: string;
  type: RRType;
  server: string;
  reply: DnsMessage | DnsFailure;
  /** Virtual time spent waiting (timeouts cost `timeout` seconds each). */
  elapsedMs: number;
}

export interface ResolveResult {
  /** The candidate name that answered, fully qualified; undefined when the walk failed. */
  name?: string;
  /** Replies for the winning candidate, one per requested type. */
  replies: DnsMessage[];
  addresses: string[];
  /** `NOERROR` when found, else the last definitive status or `timeout`. */
  status: 'NOERROR' | 'NXDOMAIN' | 'NODATA' | 'SERVFAIL' | DnsFailure;
  steps: WalkStep[];
}

/** The candidate names glibc tries for `name`, in order (REFERENCE §3.4). */
export function searchCandidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name];
  const { ndots } = resolverOptions(conf);
  const dots = name.split('.').length - 1;
  const expanded = conf.search.map((d) => fqdn(`${name}.${d}`));
  return dots >= ndots ? [fqdn(name), ...expanded] : [...expanded, fqdn(name)];
}

/**
 * A glibc-style stub resolver: walks the search list, asking each nameserver in turn with
 * `attempts` rounds, stopping at the first candidate with data. NXDOMAIN and NODATA move on to the
 * next candidate; SERVFAIL and timeouts try the next server first.
 */
export class StubResolver {
  private nextId: number;

  constructor(
    private readonly conf: ResolvConf,
    private readonly transport: DnsTransport,
    firstId = 1,
  ) {
    this.nextId = firstId;
  }

  /** getaddrinfo: A and AAAA for each candidate (AF_UNSPEC), or just one family. */
  resolve(name: string, types: RRType[] = ['A', 'AAAA']): ResolveResult {
    const steps: WalkStep[] = [];
    let status: ResolveResult['status'] = 'NXDOMAIN';
    for (const candidate of searchCandidates(name, this.conf)) {
      const replies: DnsMessage[] = [];
      let failure: DnsFailure | undefined;
      for (const type of types) {
        const reply = this.query(candidate, type, steps);
        if (typeof reply === 'string') failure = failure === 'timeout' ? failure : reply;
        else replies.push(reply);
      }
      // Data means records of the asked type: a CNAME alone (e.g. ExternalName for AAAA) is NODATA to glibc.
      const withData = replies.filter((r) => r.rcode === 'NOERROR' && r.answer.some((a) => a.type === r.question[0]?.type));
      if (withData.length > 0) {
        const addresses = replies.flatMap((r) => r.answer.flatMap((a) => (a.type === 'A' || a.type === 'AAAA' ? [a.address] : [])));
        return { name: candidate, replies, addresses, status: 'NOERROR', steps };
      }
      if (failure && replies.length === 0) {
        // glibc gives up on the whole lookup when no server answers at all (TRY_AGAIN ends res_search).
        return { replies: [], addresses: [], status: failure, steps };
      }
      status = replies.some((r) => r.rcode === 'SERVFAIL') ? 'SERVFAIL' : replies.every((r) => r.rcode === 'NOERROR') ? 'NODATA' : 'NXDOMAIN';
    }
    return { replies: [], addresses: [], status, steps };
  }

  /** One question to the configured servers, retried per `attempts`, as res_send does. */
  query(name: string, type: RRType, steps: WalkStep[] = []): DnsMessage | DnsFailure {
    const { timeout, attempts } = resolverOptions(this.conf);
    const servers = this.conf.nameservers.length > 0 ? this.conf.nameservers : ['127.0.0.1'];
    // res_send reports ECONNREFUSED only when every try was refused; any silence makes it a timeout.
    let failure: DnsFailure = 'refused';
    for (let round = 0; round < attempts; round++) {
      for (const server of servers) {
        const q = makeQuery(this.allocId(), name, type);
        const reply = this.transport(server, q);
        // An ICMP error ends the try at once (send_dg's recvfrom fails); only silence waits.
        steps.push({ name: q.question[0]!.name, type, server, reply, elapsedMs: reply === 'timeout' ? timeout * 1000 : 0 });
        if (reply === 'timeout') failure = 'timeout';
        if (typeof reply !== 'string' && reply.rcode !== 'SERVFAIL' && reply.rcode !== 'REFUSED') return reply;
        if (typeof reply !== 'string' && round === attempts - 1 && server === servers.at(-1)) return reply;
      }
    }
    return failure;
  }

  private allocId(): number {
    const id = this.nextId;
    this.nextId = (this.nextId % 65535) + 1;
    return id;
  }
}

/**
 * One walk step as the UI lists it: `web.prod.svc.cluster.local A → NXDOMAIN`,
 * `web.default.svc.cluster.local A → 10.96.100.10`, `… → NODATA`, `… → timeout`.
 */
export function describeStep(step: WalkStep): string {
  const head = `${step.name.replace(/\.$/, '')} ${step.type} → `;
  if (step.reply === 'timeout') return `${head}timeout`;
  if (step.reply === 'refused') return `${head}connection refused`;
  const r = step.reply;
  if (r.rcode !== 'NOERROR') return head + r.rcode;
  const data = r.answer.filter((a) => a.type === step.type).map((a) => (a.type === 'A' || a.type === 'AAAA' ? a.address : a.type));
  return head + (data.length > 0 ? data.join(', ') : 'NODATA');
}
