import { describe, expect, it } from 'vitest';
import { kubectlSession } from '../testing/session';

/**
 * `auth can-i --list` orders rows as cani.go does: rules broken down per group and resource,
 * simple ones merged (verbs appended), then sorted by rbac/v1 PolicyRule.String(), which starts
 * with the verbs. Every authenticated user also has system:basic-user, system:discovery and
 * system:public-info-viewer (whose /healthz, /livez, /readyz and /version rows repeat
 * system:discovery's, as on a real cluster); service accounts add the issuer-discovery URLs.
 */
const SELF = `selfsubjectreviews.authentication.k8s.io        []                  []               [create]
selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]
selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]
`;
const DISCOVERY = `                                                [/api/*]            []               [get]
                                                [/api]              []               [get]
                                                [/apis/*]           []               [get]
                                                [/apis]             []               [get]
                                                [/healthz]          []               [get]
                                                [/healthz]          []               [get]
                                                [/livez]            []               [get]
                                                [/livez]            []               [get]
                                                [/openapi/*]        []               [get]
                                                [/openapi]          []               [get]
                                                [/readyz]           []               [get]
                                                [/readyz]           []               [get]
                                                [/version/]         []               [get]
                                                [/version/]         []               [get]
                                                [/version]          []               [get]
                                                [/version]          []               [get]
`;

describe('kubectl auth can-i --list', () => {
  it('admin: cluster-admin\'s two rules first, then the roles of every authenticated user', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl auth can-i --list').output).toBe(
      `Resources                                       Non-Resource URLs   Resource Names   Verbs
*.*                                             []                  []               [*]
                                                [*]                 []               [*]
${SELF}${DISCOVERY}`,
    );
  });

  it('a service account also reads the issuer-discovery URLs (system:serviceaccounts)', () => {
    const { s } = kubectlSession();
    const out = s.execute('kubectl auth can-i --list --as=system:serviceaccount:default:default').output.split('\n');
    expect(out[0]).toBe('Resources                                       Non-Resource URLs                      Resource Names   Verbs');
    expect(out.slice(4, 6)).toEqual([
      '                                                [/.well-known/openid-configuration/]   []               [get]',
      '                                                [/.well-known/openid-configuration]    []               [get]',
    ]);
    expect(out.slice(16, 18)).toEqual(['                                                [/openid/v1/jwks/]                     []               [get]', '                                                [/openid/v1/jwks]                      []               [get]']);
    expect(out).toHaveLength(25);
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
    expect(s.execute('kubectl auth can-i --list --as=jane').output).toBe(`Resources                                       Non-Resource URLs   Resource Names   Verbs
${SELF}pods                                            []                  []               [get list watch]
deployments                                     []                  []               [get list]
deployments.apps                                []                  []               [get list]
pods.apps                                       []                  []               [get list]
${DISCOVERY}configmaps                                      []                  [a]              [get]
configmaps                                      []                  [b]              [get]
`);
  });
});

describe('kubectl auth can-i', () => {
  it('asks about a NONRESOURCEURL as a path: the default roles answer for any authenticated user', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl auth can-i get /healthz --as=jane').output).toBe('yes\n');
    expect(s.execute('kubectl auth can-i get /apis/apps --as=jane').output).toBe('yes\n');
    expect(s.execute('kubectl auth can-i get /metrics --as=jane').output).toBe('no\n');
    expect(s.execute('kubectl auth can-i get /openid/v1/jwks --as=system:serviceaccount:default:default').output).toBe('yes\n');
  });
});

describe('kubectl auth whoami', () => {
  it('prints the SelfSubjectReview table: Username, then Groups as Go prints a slice', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl auth whoami').output).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    expect(s.execute('kubectl auth whoami --as=jane').output).toBe('ATTRIBUTE   VALUE\nUsername    jane\nGroups      [system:authenticated]\n');
  });
});
