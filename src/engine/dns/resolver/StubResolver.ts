import { fqdn, makeQuery } from '../message';
import type { DnsMessage, RRType } from '../message';
import { resolverOptions } from './resolvConf';
import type { ResolvConf } from './resolvConf';

/** Carries one query to `server` (an IP) and returns the reply, or `'timeout'` if none came. */
export type DnsTransport = (server: string, query: DnsMessage) => DnsMessage | 'timeout';

/** One query the walk sent and what came back, for the UI's "web.prod.svc… → NXDOMAIN" list. */
export interface WalkStep {
  name: string;
  type: RRType;
  server: string;
  reply: DnsMessage | 'timeout';
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
  status: 'NOERROR' | 'NXDOMAIN' | 'NODATA' | 'SERVFAIL' | 'timeout';
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
      let anyTimeout = false;
      for (const type of types) {
        const reply = this.query(candidate, type, steps);
        if (reply === 'timeout') anyTimeout = true;
        else replies.push(reply);
      }
      // Data means records of the asked type: a CNAME alone (e.g. ExternalName for AAAA) is NODATA to glibc.
      const withData = replies.filter((r) => r.rcode === 'NOERROR' && r.answer.some((a) => a.type === r.question[0]?.type));
      if (withData.length > 0) {
        const addresses = replies.flatMap((r) => r.answer.flatMap((a) => (a.type === 'A' || a.type === 'AAAA' ? [a.address] : [])));
        return { name: candidate, replies, addresses, status: 'NOERROR', steps };
      }
      if (anyTimeout && replies.length === 0) {
        // glibc gives up on the whole lookup when no server answers at all.
        return { replies: [], addresses: [], status: 'timeout', steps };
      }
      status = replies.some((r) => r.rcode === 'SERVFAIL') ? 'SERVFAIL' : replies.every((r) => r.rcode === 'NOERROR') ? 'NODATA' : 'NXDOMAIN';
    }
    return { replies: [], addresses: [], status, steps };
  }

  /** One question to the configured servers, retried per `attempts`, as res_send does. */
  query(name: string, type: RRType, steps: WalkStep[] = []): DnsMessage | 'timeout' {
    const { timeout, attempts } = resolverOptions(this.conf);
    const servers = this.conf.nameservers.length > 0 ? this.conf.nameservers : ['127.0.0.1'];
    for (let round = 0; round < attempts; round++) {
      for (const server of servers) {
        const q = makeQuery(this.allocId(), name, type);
        const reply = this.transport(server, q);
        steps.push({ name: q.question[0]!.name, type, server, reply, elapsedMs: reply === 'timeout' ? timeout * 1000 : 0 });
        if (reply !== 'timeout' && reply.rcode !== 'SERVFAIL' && reply.rcode !== 'REFUSED') return reply;
        if (reply !== 'timeout' && round === attempts - 1 && server === servers.at(-1)) return reply;
      }
    }
    return 'timeout';
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
  const r = step.reply;
  if (r.rcode !== 'NOERROR') return head + r.rcode;
  const data = r.answer.filter((a) => a.type === step.type).map((a) => (a.type === 'A' || a.type === 'AAAA' ? a.address : a.type));
  return head + (data.length > 0 ? data.join(', ') : 'NODATA');
}
