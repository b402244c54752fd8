import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';

const CR = 'clusterroles.rbac.authorization.k8s.io';
const rulesOf = (h: Harness, name: string) => (h.admin.get(CR, undefined, name) as unknown as ClusterRole).rules ?? [];
const has = (rules: ClusterRole['rules'], resource: string) => (rules ?? []).some((r) => r.resources?.includes(resource));

describe('ClusterRoleAggregationController', () => {
  it('fills view, edit and admin from the bootstrap policy, chained view → edit → admin', () => {
    const h = harness();
    h.settle();
    const view = rulesOf(h, 'view');
    const edit = rulesOf(h, 'edit');
    const admin = rulesOf(h, 'admin');
    const aggregateToView = (h.admin.get(CR, undefined, 'system:aggregate-to-view') as unknown as ClusterRole).rules;
    expect(view).toEqual(aggregateToView);
    // edit: system:aggregate-to-edit's rules, then view's (sorted by name), duplicates dropped
    const aggregateToEdit = (h.admin.get(CR, undefined, 'system:aggregate-to-edit') as unknown as ClusterRole).rules!;
    expect(edit.slice(0, aggregateToEdit.length)).toEqual(aggregateToEdit);
    expect(edit.slice(aggregateToEdit.length)).toEqual(view);
    expect(has(admin, 'rolebindings')).toBe(true);
    expect(admin.slice(0, edit.length)).toEqual(edit);
  });

  it("a learner's ClusterRole labelled aggregate-to-view shows up in view, edit and admin, and leaves when deleted", () => {
    const h = harness();
    h.settle();
    h.admin.create(CR, undefined, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'crontab-reader', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      rules: [{ apiGroups: ['stable.example.com'], resources: ['crontabs'], verbs: ['get', 'list', 'watch'] }],
    } as never);
    h.settle();
    for (const name of ['view', 'edit', 'admin']) expect(has(rulesOf(h, name), 'crontabs')).toBe(true);
    h.admin.delete(CR, undefined, 'crontab-reader');
    h.settle();
    for (const name of ['view', 'edit', 'admin']) expect(has(rulesOf(h, name), 'crontabs')).toBe(false);
  });

  it('overwrites rules written by hand into an aggregated role', () => {
    const h = harness();
    h.settle();
    const view = h.admin.get(CR, undefined, 'view') as unknown as ClusterRole;
    h.admin.update(CR, undefined, { ...view, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] } as never);
    h.settle();
    expect(has(rulesOf(h, 'view'), 'secrets')).toBe(false);
    expect(rulesOf(h, 'view')).toEqual((h.admin.get(CR, undefined, 'system:aggregate-to-view') as unknown as ClusterRole).rules);
  });
});
