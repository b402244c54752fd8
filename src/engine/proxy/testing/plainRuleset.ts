/**
 * A ruleset with every chain as a plain object, for `toEqual`. Column chains (endpointChains.ts)
 * make their rules on first read and keep only their name as an own field, so comparing them
 * as they are would compare names alone.
 */
import type { Chain, Ruleset } from '../model';

export function plainChain(c: Chain): Chain {
  return c.policy ? { name: c.name, policy: c.policy, rules: [...c.rules] } : { name: c.name, rules: [...c.rules] };
}

export function plainRuleset(rs: Ruleset): Ruleset {
  const tables = rs.tables.map((t) => ({ name: t.name, chains: t.chains.map(plainChain) }));
  return rs.ipsets ? { tables, ipsets: rs.ipsets } : { tables };
}
