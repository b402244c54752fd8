/**
 * The builders kube-apiserver's bootstrap policy is written with (pkg/apis/rbac/v1 helpers.go),
 * so the transcribed policy reads like the Go source and comes out the way the real objects are
 * stored: `NewRule` keeps verbs, groups, resources, names and URLs as sorted, de-duplicated sets,
 * `NewClusterBinding`/`NewRoleBinding` give User and Group subjects the RBAC API group and
 * ServiceAccount subjects none, and every bootstrap object carries the `rbac-defaults` label and
 * the autoupdate annotation (bootstrappolicy.addDefaultMetadata).
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';

export const Write = ['create', 'update', 'patch', 'delete', 'deletecollection'];
export const ReadWrite = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
export const Read = ['get', 'list', 'watch'];
export const ReadUpdate = ['get', 'list', 'watch', 'update', 'patch'];

/** `sets.NewString(...).List()`: sorted by byte order, duplicates dropped. */
const set = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** `NewRule(verbs...).Groups(groups...).Resources(resources...)[.Names(names...)]`. */
export function rule(verbs: string[], groups: string[], resources: string[], names?: string[]): PolicyRule {
  return { verbs: set(verbs), apiGroups: set(groups), resources: set(resources), ...(names ? { resourceNames: set(names) } : {}) };
}

/** `NewRule(verbs...).URLs(urls...)`. */
export function urlRule(verbs: string[], urls: string[]): PolicyRule {
  return { verbs: set(verbs), nonResourceURLs: set(urls) };
}

/** controller_policy.go `eventsRule()`: what every controller needs to record events. */
export const eventsRule = (): PolicyRule => rule(['create', 'update', 'patch'], ['', 'events.k8s.io'], ['events']);

export const userSubject = (name: string): Subject => ({ apiGroup: RBAC_GROUP, kind: 'User', name });
export const groupSubject = (name: string): Subject => ({ apiGroup: RBAC_GROUP, kind: 'Group', name });
export const saSubject = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** A bootstrap ClusterRole; `labels` are its own (aggregate-to-*), `aggregateFrom` its aggregation rule's label. */
export function clusterRole(name: string, rules: PolicyRule[] | undefined, opts: { labels?: Record<string, string>; aggregateFrom?: string } = {}): ClusterRole {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRole',
    metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...opts.labels }, annotations: { ...AUTOUPDATE } },
    ...(opts.aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [opts.aggregateFrom]: 'true' } }] } } : {}),
    ...(rules ? { rules } : {}),
  };
}

/** `NewClusterBinding(roleName)`: the binding is named after the role it grants. */
export function clusterBinding(roleName: string, subjects: Subject[] | undefined): ClusterRoleBinding {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: { name: roleName, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
    ...(subjects ? { subjects } : {}),
  };
}

export function namespacedRole(namespace: string, name: string, rules: PolicyRule[]): Role {
  return { apiVersion: RBAC_API_VERSION, kind: 'Role', metadata: { name, namespace, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } }, rules };
}

/** `NewRoleBinding(roleName, namespace)`, optionally under another name (the `system::` bindings). */
export function namespacedBinding(namespace: string, roleName: string, subjects: Subject[], bindingName = roleName): RoleBinding {
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'RoleBinding',
    metadata: { name: bindingName, namespace, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: roleName },
    subjects,
  };
}
