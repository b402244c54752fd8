/**
 * The rule model shared by generation, printing and evaluation: tables → chains → rules, each
 * rule a list of structured matches and one target. What `iptables-save` prints is derived from
 * exactly these objects, and the packet engine evaluates the same objects, so what a learner
 * reads is what decided their packet. Everything serializes to plain JSON (generated rules and
 * the per-endpoint chains are class instances that make their plain form on read).
 */

export type TableName = 'mangle' | 'filter' | 'nat';
export type L4Protocol = 'tcp' | 'udp' | 'sctp';

/** An address match (`-s`/`-d`): a CIDR such as `10.96.0.1/32`, optionally negated (`!`). */
export interface AddressMatch {
  cidr: string;
  negate?: boolean;
}

/** `-m <proto> [--dport N]`: the protocol extension match; `-p` lives on the rule itself. */
export interface ProtoMatch {
  kind: 'proto';
  protocol: L4Protocol;
  dport?: number;
}

export interface CommentMatch {
  kind: 'comment';
  comment: string;
}

export type AddrType = 'LOCAL';

/** `-m addrtype [--src-type T] [--dst-type T]`. */
export interface AddrTypeMatch {
  kind: 'addrtype';
  srcType?: AddrType;
  negateSrc?: boolean;
  dstType?: AddrType;
  negateDst?: boolean;
}

/** `-m mark [!] --mark value/mask`. */
export interface MarkMatch {
  kind: 'mark';
  mark: number;
  mask: number;
  negate?: boolean;
}

/**
 * `-m statistic --mode random --probability p`. The kernel stores p as a 31-bit fixed-point
 * integer (`lround(p * 2^31)`); we keep that integer so printing and evaluation agree.
 */
export interface StatisticMatch {
  kind: 'statistic';
  probabilityFixed: number;
}

/** `-m recent` as kube-proxy uses it for ClientIP affinity (source side, /32 mask). */
export interface RecentMatch {
  kind: 'recent';
  mode: 'set' | 'rcheck';
  name: string;
  seconds?: number;
  reap?: boolean;
}

export type CtState = 'INVALID' | 'NEW' | 'RELATED' | 'ESTABLISHED' | 'UNTRACKED' | 'SNAT' | 'DNAT';

/** `-m conntrack [!] --ctstate S1,S2`. */
export interface ConntrackMatch {
  kind: 'conntrack';
  states: CtState[];
  negate?: boolean;
}

/** `-m set [!] --match-set NAME flags` (IPVS mode), e.g. flags `dst,dst` for an ip,port set. */
export interface SetMatch {
  kind: 'set';
  name: string;
  flags: string;
  negate?: boolean;
}

/** `-m physdev ! --physdev-is-in`: the packet did not enter through a bridge port. */
export interface PhysdevMatch {
  kind: 'physdev';
  isIn: boolean;
  negate?: boolean;
}

/** `-m nfacct --nfacct-name NAME`: counts packets for kube-proxy metrics; always matches. */
export interface NfacctMatch {
  kind: 'nfacct';
  name: string;
}

export type Match = NfacctMatch | ProtoMatch | CommentMatch | AddrTypeMatch | MarkMatch | StatisticMatch | RecentMatch | ConntrackMatch | SetMatch | PhysdevMatch;

export type IpsetType = 'hash:ip' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';

/**
 * An ipset as `ipset list` shows its members: `10.96.0.1,tcp:443`, `10.244.1.5,tcp:8080,10.244.1.5`,
 * `203.0.113.7,tcp:80,198.51.100.0/24`, `30080` or `10.96.0.1`.
 */
export interface Ipset {
  name: string;
  type: IpsetType;
  comment: string;
  entries: string[];
}

export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'DNAT'; toDestination: string }
  /** MARK in the kernel's xset form: new = (old & ~mask) ^ mark. `--or-mark m` is {m, m}. */
  | { kind: 'MARK'; mark: number; mask: number }
  | { kind: 'MASQUERADE'; randomFully?: boolean }
  | { kind: 'REJECT'; rejectWith: 'icmp-port-unreachable' }
  | { kind: 'DROP' }
  | { kind: 'ACCEPT' }
  | { kind: 'RETURN' };

/** Which Service port (and endpoint) a rule was generated for. */
export interface ServicePortRef {
  namespace: string;
  name: string;
  /** The Service port's name; empty for an unnamed port. */
  port: string;
  protocol: L4Protocol;
}

export interface EndpointRef {
  ip: string;
  port: number;
  /** The EndpointSlice that listed this endpoint. */
  slice?: string;
  nodeName?: string;
}

export interface Provenance {
  /** Who wrote the rule: kube-proxy, or kubelet (KUBE-FIREWALL and the canaries). */
  owner: 'kube-proxy' | 'kubelet';
  service?: ServicePortRef;
  endpoint?: EndpointRef;
}

export interface Rule {
  src?: AddressMatch;
  dst?: AddressMatch;
  /** `-p`: set whenever a protocol match is used. */
  protocol?: L4Protocol;
  matches: Match[];
  /** Absent for a rule that only counts (the KUBE-FW "will be dropped" marker rule). */
  target?: Target;
  provenance: Provenance;
  /** One sentence, for learners, saying what this rule is for. */
  explanation: string;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains do not (printed as `-`). */
  policy?: 'ACCEPT' | 'DROP';
  rules: Rule[];
}

export interface Table {
  name: TableName;
  chains: Chain[];
}

/** A node's whole iptables state: the tables in `iptables-save` order. */
export interface Ruleset {
  tables: Table[];
  /** ipsets referenced by `-m set` (IPVS mode); absent in iptables mode. */
  ipsets?: Record<string, Ipset>;
}

/** Built-in chains per table, in the order the kernel (and iptables-save) lists them. */
export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** Table order in `iptables-nft-save` output. */
export const TABLE_ORDER: readonly TableName[] = ['mangle', 'filter', 'nat'];

export function findTable(ruleset: Ruleset, name: TableName): Table | undefined {
  return ruleset.tables.find((t) => t.name === name);
}

export function findChain(ruleset: Ruleset, table: TableName, chain: string): Chain | undefined {
  return findTable(ruleset, table)?.chains.find((c) => c.name === chain);
}

/**
 * Chains in listing order: built-ins first in hook order, then user chains sorted by name
 * (iptables-nft keeps its chain cache sorted by name).
 */
export function orderedChains(table: Table): Chain[] {
  const builtins = BUILTIN_CHAINS[table.name];
  const rank = (c: Chain) => {
    const i = builtins.indexOf(c.name);
    return i >= 0 ? i : builtins.length;
  };
  return [...table.chains].sort((a, b) => rank(a) - rank(b) || (rank(a) === builtins.length ? cmp(a.name, b.name) : 0));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The 31-bit fixed-point value the kernel stores for `--probability p`. */
export function probabilityToFixed(p: number): number {
  return Math.round(p * 0x80000000);
}
