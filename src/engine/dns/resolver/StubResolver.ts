import { appendTo, endsWithDot, fqdn, makeQuery } from '../message';
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
  return new SearchList(conf).candidates(name);
}

/**
 * resolv.conf's search list and ndots, read once: each candidate is then the name plus a
 * precomputed `.domain.` suffix, and the dot count a scan rather than a split.
 */
class SearchList {
  private readonly ndots: number;
  private readonly suffixes: string[];

  constructor(conf: ResolvConf) {
    this.ndots = resolverOptions(conf).ndots;
    // fqdn(`${name}.${d}`) adds the root dot exactly when `.${d}` lacks it, whatever the name.
    this.suffixes = conf.search.map((d) => fqdn(`.${d}`));
  }

  candidates(name: string): string[] {
    if (endsWithDot(name)) return [name];
    // Filled by index into an array of exactly the candidates' number (push would reserve 17).
    const n = this.suffixes.length;
    const out = new Array<string>(n + 1);
    const asIs = countDots(name) >= this.ndots;
    for (let i = 0; i < n; i++) out[asIs ? i + 1 : i] = name + this.suffixes[i]!;
    out[asIs ? 0 : n] = `${name}.`;
    return out;
  }
}

function countDots(name: string): number {
  let n = 0;
  for (let at = name.indexOf('.'); at >= 0; at = name.indexOf('.', at + 1)) n++;
  return n;
}

/** getaddrinfo with AF_UNSPEC asks both families, A first. */
const BOTH_FAMILIES: readonly RRType[] = ['A', 'AAAA'];

/**
 * A glibc-style stub resolver: walks the search list, asking each nameserver in turn with
 * `attempts` rounds, stopping at the first candidate with data. NXDOMAIN and NODATA move on to the
 * next candidate; SERVFAIL and timeouts try the next server first.
 */
export class StubResolver {
  private nextId: number;
  private readonly search: SearchList;
  private readonly timeout: number;
  private readonly attempts: number;
  private readonly servers: readonly string[];

  constructor(
    conf: ResolvConf,
    private readonly transport: DnsTransport,
    firstId = 1,
  ) {
    this.nextId = firstId;
    // The file is read once, as glibc's res_init does; lookups only walk it.
    this.search = new SearchList(conf);
    const { timeout, attempts } = resolverOptions(conf);
    this.timeout = timeout;
    this.attempts = attempts;
    this.servers = conf.nameservers.length > 0 ? [...conf.nameservers] : ['127.0.0.1'];
  }

  /** getaddrinfo: A and AAAA for each candidate (AF_UNSPEC), or just one family. */
  resolve(name: string, types: readonly RRType[] = BOTH_FAMILIES): ResolveResult {
    const steps: WalkStep[] = [];
    let status: ResolveResult['status'] = 'NXDOMAIN';
    for (const candidate of this.search.candidates(name)) {
      let replies: DnsMessage[] = [];
      let failure: DnsFailure | undefined;
      let withData = false;
      for (const type of types) {
        const reply = this.query(candidate, type, steps);
        if (reply === 'timeout' || reply === 'refused') failure = failure === 'timeout' ? failure : reply;
        else {
          replies = appendTo(replies, reply);
          withData ||= hasData(reply);
        }
      }
      if (withData) return { name: candidate, replies, addresses: addressesOf(replies), status: 'NOERROR', steps };
      if (failure !== undefined && replies.length === 0) {
        // glibc gives up on the whole lookup when no server answers at all (res_search stops on
        // ECONNREFUSED too); silence anywhere makes it a timeout.
        return { replies: [], addresses: [], status: failure, steps };
      }
      status = failureStatus(replies);
    }
    return { replies: [], addresses: [], status, steps };
  }

  /**
   * One question to the configured servers, retried per `attempts`, as res_send does. An ICMP
   * refusal costs no wait and moves to the next server; with no reply at all the result is
   * `timeout` if any try went unanswered (res_send's `gotsomewhere`), else `refused`.
   */
  query(name: string, type: RRType, steps: WalkStep[] = []): DnsMessage | DnsFailure {
    const servers = this.servers;
    let failure: DnsFailure = 'refused';
    for (let round = 0; round < this.attempts; round++) {
      for (let i = 0; i < servers.length; i++) {
        const server = servers[i]!;
        const q = makeQuery(this.allocId(), name, type);
        const reply = this.transport(server, q);
        steps.push({ name: q.question[0]!.name, type, server, reply, elapsedMs: reply === 'timeout' ? this.timeout * 1000 : 0 });
        if (reply === 'timeout' || reply === 'refused') {
          if (reply === 'timeout') failure = 'timeout';
          continue;
        }
        if (reply.rcode !== 'SERVFAIL' && reply.rcode !== 'REFUSED') return reply;
        if (round === this.attempts - 1 && i === servers.length - 1) return reply;
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

/** Data means records of the asked type: a CNAME alone (e.g. ExternalName for AAAA) is NODATA to glibc. */
function hasData(r: DnsMessage): boolean {
  if (r.rcode !== 'NOERROR') return false;
  const type = r.question[0]?.type;
  for (const a of r.answer) if (a.type === type) return true;
  return false;
}

/** The A and AAAA addresses of the replies, in order (CNAMEs in front of them skipped). */
function addressesOf(replies: readonly DnsMessage[]): string[] {
  let out: string[] = [];
  for (const r of replies) for (const a of r.answer) if (a.type === 'A' || a.type === 'AAAA') out = appendTo(out, a.address);
  return out;
}

/** Why a candidate failed: any SERVFAIL, else NODATA when every reply was NOERROR, else NXDOMAIN. */
function failureStatus(replies: readonly DnsMessage[]): ResolveResult['status'] {
  if (replies.some((r) => r.rcode === 'SERVFAIL')) return 'SERVFAIL';
  return replies.every((r) => r.rcode === 'NOERROR') ? 'NODATA' : 'NXDOMAIN';
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
