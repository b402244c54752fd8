/**
 * bootstrappolicy `NamespaceRoles()` / `NamespaceRoleBindings()` (namespace_policy.go, golden
 * testdata/namespace-roles.yaml and namespace-role-bindings.yaml): the Roles kube-apiserver keeps
 * in kube-system and kube-public for leader election, the extension-apiserver authentication
 * ConfigMap, the bootstrap signer and the token cleaner.
 */
import type { Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { eventsRule, namespacedBinding, namespacedRole, rule, saSubject, userSubject } from './policyBuilders';

const SYSTEM = 'kube-system';
const PUBLIC = 'kube-public';
const LEADER_ELECTION = [rule(['create', 'get', 'list', 'update', 'watch'], ['coordination.k8s.io'], ['leases']), rule(['create', 'get', 'list', 'update', 'watch'], ['coordination.k8s.io'], ['leasecandidates'])];

export function namespaceRoles(): Role[] {
  return [
    namespacedRole(SYSTEM, 'extension-apiserver-authentication-reader', [rule(['get', 'list', 'watch'], [''], ['configmaps'], ['extension-apiserver-authentication'])]),
    namespacedRole(SYSTEM, 'system::leader-locking-kube-controller-manager', LEADER_ELECTION),
    namespacedRole(SYSTEM, 'system::leader-locking-kube-scheduler', LEADER_ELECTION),
    namespacedRole(SYSTEM, 'system:controller:bootstrap-signer', [rule(['get', 'list', 'watch'], [''], ['secrets'])]),
    namespacedRole(SYSTEM, 'system:controller:cloud-provider', [rule(['create', 'get', 'list', 'watch'], [''], ['configmaps'])]),
    namespacedRole(SYSTEM, 'system:controller:token-cleaner', [rule(['delete', 'get', 'list', 'watch'], [''], ['secrets']), eventsRule()]),
    namespacedRole(PUBLIC, 'system:controller:bootstrap-signer', [rule(['get', 'list', 'watch'], [''], ['configmaps']), rule(['update'], [''], ['configmaps'], ['cluster-info']), eventsRule()]),
  ];
}

export function namespaceRoleBindings(): RoleBinding[] {
  return [
    namespacedBinding(SYSTEM, 'extension-apiserver-authentication-reader', [userSubject('system:kube-controller-manager'), userSubject('system:kube-scheduler')], 'system::extension-apiserver-authentication-reader'),
    namespacedBinding(SYSTEM, 'system::leader-locking-kube-controller-manager', [userSubject('system:kube-controller-manager'), saSubject(SYSTEM, 'kube-controller-manager'), saSubject(SYSTEM, 'leader-election-controller')]),
    namespacedBinding(SYSTEM, 'system::leader-locking-kube-scheduler', [userSubject('system:kube-scheduler'), saSubject(SYSTEM, 'kube-scheduler')]),
    namespacedBinding(SYSTEM, 'system:controller:bootstrap-signer', [saSubject(SYSTEM, 'bootstrap-signer')]),
    namespacedBinding(SYSTEM, 'system:controller:cloud-provider', [saSubject(SYSTEM, 'cloud-provider')]),
    namespacedBinding(SYSTEM, 'system:controller:token-cleaner', [saSubject(SYSTEM, 'token-cleaner')]),
    namespacedBinding(PUBLIC, 'system:controller:bootstrap-signer', [saSubject(SYSTEM, 'bootstrap-signer')]),
  ];
}
