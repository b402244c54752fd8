import { describe, expect, it } from 'vitest';
import { errorOf, newTestServer, svc } from '../testing/newTestServer';
import { authorize, forbiddenMessage, type RbacSource } from './authorizer';
import { aggregateRoles } from './testing/aggregateRoles';
import type { ApiServer } from '../ApiServer';

const source = (server: ApiServer): RbacSource => ({ list: (r, ns) => server.store.list(r, ns), get: (r, ns, n) => server.store.get(r, ns, n) });

const jane = { name: 'jane', groups: ['system:authenticated'] };

describe('RBAC', () => {
  it('denies a user without bindings, with the real Forbidden text', () => {
    const { server } = newTestServer();
    const c = server.client(jane);
    expect(errorOf(() => c.list('services', 'dev'))).toBe('services is forbidden: User "jane" cannot list resource "services" in API group "" in the namespace "dev"');
    expect(errorOf(() => c.get('deployments.apps', 'default', 'web'))).toBe(
      'deployments.apps "web" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "default"',
    );
    expect(errorOf(() => c.list('nodes', undefined))).toBe('nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
    expect(errorOf(() => c.list('services', undefined))).toBe('services is forbidden: User "jane" cannot list resource "services" in API group "" at the cluster scope');
  });

  it('kubernetes-admin is allowed through kubeadm:cluster-admins', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().list('nodes', undefined))).toBe('');
  });

  it('a RoleBinding to the view ClusterRole grants reads in its namespace only', () => {
    const { server, clock } = newTestServer();
    aggregateRoles(server, clock);
    server.admin().create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'jane-view' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }],
    });
    const c = server.client(jane);
    expect(errorOf(() => c.list('services', 'default'))).toBe('');
    expect(errorOf(() => c.list('services', 'kube-system'))).toContain('cannot list resource "services" in API group "" in the namespace "kube-system"');
    expect(errorOf(() => c.create('services', 'default', svc('web', { ports: [{ port: 80 }] })))).toBe(
      'services is forbidden: User "jane" cannot create resource "services" in API group "" in the namespace "default"',
    );
  });

  it('a Role with resourceNames allows only the named object', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    a.create('services', 'default', svc('db', { ports: [{ port: 5432 }] }));
    a.create('roles.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'web-reader' },
      rules: [{ apiGroups: [''], resources: ['services'], resourceNames: ['web'], verbs: ['get'] }],
    });
    a.create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'web-reader' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web-reader' },
      subjects: [{ kind: 'Group', name: 'devs' }],
    });
    const c = server.client({ name: 'bob', groups: ['devs'] });
    expect(errorOf(() => c.get('services', 'default', 'web'))).toBe('');
    expect(errorOf(() => c.get('services', 'default', 'db'))).toBe(
      'services "db" is forbidden: User "bob" cannot get resource "services" in API group "" in the namespace "default"',
    );
  });

  it('subresources are authorized separately', () => {
    const { server, clock } = newTestServer();
    aggregateRoles(server, clock);
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    a.create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'jane-edit' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'User', name: 'jane' }],
    });
    expect(errorOf(() => server.client(jane).update('services', 'default', created))).toBe('');
    expect(errorOf(() => server.client(jane).updateStatus('services', 'default', created))).toBe(
      'services "web" is forbidden: User "jane" cannot update resource "services/status" in API group "" in the namespace "default"',
    );
  });

  it('every authenticated user gets the default discovery, basic-user and public-info roles', () => {
    const { server } = newTestServer();
    expect(authorize({ user: jane, verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }, source(server)).allowed).toBe(true);
    expect(authorize({ user: jane, verb: 'create', group: 'authentication.k8s.io', resource: 'selfsubjectreviews' }, source(server)).allowed).toBe(true);
    expect(authorize({ user: jane, verb: 'create', group: 'authorization.k8s.io', resource: 'subjectaccessreviews' }, source(server)).allowed).toBe(false);
    expect(authorize({ user: jane, verb: 'get', group: '', resource: '', path: '/healthz' }, source(server)).allowed).toBe(true);
    expect(authorize({ user: jane, verb: 'get', group: '', resource: '', path: '/apis/apps/v1' }, source(server)).allowed).toBe(true);
    expect(authorize({ user: jane, verb: 'get', group: '', resource: '', path: '/metrics' }, source(server)).allowed).toBe(false);
    expect(authorize({ user: jane, verb: 'post', group: '', resource: '', path: '/api' }, source(server)).allowed).toBe(false);
    // system:unauthenticated only reaches system:public-info-viewer
    const anonymous = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
    expect(authorize({ user: anonymous, verb: 'get', group: '', resource: '', path: '/version' }, source(server)).allowed).toBe(true);
    expect(authorize({ user: anonymous, verb: 'get', group: '', resource: '', path: '/api' }, source(server)).allowed).toBe(false);
    expect(forbiddenMessage({ user: anonymous, verb: 'get', group: '', resource: '', path: '/api' })).toBe('User "system:anonymous" cannot get path "/api"');
  });

  it('a path is granted only by a ClusterRoleBinding, and a `prefix*` rule matches below it', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('clusterroles.rbac.authorization.k8s.io', undefined, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'logs' }, rules: [{ nonResourceURLs: ['/logs/*'], verbs: ['get'] }] } as never);
    a.create('rolebindings.rbac.authorization.k8s.io', 'default', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'logs' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'logs' }, subjects: [{ kind: 'User', name: 'jane' }] } as never);
    const can = (path: string) => authorize({ user: jane, verb: 'get', group: '', resource: '', namespace: 'default', path }, source(server)).allowed;
    expect(can('/logs/kube-apiserver.log')).toBe(false);
    a.create('clusterrolebindings.rbac.authorization.k8s.io', undefined, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'logs' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'logs' }, subjects: [{ kind: 'User', name: 'jane' }] } as never);
    expect(can('/logs/kube-apiserver.log')).toBe(true);
    expect(can('/logs')).toBe(false);
  });

  it('impersonation needs the impersonate verb, and then acts as the target user', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().impersonate({ name: 'jane' }).list('services', 'default'))).toBe(
      'services is forbidden: User "jane" cannot list resource "services" in API group "" in the namespace "default"',
    );
    expect(errorOf(() => server.client(jane).impersonate({ name: 'bob' }).list('services', 'default'))).toBe(
      'users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    expect(errorOf(() => server.admin().impersonate({ name: 'jane', groups: ['system:masters'] }).list('nodes', undefined))).toBe('');
  });
});
