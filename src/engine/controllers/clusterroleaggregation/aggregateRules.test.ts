import type { ClusterRole, PolicyRule } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { aggregatedRules, sameRules } from './aggregateRules';

const role = (name: string, labels: Record<string, string>, rules?: PolicyRule[], aggregateFrom?: string): ClusterRole => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels },
  ...(rules ? { rules } : {}),
  ...(aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregateFrom]: 'true' } }] } } : {}),
});
const read = (resource: string): PolicyRule => ({ apiGroups: [''], resources: [resource], verbs: ['get', 'list', 'watch'] });

describe('aggregatedRules (syncClusterRole)', () => {
  it('takes the matched roles by name, their rules in order, each rule once, never its own', () => {
    const target = role('view', { 'aggregate-to-edit': 'true', 'to-view': 'true' }, [read('stale')], 'to-view');
    const all = [
      target,
      role('zz-crd-view', { 'to-view': 'true' }, [read('crontabs'), read('pods')]),
      role('system:aggregate-to-view', { 'to-view': 'true' }, [read('pods'), read('services')]),
      role('unrelated', {}, [read('secrets')]),
    ];
    expect(aggregatedRules(target, all)).toEqual([read('pods'), read('services'), read('crontabs')]);
  });

  it('walks the selectors in order; a role without aggregationRule is left alone', () => {
    const target: ClusterRole = { ...role('mixed', {}), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { b: 'true' } }, { matchLabels: { a: 'true' } }] } };
    const all = [target, role('a-role', { a: 'true' }, [read('a')]), role('b-role', { b: 'true' }, [read('b')])];
    expect(aggregatedRules(target, all)).toEqual([read('b'), read('a')]);
    expect(aggregatedRules(role('plain', {}, [read('x')]), all)).toBeUndefined();
  });

  it('an aggregated role nothing matches has no rules, and empty equals missing', () => {
    const target = role('lonely', {}, undefined, 'nobody');
    expect(aggregatedRules(target, [target])).toEqual([]);
    expect(sameRules([], undefined)).toBe(true);
    expect(sameRules([read('a')], undefined)).toBe(false);
    expect(sameRules([read('a')], [read('a')])).toBe(true);
  });
});
