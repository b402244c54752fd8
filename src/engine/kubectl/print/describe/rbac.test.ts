import { describe, expect, it } from 'vitest';
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { ClusterRole, RoleBinding } from 'kubernetes-types/rbac/v1';
import { describeRole, describeRoleBinding, describeServiceAccount } from './rbac';
import { NOW } from '../testing/fixtures';

// Derived from describe.go and kubectl pkg/util/rbac (BreakdownRule, CompactRules, SortableRuleSlice
// ordering by the protobuf String(), which starts with the verbs); not a live capture.
describe('kubectl describe role / clusterrole', () => {
  it('breaks rules down, merges verbs per resource, sorts by PolicyRule.String()', () => {
    const role: ClusterRole = {
      metadata: { name: 'mixed' },
      rules: [
        { apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['watch'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['update'] },
        { nonResourceURLs: ['/healthz', '/api'], verbs: ['get'] },
      ],
    };
    expect(describeRole(role)).toBe(`Name:         mixed
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources               Non-Resource URLs  Resource Names  Verbs
  ---------               -----------------  --------------  -----
  pods                    []                 []              [get list watch]
  deployments/scale       []                 []              [get list]
  deployments.apps/scale  []                 []              [get list]
  pods.apps               []                 []              [get list]
                          [/api]             []              [get]
                          [/healthz]         []              [get]
  configmaps              []                 [a]             [update]
  configmaps              []                 [b]             [update]
`);
  });
});

describe('kubectl describe rolebinding / serviceaccount', () => {
  it('prints the role reference and the subjects table', () => {
    const rb: RoleBinding = {
      metadata: { name: 'read-pods', namespace: 'dev', labels: { team: 'a' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'dev' },
      ],
    };
    expect(describeRoleBinding(rb)).toBe(`Name:         read-pods
Labels:       team=a
Annotations:  <none>
Role:
  Kind:  Role
  Name:  pod-reader
Subjects:
  Kind            Name     Namespace
  ----            ----     ---------
  User            jane     
  ServiceAccount  default  dev
`);
  });

  it('lists pull and mountable secrets under aligned headers', () => {
    const sa: ServiceAccount = { metadata: { name: 'builder', namespace: 'ci' }, imagePullSecrets: [{ name: 'regcred' }, { name: 'other' }], secrets: [] };
    expect(describeServiceAccount(sa, [], [], NOW)).toBe(`Name:                builder
Namespace:           ci
Labels:              <none>
Annotations:         <none>
Image pull secrets:  regcred
                     other
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });
});
