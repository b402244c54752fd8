/**
 * A Service port's KUBE-SVC/SVL and KUBE-SEP chains as a sync leaves them: columns of what each
 * rule says, not rule objects. The real proxier keeps no rule objects either (syncProxyRules
 * writes lines into a buffer for iptables-restore). At 100,000 endpoints the rule objects were
 * most of a sync's time: allocating 320,000 of them and the young-generation GC copying them all.
 *
 * The sync computes every rule's content: the endpoints (gathered, sorted, categorized), each
 * KUBE-SEP chain's name (its sha256), and per jump the endpoint it goes to and the `statistic`
 * probability. A chain's `rules` are made from those the first time someone reads them (the
 * evaluator walking into the chain, `iptables-save`, JSON) and kept; they are the same rules,
 * field for field, as if they had been written out at once.
 */
import type { Chain, L4Protocol, Match, Provenance, Rule } from '../model';
import { hashWordsMatch, hashWordsToName } from '../chainHash';
import { endpointChainWordsOf } from '../hash';
import type { EndpointSubset, EndpointTable, ServicePortInfo } from '../serviceInfo';
import { KUBE_MARK_MASQ } from './chainNames';
import { comment, GeneratedRule, jump, NO_MATCHES, proto, rule } from './ruleBuilders';
import { DNAT, DNAT_AFFINITY, HAIRPIN, LAST_ENDPOINT, ONLY_ENDPOINT, pickEndpoint } from './ruleExplainers';

/** Rules are never changed once written, so identical parts are shared between them. */
const MARK_MASQ = jump(KUBE_MARK_MASQ);
const PROTO: Record<L4Protocol, Match> = { tcp: proto('tcp'), udp: proto('udp'), sctp: proto('sctp') };
const PROTO_ONLY: Record<L4Protocol, Match[]> = { tcp: [PROTO.tcp], udp: [PROTO.udp], sctp: [PROTO.sctp] };

const SEP = 'KUBE-SEP-';

/**
 * Where the sync writes KUBE-SEP hashes: three words per endpoint, in chunks shared by many
 * Service ports, so 100,000 names cost no string (and no object) each until one is read. A
 * chunk is freed when no columns written into it remain.
 */
let chunk = new Int32Array(0);
let chunkUsed = 0;
const CHUNK_WORDS = 3 * 8192;

/** Room for `words` words: the current chunk, or a new one when it is full. */
export function reserveWords(words: number): Int32Array {
  if (chunkUsed + words > chunk.length) {
    chunk = new Int32Array(Math.max(CHUNK_WORDS, words));
    chunkUsed = 0;
  }
  return chunk;
}

/** Takes `words` words of the chunk {@link reserveWords} just returned; where they start. */
export function claimWords(words: number): number {
  const at = chunkUsed;
  chunkUsed += words;
  return at;
}

/**
 * What one Service port's endpoint rules are made of; shared by its KUBE-SVC/SVL/SEP chains.
 * Endpoint `i` here is the `i`th reachable endpoint (cluster ∪ local, by key), the table's
 * endpoint `index(i)`.
 */
export class EndpointColumns {
  #provs: Provenance[] | undefined;
  #sepComment: Match | undefined;
  /** Endpoint `i`'s KUBE-SEP hash is `#words[#at + 3i ..+2]` (see {@link reserveWords}). */
  readonly #words: Int32Array;
  readonly #at: number;
  /** The table positions of the reachable endpoints; undefined when all are. */
  readonly reach: EndpointSubset | undefined;
  /** How many endpoints are reachable (and so have a KUBE-SEP chain). */
  readonly length: number;

  /** The sync computes every KUBE-SEP chain's name here, held as its 80 bits (`chainHashWords`). */
  constructor(
    readonly info: ServicePortInfo,
    readonly table: EndpointTable,
    /** The reachable endpoints' positions in `table` (sorted, so by key). */
    reach: EndpointSubset,
    /** Large-cluster mode: no comments on SEP rules and SVC→SEP rules. */
    readonly largeCluster: boolean,
  ) {
    const n = reach.length;
    this.length = n;
    this.reach = n === table.length ? undefined : reach;
    const words = reserveWords(3 * n);
    const at = claimWords(3 * n);
    this.#words = words;
    this.#at = at;
    const name = info.nameString;
    const p = info.ref.protocol;
    table.eachIpPort(this.reach, (ip, portText, i) => endpointChainWordsOf(name, p, ip, portText, words, at + 3 * i));
  }

  /** Reachable endpoint `i`'s position in the table. */
  index(i: number): number {
    return this.reach === undefined ? i : this.reach[i]!;
  }

  /** Reachable endpoint `i`'s `ip:port`. */
  key(i: number): string {
    return this.table.key(this.index(i));
  }

  /** Endpoint `i`'s KUBE-SEP chain name, spelled from its hash. */
  sepName(i: number): string {
    return this.#sepChains?.[i]?.name ?? hashWordsToName(this.#words, this.#at + 3 * i, SEP);
  }

  /** The position of the endpoint whose KUBE-SEP chain is `name`, or -1. */
  sepIndex(name: string): number {
    for (let i = 0; i < this.length; i++) if (hashWordsMatch(this.#words, this.#at + 3 * i, SEP, name)) return i;
    return -1;
  }

  /**
   * The KUBE-SEP chain objects, made when first asked for: a sync hashes every chain's name,
   * and a chain is fully described by these columns, so 100,000 chain objects wait until
   * something walks into one or lists the nat table.
   */
  #sepChains: SepChain[] | undefined;

  /** Endpoint `i`'s KUBE-SEP chain, the same object every time. */
  sepChain(i: number): SepChain {
    const chains = (this.#sepChains ??= new Array<SepChain>(this.length));
    return (chains[i] ??= new SepChain(this.sepName(i), this, i));
  }

  /** Appends every KUBE-SEP chain, in endpoint order, to `out`. */
  pushSepChains(out: Chain[]): void {
    for (let i = 0; i < this.length; i++) out.push(this.sepChain(i));
  }

  /** Endpoint `i`'s provenance, one object shared by every rule written for it. */
  provenance(i: number): Provenance {
    const provs = (this.#provs ??= new Array<Provenance>(this.length));
    return (provs[i] ??= { owner: 'kube-proxy', service: this.info.ref, endpoint: this.table.ref(this.index(i)) });
  }

  /** `-m comment --comment "ns/svc:port"` of the SEP rules, or undefined in large-cluster mode. */
  sepComment(): Match | undefined {
    if (this.largeCluster) return undefined;
    return (this.#sepComment ??= comment(this.info.nameString));
  }
}

/** A chain whose rules are made from columns the first time they are read, then kept. */
export abstract class ColumnChain implements Chain {
  #rules: Rule[] | undefined;

  constructor(readonly name: string) {}

  get rules(): Rule[] {
    return (this.#rules ??= this.materialize());
  }

  /** How many rules the chain has, without making them. */
  abstract get size(): number;

  /**
   * The chain called `name` if this chain holds its jumps' targets itself (a KUBE-SVC/SVL chain
   * holds its Service port's KUBE-SEP chains), as the kernel holds a jump's target by reference
   * once iptables-restore has loaded the rules; undefined otherwise.
   */
  jumpTarget(_name: string): Chain | undefined {
    return undefined;
  }

  protected abstract materialize(): Rule[];

  /** A user chain's JSON: its name and rules, as a plain chain's. */
  toJSON(): Chain {
    return { name: this.name, rules: this.rules };
  }
}

/** How many rules `chain` has; column chains answer without making their rules. */
export function chainLength(chain: Chain): number {
  return chain instanceof ColumnChain ? chain.size : chain.rules.length;
}

/** A KUBE-SEP chain: the hairpin masquerade rule and the DNAT to endpoint `at`. */
export class SepChain extends ColumnChain {
  readonly #cols: EndpointColumns;
  readonly #at: number;

  constructor(name: string, cols: EndpointColumns, at: number) {
    super(name);
    this.#cols = cols;
    this.#at = at;
  }

  get size(): number {
    return 2;
  }

  protected materialize(): Rule[] {
    const cols = this.#cols;
    const ip = cols.table.ip(cols.index(this.#at));
    const prov = cols.provenance(this.#at);
    const p = cols.info.ref.protocol;
    const sepComment = cols.sepComment();
    const hairpinMatches = sepComment ? [sepComment] : NO_MATCHES;
    let matches: Match[];
    if (cols.info.affinitySeconds) {
      // `-m recent --set` before the protocol match, with the list named after this chain.
      const recent: Match = { kind: 'recent', mode: 'set', name: this.name };
      matches = sepComment ? [sepComment, recent, PROTO[p]] : [recent, PROTO[p]];
    } else matches = sepComment ? [sepComment, PROTO[p]] : PROTO_ONLY[p];
    return [
      new GeneratedRule(hairpinMatches, prov, HAIRPIN, { cidr: `${ip}/32` }, undefined, undefined, MARK_MASQ),
      new GeneratedRule(matches, prov, cols.info.affinitySeconds ? DNAT_AFFINITY : DNAT, undefined, undefined, p, { kind: 'DNAT', toDestination: cols.key(this.#at) }),
    ];
  }
}

/**
 * A KUBE-SVC or KUBE-SVL chain: its own rules first (the masquerade rule), then, with session
 * affinity, a `recent --rcheck` jump per endpoint, then one jump per endpoint. `rows[at ..
 * at + 2 * jumps]` (in the word chunks, {@link reserveWords}) holds per jump the endpoint's
 * position in the columns and the kernel's fixed-point `statistic` probability (below 2^31;
 * 0 on the last jump, which has none).
 */
export class EndpointJumpChain extends ColumnChain {
  readonly #head: readonly Rule[];
  readonly #cols: EndpointColumns;
  readonly #rows: Int32Array;
  readonly #at: number;
  readonly #jumps: number;

  constructor(name: string, head: readonly Rule[], cols: EndpointColumns, rows: Int32Array, at: number, jumps: number) {
    super(name);
    this.#head = head;
    this.#cols = cols;
    this.#rows = rows;
    this.#at = at;
    this.#jumps = jumps;
  }

  override jumpTarget(name: string): Chain | undefined {
    const i = this.#cols.sepIndex(name);
    return i < 0 ? undefined : this.#cols.sepChain(i);
  }

  get size(): number {
    const jumps = this.#jumps;
    return this.#head.length + (this.#cols.info.affinitySeconds ? 2 * jumps : jumps);
  }

  protected materialize(): Rule[] {
    const cols = this.#cols;
    const rows = this.#rows;
    const r = this.#at;
    const n = this.#jumps;
    const { info, largeCluster } = cols;
    const name = info.nameString;
    const out = this.#head.slice();
    if (info.affinitySeconds) {
      for (let i = 0; i < n; i++) {
        const at = rows[r + 2 * i]!;
        const key = cols.key(at);
        const sep = cols.sepName(at);
        const recent: Match = { kind: 'recent', mode: 'rcheck', name: sep, seconds: info.affinitySeconds, reap: true };
        out.push(rule({ matches: largeCluster ? [recent] : [endpointComment(name, key), recent], target: jump(sep) }, cols.provenance(at),
          `Session affinity: a client seen within ${info.affinitySeconds}s goes back to ${key}.`));
      }
    }
    for (let i = 0; i < n; i++) {
      const at = rows[r + 2 * i]!;
      const probability = rows[r + 2 * i + 1]!;
      const last = i === n - 1;
      // In large-cluster mode the match list depends only on the probability, so it is shared.
      const matches = largeCluster ? (last ? NO_MATCHES : statisticMatches(probability))
        : last ? [endpointComment(name, cols.key(at))] : [endpointComment(name, cols.key(at)), statisticMatches(probability)[0]!];
      const why = !last ? pickEndpoint(n - i) : n === 1 ? ONLY_ENDPOINT : LAST_ENDPOINT;
      out.push(new GeneratedRule(matches, cols.provenance(at), why, undefined, undefined, undefined, jump(cols.sepName(at))));
    }
    return out;
  }
}

function endpointComment(name: string, key: string): Match {
  return comment(`${name} -> ${key}`);
}

/** `[-m statistic --probability p]`, one list per probability, shared by every chain. */
const statistics = new Map<number, Match[]>();
function statisticMatches(probabilityFixed: number): Match[] {
  let list = statistics.get(probabilityFixed);
  if (!list) statistics.set(probabilityFixed, (list = Object.freeze([{ kind: 'statistic', probabilityFixed }]) as unknown as Match[]));
  return list;
}
