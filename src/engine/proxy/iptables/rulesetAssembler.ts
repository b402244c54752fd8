/**
 * The iptables ruleset kept up to date one Service port at a time, as kube-proxy's partial syncs
 * do: a changed fragment's rules are spliced into the shared chains at its place in key order
 * and its own chains replace the old ones; everything else stays. The result is always equal to
 * `assembleRuleset` over the same fragments (a property test holds it to that).
 *
 * The Ruleset is live, like the kernel's tables: later changes update it in place (copying the
 * 100,000-entry chain list on every change would cost more than the change). Take a
 * structuredClone to keep a copy. The nat table's chain list is made when someone reads it
 * (a printer, JSON, a scan): the evaluator reaches chains by name and a KUBE-SEP chain through
 * its KUBE-SVC/SVL chain, so a sync need not list 110,000 chains, nor make the KUBE-SEP ones.
 */
import type { ResolvedProxyConfig } from '../config';
import type { Chain, Rule, Ruleset, Table, TableName } from '../model';
import type { ChainSkeleton } from './generateRules';
import { byFragmentKey, rulesetSkeleton, skeletonChain } from './generateRules';
import { SepChain } from './endpointChains';
import { ownNatChains } from './serviceRules';
import { adoptChainNames, reindexChain } from './ruleIndex';
import type { ServiceFragment } from './serviceRules';
import { sharedChainKey } from './serviceRules';

/** The Services' part of a shared chain: `chain.rules` from `offset` on, one owner key per rule. */
interface SharedRun {
  chain: Chain;
  skeleton: ChainSkeleton;
  offset: number;
  owners: string[];
  dirty: boolean;
}

export class RulesetAssembler {
  private readonly live: Ruleset;
  /** Shared chains by `table/chain`. */
  private readonly shared = new Map<string, SharedRun>();
  private readonly nat: Table;
  /** The always-present nat chains; the Services' own (KUBE-SVC/SVL/EXT/FW/SEP) follow them. */
  private readonly natSkeleton: Chain[];
  /** The nat chain list as last made, until a change. */
  private natList: Chain[] | undefined;
  private readonly fragments = new Map<string, ServiceFragment>();
  /**
   * nat chains by name, kept in step so the evaluator need not re-index 110,000 chains; all but
   * the KUBE-SEP chains, which the evaluator reaches from their KUBE-SVC/SVL chain (see
   * ColumnChain.jumpTarget). A map of 100,000 more names was a fifth of a full sync.
   */
  private readonly natNames = new Map<string, Chain>();
  /** Every KUBE-SEP chain by name, made when someone looks one up by name (tools, tests). */
  private sepNames: Map<string, Chain> | undefined;

  constructor(config: ResolvedProxyConfig, nodeIPs: readonly string[]) {
    const skeleton = rulesetSkeleton(config, nodeIPs);
    const chainsOf = (name: TableName): Chain[] => skeleton[name].map((c) => {
      const chain = skeletonChain(c, []);
      this.shared.set(sharedChainKey(name, c.name), { chain, skeleton: c, offset: c.head.length, owners: [], dirty: true });
      return chain;
    });
    this.natSkeleton = chainsOf('nat');
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the table's getter reads the assembler
    const assembler = this;
    // A plain object with an enumerable getter: JSON and structuredClone read it as a field.
    this.nat = { name: 'nat', get chains() { return assembler.natChains(); } };
    const tables = [{ name: 'mangle', chains: chainsOf('mangle') }, { name: 'filter', chains: chainsOf('filter') }, this.nat] satisfies Table[];
    this.live = { tables };
    for (const c of this.natSkeleton) this.natNames.set(c.name, c);
    adoptChainNames(this.nat, this.natNames, (name) => this.sepNamed(name));
  }

  /**
   * Replaces every fragment at once (a full sync). Loops are indexed and the 110,000-entry
   * lists are grown by push: a for-of that runs once allocates a result object per step until
   * the optimizer catches up, and an array made with `new Array(n)` or a `length` past 100,000
   * starts out as a dictionary, which every store then pays for.
   */
  load(fragments: readonly ServiceFragment[]): void {
    this.fragments.clear();
    const sorted = fragments.slice().sort(byFragmentKey);
    const middles = new Map<string, Rule[]>();
    for (const run of this.shared.values()) run.owners = [];
    this.natList = undefined;
    this.natNames.clear();
    for (let i = 0; i < this.natSkeleton.length; i++) this.natNames.set(this.natSkeleton[i]!.name, this.natSkeleton[i]!);
    for (let i = 0; i < sorted.length; i++) {
      const f = sorted[i]!;
      this.fragments.set(f.key, f);
      for (let j = 0; j < f.shared.length; j++) {
        const s = f.shared[j]!;
        const k = s.key;
        this.run(k).owners.push(f.key);
        const list = middles.get(k);
        if (list) list.push(s.rule);
        else middles.set(k, [s.rule]);
      }
      // The KUBE-SEP chains are not among them (see ownNatChains).
      const own = f.natChains;
      for (let j = 0; j < own.length; j++) this.natNames.set(own[j]!.name, own[j]!);
    }
    for (const [k, run] of this.shared) {
      run.chain.rules = skeletonChain(run.skeleton, middles.get(k) ?? []).rules;
      run.dirty = true;
    }
    this.sepNames = undefined;
  }

  /** The nat chains: the skeleton's, then each fragment's own in key order. */
  private natChains(): Chain[] {
    if (this.natList) return this.natList;
    const list = this.natSkeleton.slice();
    const sorted = [...this.fragments.values()].sort(byFragmentKey);
    for (let i = 0; i < sorted.length; i++) {
      const own = ownNatChains(sorted[i]!);
      for (let j = 0; j < own.length; j++) list.push(own[j]!);
    }
    return (this.natList = list);
  }

  /** The KUBE-SEP chain called `name`, through a map made on the first such lookup since a change. */
  private sepNamed(name: string): Chain | undefined {
    if (!this.sepNames) {
      this.sepNames = new Map();
      for (const c of this.nat.chains) if (c instanceof SepChain && !this.sepNames.has(c.name)) this.sepNames.set(c.name, c);
    }
    return this.sepNames.get(name);
  }

  /** Puts `fragment` in place of the fragment with the same key, or removes `key`'s. */
  set(key: string, fragment: ServiceFragment | undefined): void {
    const old = this.fragments.get(key);
    if (fragment) this.fragments.set(key, fragment);
    else this.fragments.delete(key);
    const next = new Map<string, Rule[]>();
    for (const s of old?.shared ?? []) next.set(s.key, []);
    for (const s of fragment?.shared ?? []) {
      const k = s.key;
      next.set(k, [...(next.get(k) ?? []), s.rule]);
    }
    for (const [k, rules] of next) {
      const run = this.run(k);
      if (replace(run.chain.rules, run.offset, run.owners, key, rules, sameRule)) run.dirty = true;
    }
    for (const c of old?.natChains ?? []) this.natNames.delete(c.name);
    for (const c of fragment?.natChains ?? []) this.natNames.set(c.name, c);
    this.sepNames = undefined;
    this.natList = undefined;
  }

  /** The live ruleset, with the indexes of the chains changed since the last call rebuilt. */
  ruleset(): Ruleset {
    for (const run of this.shared.values()) {
      if (!run.dirty) continue;
      // The long chains (KUBE-SERVICES, KUBE-NODEPORTS...) are all shared ones; the Services'
      // own chains are short or all `statistic` rules, which the evaluator scans anyway.
      reindexChain(run.chain);
      run.dirty = false;
    }
    return this.live;
  }

  private run(k: string): SharedRun {
    const run = this.shared.get(k);
    if (!run) throw new Error(`service rule in ${k}, a chain kube-proxy does not share`);
    return run;
  }
}

/**
 * Replaces `key`'s items in `list` (they start at `offset`; `owners` holds one key per item, in
 * order, found by binary search) unless they are equal. Returns whether anything changed.
 */
function replace<T>(list: T[], offset: number, owners: string[], key: string, items: readonly T[], same: (a: T, b: T) => boolean): boolean {
  let lo = 0;
  let hi = owners.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (owners[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < owners.length && owners[end] === key) end++;
  if (end - lo === items.length && items.every((x, i) => same(x, list[offset + lo + i]!))) return false;
  list.splice(offset + lo, end - lo, ...items);
  owners.splice(lo, end - lo, ...items.map(() => key));
  return true;
}

/** Equal fields and the same sentence (a rule's explanation is read through a getter, not a field). */
function sameRule(a: Rule, b: Rule): boolean {
  return a === b || (plainEqual(a, b) && a.explanation === b.explanation);
}

/** Structural equality of plain JSON values (a rule's fields are plain data). */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && plainEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
