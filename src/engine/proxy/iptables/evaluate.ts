/**
 * Walks a ruleset as netfilter does: from the built-in chain of a hook, first match wins,
 * jumps descend, RETURN (or falling off a user chain) resumes the caller, terminal targets stop
 * the table, and the chain policy applies at the end. `statistic` draws from the seeded Rng,
 * `recent` lists keep caller-supplied timestamps, MARK updates the packet's mark.
 */
import type { Rng } from '../../sim/Rng';
import type { CtState, Ipset, L4Protocol, Match, Provenance, Rule, Ruleset, TableName } from '../model';
import { cidrContains } from '../serviceInfo';
import { ColumnChain } from './endpointChains';
import { ruleToSave } from './printSave';
import { candidateRules, chainNamed } from './ruleIndex';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface Packet {
  src: string;
  dst: string;
  protocol: L4Protocol;
  dport: number;
  /** The skb mark (fwmark); 0 when absent. */
  mark?: number;
  /** Conntrack states of the packet's connection; NEW when absent. */
  ctStates?: CtState[];
  /** The packet entered through a bridge port (`-m physdev --physdev-is-in`), e.g. from a pod. */
  bridged?: boolean;
}

/** `recent` lists: list name → source IP → last time seen (virtual ms). Plain JSON. */
export type RecentLists = Record<string, Record<string, number>>;

export interface NetfilterState {
  /** Virtual time now, for `recent`. */
  nowMs: number;
  /** Addresses that are LOCAL for `-m addrtype` (the node's IPs); 127.0.0.0/8 always is. */
  localAddresses: readonly string[];
  recent: RecentLists;
}

export type Verdict =
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'REJECT'; rejectWith: string }
  | { kind: 'DNAT'; ip: string; port: number }
  | { kind: 'MASQUERADE' };

export interface MatchedRule {
  table: TableName;
  chain: string;
  /** 1-based position in its chain, as `--line-numbers` shows it. */
  index: number;
  /** The rule as `iptables-save` prints it. */
  text: string;
  provenance: Provenance;
  explanation: string;
}

export interface EvalResult {
  verdict: Verdict;
  /** Rules whose matches all held, in the order they were hit. */
  matched: MatchedRule[];
  /** How many rules were looked at. */
  traversed: number;
  /** The packet's mark after the traversal. */
  mark: number;
}

const isLocal = (ip: string, state: NetfilterState) => ip.startsWith('127.') || state.localAddresses.includes(ip);

function matchHolds(m: Match, p: Packet, rng: Rng, state: NetfilterState, mark: number, ipsets: Record<string, Ipset> | undefined): boolean {
  switch (m.kind) {
    case 'comment':
    case 'nfacct':
      return true;
    case 'proto':
      return p.protocol === m.protocol && (m.dport === undefined || m.dport === p.dport);
    case 'addrtype': {
      if (m.srcType && isLocal(p.src, state) === Boolean(m.negateSrc)) return false;
      if (m.dstType && isLocal(p.dst, state) === Boolean(m.negateDst)) return false;
      return true;
    }
    case 'mark':
      return ((mark & m.mask) === m.mark) !== Boolean(m.negate);
    case 'statistic':
      // xt_statistic: (random u32 & 0x7fffffff) < probability.
      return Math.floor(rng.next() * 0x80000000) < m.probabilityFixed;
    case 'conntrack': {
      const states = p.ctStates ?? ['NEW'];
      return m.states.some((s) => states.includes(s)) !== Boolean(m.negate);
    }
    case 'set': {
      const set = ipsets?.[m.name];
      return (set !== undefined && ipsetContains(set, m.flags, p)) !== Boolean(m.negate);
    }
    case 'physdev':
      return Boolean(p.bridged) === m.isIn !== Boolean(m.negate);
    case 'recent': {
      if (m.mode === 'set') {
        (state.recent[m.name] ??= {})[p.src] = state.nowMs;
        return true;
      }
      const list = state.recent[m.name];
      if (!list) return false;
      const last = list[p.src];
      const fresh = last !== undefined && (!m.seconds || state.nowMs - last <= m.seconds * 1000);
      if (m.reap && m.seconds) {
        for (const [ip, at] of Object.entries(list)) if (state.nowMs - at > m.seconds * 1000) delete list[ip];
      }
      return fresh;
    }
  }
}

/**
 * ipset membership for `--match-set NAME flags`: each flag picks the packet's source or
 * destination for the set's next dimension (ip, port as `proto:port`, or net).
 */
export function ipsetContains(set: Ipset, flags: string, p: Packet): boolean {
  const dims = set.type.split(':')[1]!.split(',');
  const sides = flags.split(',');
  const pick = (i: number) => (sides[i] === 'src' ? 'src' : 'dst');
  if (set.type === 'bitmap:port') return pick(0) === 'dst' && exactMembers(set, 1).has(String(p.dport));
  if (!dims.includes('net')) {
    // Only destination ports are tracked on our packets.
    if (dims.some((dim, i) => dim === 'port' && pick(i) !== 'dst')) return false;
    const key = dims.map((dim, i) => (dim === 'port' ? `${p.protocol}:${p.dport}` : pick(i) === 'src' ? p.src : p.dst)).join(',');
    return exactMembers(set, dims.length).has(key);
  }
  return set.entries.some((entry) => {
    const parts = entry.split(',');
    return dims.every((dim, i) => {
      const want = parts[i] ?? '';
      const side = pick(i);
      if (dim === 'ip') return want === (side === 'src' ? p.src : p.dst);
      if (dim === 'net') return cidrContains(want, side === 'src' ? p.src : p.dst);
      return side === 'dst' && want === `${p.protocol}:${p.dport}`;
    });
  });
}

/**
 * A set's entries as a hash, for sets without a `net` dimension (the kernel's hash:ip,port
 * lookups are hashed too): each entry cut to its first `dims` parts, as membership compares
 * them. Rebuilt when the entries array is replaced or grows.
 */
function exactMembers(set: Ipset, dims: number): Set<string> {
  let m = memberIndex.get(set);
  if (!m || m.entries !== set.entries || m.length !== set.entries.length) {
    const members = new Set<string>();
    for (const entry of set.entries) {
      const parts = entry.split(',');
      if (parts.length >= dims) members.add(parts.slice(0, dims).join(','));
    }
    m = { entries: set.entries, length: set.entries.length, members };
    memberIndex.set(set, m);
  }
  return m.members;
}

const memberIndex = new WeakMap<Ipset, { entries: readonly string[]; length: number; members: Set<string> }>();

function ruleMatches(r: Rule, p: Packet, rng: Rng, state: NetfilterState, mark: number, ipsets: Record<string, Ipset> | undefined): boolean {
  if (r.src && cidrContains(r.src.cidr, p.src) === Boolean(r.src.negate)) return false;
  if (r.dst && cidrContains(r.dst.cidr, p.dst) === Boolean(r.dst.negate)) return false;
  if (r.protocol && r.protocol !== p.protocol) return false;
  // The kernel evaluates matches in order and stops at the first miss, so a failed match
  // before `statistic` or `recent` must not consume randomness or touch the lists.
  for (const m of r.matches) if (!matchHolds(m, p, rng, state, mark, ipsets)) return false;
  return true;
}

const MAX_DEPTH = 64;

/**
 * Traverses `table` from the built-in chain `hook`. Unknown chains behave as empty. `scan`
 * compares the packet with every rule in turn instead of using the rule index (the reference
 * the index is tested against; results are identical).
 */
export function evaluateTable(ruleset: Ruleset, table: TableName, hook: Hook, packet: Packet, rng: Rng, state: NetfilterState, scan = false): EvalResult {
  const matched: MatchedRule[] = [];
  let traversed = 0;
  let mark = packet.mark ?? 0;

  const tableObj = ruleset.tables.find((t) => t.name === table);
  /** `from` holds the jump's target itself when it can (see ColumnChain.jumpTarget); a scan looks every chain up by name. */
  const walk = (chainName: string, depth: number, from?: ColumnChain): Verdict | undefined => {
    const chain = (!scan && from?.jumpTarget(chainName)) || (tableObj && chainNamed(tableObj, chainName));
    if (!chain || depth > MAX_DEPTH) return undefined;
    // Long chains hand us only the rules this packet could match; the rules skipped in
    // between are still counted, since the kernel compares the packet with each of them.
    const candidates = scan ? undefined : candidateRules(chain, packet.dst, packet.protocol, packet.dport);
    const n = chain.rules.length;
    let next = 0;
    for (let k = 0; ; k++) {
      const i = candidates ? (candidates[k] ?? n) : next;
      if (i >= n) break;
      traversed += i - next + 1;
      next = i + 1;
      const r = chain.rules[i]!;
      if (!ruleMatches(r, packet, rng, state, mark, ruleset.ipsets)) continue;
      matched.push({ table, chain: chainName, index: i + 1, text: ruleToSave(chainName, r), provenance: r.provenance, explanation: r.explanation });
      const t = r.target;
      if (!t) continue;
      switch (t.kind) {
        case 'jump': {
          const v = walk(t.chain, depth + 1, chain instanceof ColumnChain ? chain : undefined);
          if (v === RETURNED) continue;
          if (v) return v;
          continue;
        }
        case 'RETURN':
          return RETURNED;
        case 'MARK':
          mark = ((mark & ~t.mask) ^ t.mark) >>> 0;
          continue;
        case 'DNAT': {
          const at = t.toDestination.lastIndexOf(':');
          return { kind: 'DNAT', ip: t.toDestination.slice(0, at), port: Number(t.toDestination.slice(at + 1)) };
        }
        case 'MASQUERADE':
          return { kind: 'MASQUERADE' };
        case 'REJECT':
          return { kind: 'REJECT', rejectWith: t.rejectWith };
        case 'DROP':
          return { kind: 'DROP' };
        case 'ACCEPT':
          return { kind: 'ACCEPT' };
      }
    }
    traversed += n - next;
    return RETURNED;
  };

  const v = walk(hook, 0);
  const policy = (tableObj && chainNamed(tableObj, hook))?.policy ?? 'ACCEPT';
  const verdict: Verdict = v && v !== RETURNED ? v : policy === 'DROP' ? { kind: 'DROP' } : { kind: 'ACCEPT' };
  return { verdict, matched, traversed, mark };
}

/** Sentinel for "this chain returned to its caller". */
const RETURNED: Verdict = Object.freeze({ kind: 'ACCEPT' }) as Verdict;

/** The nat table at PREROUTING/OUTPUT (DNAT) or POSTROUTING (MASQUERADE). */
export function evaluateNat(ruleset: Ruleset, packet: Packet, hook: 'PREROUTING' | 'OUTPUT' | 'POSTROUTING', rng: Rng, state: NetfilterState): EvalResult {
  return evaluateTable(ruleset, 'nat', hook, packet, rng, state);
}

/** The filter table at INPUT/FORWARD/OUTPUT (REJECT/DROP/ACCEPT). */
export function evaluateFilter(ruleset: Ruleset, packet: Packet, hook: 'INPUT' | 'FORWARD' | 'OUTPUT', rng: Rng, state: NetfilterState): EvalResult {
  return evaluateTable(ruleset, 'filter', hook, packet, rng, state);
}
