import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { newTestServer } from '../testing/newTestServer';

describe('rbac/v1 binding defaults', () => {
  it('fills roleRef.apiGroup and the apiGroup of User and Group subjects, not of ServiceAccounts', () => {
    const { server } = newTestServer();
    const created = server.admin().create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'rb' },
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'builder', namespace: 'default' },
      ],
    } as never) as unknown as RoleBinding;
    expect(created.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });
    expect(created.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'default' },
    ]);
    const updated = server.admin().update('rolebindings.rbac.authorization.k8s.io', 'default', { ...created, subjects: [{ kind: 'Group', name: 'ops' }] } as never) as unknown as RoleBinding;
    expect(updated.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }]);
  });
});
