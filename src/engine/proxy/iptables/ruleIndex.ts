/**
 * Lookup structures for the evaluator, so a packet does not cost a scan of 100,000 chains or a
 * string-parsing compare with each of 10,000 KUBE-SERVICES rules. They only skip work, never
 * rules: the evaluator still counts every rule the kernel would compare the packet with.
 *
 * A long chain is indexed by the one test that rejects most rules cheaply and without side
 * effects: the `-d a.b.c.d/32` address, or else a `-m tcp --dport N` that no `statistic` or
 * `recent` match precedes. A rule whose key differs from the packet's cannot match, and checking
 * it would have changed nothing (no random draw, no `recent` update), so the evaluator jumps
 * straight to the candidates and adds the rules in between to its count.
 *
 * Indexes live in WeakMaps beside the plain Ruleset objects (which stay JSON) and are checked
 * against the arrays they were built from, so a replaced rules/chains array is re-indexed.
 */
import type { Chain, L4Protocol, Rule, Ruleset, Table } from '../model';
import { ipToInt } from '../serviceInfo';

/** Chains shorter than this are scanned: an index would cost more than it saves. */
const INDEX_FROM = 16;

interface ChainNames {
  /** The list the map was made from (a map made here, not a maintained one). */
  chains?: readonly Chain[];
  length: number;
  byName: Map<string, Chain>;
  /** Kept in step by its owner (see adoptChainNames): trusted for as long as the table is. */
  maintained: boolean;
  /** Asked for the names a maintained map leaves out. */
  others?: (name: string) => Chain | undefined;
}

interface ChainIndex {
  rules: readonly Rule[];
  length: number;
  /** Positions by key: one number, or a list when several rules share the key. */
  byDst: Map<number, Positions>;
  byPort: Map<string, Positions>;
  /** Rules with neither key: always candidates. */
  rest: number[];
}

const names = new WeakMap<Table, ChainNames>();
const chainIndexes = new WeakMap<Chain, ChainIndex>();

/** The chain called `name` in `table`. */
export function chainNamed(table: Table, name: string): Chain | undefined {
  let n = names.get(table);
  // A maintained map is not checked against `table.chains`: its keeper may make that list on read.
  if (!n || (!n.maintained && (n.chains !== table.chains || n.length !== table.chains.length))) {
    const byName = new Map<string, Chain>();
    // First wins, as Array.find did.
    for (const c of table.chains) if (!byName.has(c.name)) byName.set(c.name, c);
    n = { chains: table.chains, length: table.chains.length, byName, maintained: false };
    names.set(table, n);
  }
  const chain = n.byName.get(name);
  return chain === undefined && n.others ? n.others(name) : chain;
}

/**
 * Hands the evaluator a name map someone keeps in step with `table.chains` (kube-proxy's
 * assembler, which makes its nat chain list only when it is read, instead of re-indexing 100,000
 * chains after each change). It is used for as long as the table lives, without reading
 * `table.chains`; `others` is asked for a name the map leaves out.
 */
export function adoptChainNames(table: Table, byName: Map<string, Chain>, others?: (name: string) => Chain | undefined): void {
  names.set(table, { length: 0, byName, maintained: true, others });
}

const portKey = (protocol: L4Protocol, dport: number) => `${protocol}:${dport}`;

/**
 * The key a rule is filed under: its `-d` address as a number, its `protocol:port` as a
 * string, or undefined when every packet must be compared with it. Computed when a chain is
 * indexed (cheap: no memo to keep beside 10,000 rules).
 */
function ruleKey(r: Rule): number | string | undefined {
  const dst = r.dst;
  if (dst && !dst.negate && dst.cidr.endsWith('/32')) return ipToInt(dst.cidr.slice(0, -3));
  const matches = r.matches;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    if (m.kind === 'statistic' || m.kind === 'recent') return undefined;
    if (m.kind === 'proto' && m.dport !== undefined) return portKey(m.protocol, m.dport);
  }
  return undefined;
}

function buildIndex(chain: Chain): ChainIndex {
  const byDst = new Map<number, Positions>();
  const byPort = new Map<string, Positions>();
  const rest: number[] = [];
  const rules = chain.rules;
  for (let i = 0; i < rules.length; i++) {
    const key = ruleKey(rules[i]!);
    if (key === undefined) rest.push(i);
    else if (typeof key === 'number') push(byDst, key, i);
    else push(byPort, key, i);
  }
  return { rules, length: rules.length, byDst, byPort, rest };
}

/** A key's rule positions: a list only when there are several (10,000 cluster IPs have one each). */
type Positions = number | number[];

function push<K>(map: Map<K, Positions>, key: K, i: number): void {
  const at = map.get(key);
  if (at === undefined) map.set(key, i);
  else if (typeof at === 'number') map.set(key, [at, i]);
  else at.push(i);
}

function indexOf(chain: Chain): ChainIndex | undefined {
  if (chain.rules.length < INDEX_FROM) return undefined;
  let idx = chainIndexes.get(chain);
  if (!idx || idx.rules !== chain.rules || idx.length !== chain.rules.length) {
    idx = buildIndex(chain);
    chainIndexes.set(chain, idx);
  }
  // Nothing to skip by (a KUBE-SVC chain of statistic rules): scanning is as good.
  return idx.rest.length === idx.length ? undefined : idx;
}

/**
 * Positions (ascending) of the rules in `chain` that a packet to `dst` `protocol`/`dport` could
 * match; undefined when the chain is to be scanned.
 */
export function candidateRules(chain: Chain, dst: string, protocol: L4Protocol, dport: number): number[] | undefined {
  const idx = indexOf(chain);
  if (!idx) return undefined;
  return mergeSorted(idx.byDst.get(ipToInt(dst)), idx.byPort.get(portKey(protocol, dport)), idx.rest);
}

/**
 * Builds the index of a long chain now. kube-proxy calls this when it installs rules (the moment
 * iptables-restore would load them into the kernel), so no packet pays for it.
 */
export function indexChain(chain: Chain): void {
  indexOf(chain);
}

/** Rebuilds the index of a chain whose rules were changed in place. */
export function reindexChain(chain: Chain): void {
  chainIndexes.delete(chain);
  indexOf(chain);
}

/** Builds every index of `ruleset` now (see {@link indexChain}). */
export function indexRuleset(ruleset: Ruleset): void {
  for (const t of ruleset.tables) {
    chainNamed(t, '');
    for (const c of t.chains) indexOf(c);
  }
}

function mergeSorted(a: Positions | undefined, b: Positions | undefined, c: readonly number[]): number[] {
  const xs = typeof a === 'number' ? [a] : (a ?? []);
  const ys = typeof b === 'number' ? [b] : (b ?? []);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  for (;;) {
    const x = xs[i] ?? Infinity;
    const y = ys[j] ?? Infinity;
    const z = c[k] ?? Infinity;
    const min = Math.min(x, y, z);
    if (min === Infinity) return out;
    out.push(min);
    if (x === min) i++;
    else if (y === min) j++;
    else k++;
  }
}
