/**
 * The RBAC objects a fresh kubeadm cluster has: the default user-facing ClusterRoles
 * (`cluster-admin`, `admin`, `edit`, `view`, flattened from their aggregated rules for the
 * resources simulated here), the `cluster-admin` binding to `system:masters`, and kubeadm's
 * `kubeadm:cluster-admins` binding used by admin.conf.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const RO = ['get', 'list', 'watch'];

const bootstrapMeta = (name: string, aggregateTo?: string): ClusterRole['metadata'] => ({
  name,
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...(aggregateTo ? { [`rbac.authorization.k8s.io/aggregate-to-${aggregateTo}`]: 'true' } : {}) },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
});

const viewRules: PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'pods', 'pods/log', 'pods/status', 'services', 'services/status', 'serviceaccounts', 'events'], verbs: RO },
  { apiGroups: [''], resources: ['namespaces', 'namespaces/status'], verbs: RO },
  { apiGroups: ['apps'], resources: ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'replicasets', 'replicasets/status'], verbs: RO },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: RO },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: RO },
];

const editRules: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: RW },
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'services', 'services/proxy', 'serviceaccounts'], verbs: RW },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale'], verbs: RW },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: RW },
  ...viewRules,
];

const adminRules: PolicyRule[] = [
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: RW },
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  ...editRules,
];

export function bootstrapClusterRoles(): ClusterRole[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: bootstrapMeta('cluster-admin'),
      rules: [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { nonResourceURLs: ['*'], verbs: ['*'] },
      ],
    },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: bootstrapMeta('admin'), rules: adminRules },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: bootstrapMeta('edit', 'admin'), rules: editRules },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: bootstrapMeta('view', 'edit'), rules: viewRules },
  ];
}

export function bootstrapClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: bootstrapMeta('cluster-admin'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeadm:cluster-admins' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'kubeadm:cluster-admins' }],
    },
  ];
}
