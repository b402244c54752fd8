import type { ClusterRole, PolicyRule } from 'kubernetes-types/rbac/v1';
import { deepEqual } from '../../store/json';
import { selectorMatches } from '../framework/labelSelector';

/**
 * The rules an aggregated ClusterRole should hold (clusterroleaggregation_controller.go
 * syncClusterRole): for each of its `clusterRoleSelectors` in order, the ClusterRoles that
 * selector matches sorted by name (itself excluded), and their rules in order, each rule kept
 * once (the first time it is seen). Undefined when the role has no aggregationRule.
 */
export function aggregatedRules(role: ClusterRole, all: readonly ClusterRole[]): PolicyRule[] | undefined {
  const selectors = role.aggregationRule?.clusterRoleSelectors;
  if (!role.aggregationRule) return undefined;
  const rules: PolicyRule[] = [];
  for (const selector of selectors ?? []) {
    const matched = all.filter((r) => selectorMatches(selector, r.metadata?.labels)).sort(byName);
    for (const source of matched) {
      if (source.metadata?.name === role.metadata?.name) continue;
      for (const rule of source.rules ?? []) if (!rules.some((r) => deepEqual(r, rule))) rules.push(rule);
    }
  }
  return rules;
}

const byName = (a: ClusterRole, b: ClusterRole): number => {
  const x = a.metadata?.name ?? '';
  const y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** equality.Semantic.DeepEqual: an empty rule list equals a missing one. */
export function sameRules(a: PolicyRule[] | undefined, b: PolicyRule[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return deepEqual(a, b);
}
