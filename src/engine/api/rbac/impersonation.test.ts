import { describe, expect, it } from 'vitest';
import { errorOf, newTestServer } from '../testing/newTestServer';
import { impersonatedUser, splitServiceAccountUsername } from './impersonation';
import { aggregateRoles } from './testing/aggregateRoles';

const jane = { name: 'jane', groups: ['system:authenticated'] };

describe('impersonation (the API server filter behind kubectl --as/--as-group)', () => {
  it('a service account username gets its fixed groups unless groups are asked for', () => {
    expect(impersonatedUser({ name: 'system:serviceaccount:dev:builder', groups: [] })).toEqual({
      name: 'system:serviceaccount:dev:builder',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'],
    });
    expect(impersonatedUser({ name: 'system:serviceaccount:dev:builder', groups: ['ops'] }).groups).toEqual(['ops', 'system:authenticated']);
    expect(impersonatedUser({ name: 'jane', groups: [] }).groups).toEqual(['system:authenticated']);
    expect(impersonatedUser({ name: 'jane', groups: ['system:unauthenticated'] }).groups).toEqual(['system:unauthenticated']);
    expect(impersonatedUser({ name: 'system:anonymous', groups: [] }).groups).toEqual([]);
  });

  it('only a well-formed system:serviceaccount:NS:NAME is a service account', () => {
    expect(splitServiceAccountUsername('system:serviceaccount:dev:builder')).toEqual({ namespace: 'dev', name: 'builder' });
    expect(splitServiceAccountUsername('system:serviceaccount:dev')).toBeUndefined();
    expect(splitServiceAccountUsername('system:serviceaccount:dev:a:b')).toBeUndefined();
    expect(splitServiceAccountUsername('system:serviceaccount:Dev:builder')).toBeUndefined();
    expect(splitServiceAccountUsername('jane')).toBeUndefined();
  });

  it('a RoleBinding to the group system:serviceaccounts:NS applies to an impersonated service account', () => {
    const { server, clock } = newTestServer();
    aggregateRoles(server, clock);
    const as = () => server.admin().impersonate({ name: 'system:serviceaccount:default:builder' });
    expect(errorOf(() => as().list('services', 'default'))).toBe(
      'services is forbidden: User "system:serviceaccount:default:builder" cannot list resource "services" in API group "" in the namespace "default"',
    );
    server.admin().create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'sa-view' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:serviceaccounts:default' }],
    });
    expect(errorOf(() => as().list('services', 'default'))).toBe('');
  });

  it('impersonating a service account needs impersonate on serviceaccounts in its namespace', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.client(jane).impersonate({ name: 'system:serviceaccount:dev:builder' }).list('services', 'dev'))).toBe(
      'serviceaccounts "builder" is forbidden: User "jane" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "dev"',
    );
    expect(errorOf(() => server.client(jane).impersonate({ name: 'bob', groups: ['ops'] }).list('services', 'dev'))).toBe(
      'users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });
});
