import { describe, expect, it } from 'vitest';
import { kubectlSession } from '../testing/session';

/**
 * `auth can-i --list` orders rows as cani.go does: rules broken down per group and resource,
 * simple ones merged (verbs appended), then sorted by rbac/v1 PolicyRule.String(), which starts
 * with the verbs. (A real cluster also binds system:basic-user, system:discovery and
 * system:public-info-viewer to every authenticated user; this cluster's bootstrap policy does not
 * have those roles yet, so their rows are absent here.)
 */
describe('kubectl auth can-i --list', () => {
  it('admin: cluster-admin\'s two rules, *.* first', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl auth can-i --list').output).toBe('Resources   Non-Resource URLs   Resource Names   Verbs\n*.*         []                  []               [*]\n            [*]                 []               [*]\n');
  });

  it('breaks down, compacts and sorts a role\'s rules', () => {
    const { sim, s } = kubectlSession();
    const admin = sim.api.admin();
    admin.create('roles.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'r', namespace: 'default' },
      rules: [
        { apiGroups: ['', 'apps'], resources: ['pods', 'deployments'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['watch'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['get'] },
      ],
    } as never);
    admin.create('rolebindings.rbac.authorization.k8s.io', 'default', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'rb', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane' }],
    } as never);
    expect(s.execute('kubectl auth can-i --list --as=jane').output).toBe(`Resources          Non-Resource URLs   Resource Names   Verbs
pods               []                  []               [get list watch]
deployments        []                  []               [get list]
deployments.apps   []                  []               [get list]
pods.apps          []                  []               [get list]
configmaps         []                  [a]              [get]
configmaps         []                  [b]              [get]
`);
  });
});

describe('kubectl auth whoami', () => {
  it('prints the SelfSubjectReview table: Username, then Groups as Go prints a slice', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl auth whoami').output).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    expect(s.execute('kubectl auth whoami --as=jane').output).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [system:authenticated]\n');
  });
});
