/**
 * The RBAC objects `kubeadm init` creates through the API (cmd/kubeadm/app/phases): the
 * admin.conf group binding (kubeconfig), the bootstrap-token bindings and `kubeadm:get-nodes`
 * (bootstraptoken/node), kube-public's cluster-info reader for anonymous joiners
 * (bootstraptoken/clusterinfo), the kubelet-config and kubeadm-config readers (kubelet,
 * uploadconfig), kube-proxy's ConfigMap reader and binding (addons/proxy), and CoreDNS's
 * ClusterRole and binding (addons/dns manifests). kubeadm sends User and Group subjects without
 * an apiGroup; they are written here as the API server stores them after defaulting
 * (rbac/v1 SetDefaults_Subject fills in rbac.authorization.k8s.io). No bootstrap labels:
 * these are kubeadm's, not the API server's. kubeadm makes them within seconds of the API server
 * answering; the simulation stores them with the API server's start-up objects (same second),
 * which also lets `admin()` work on any bare ApiServer.
 */
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { groupSubject, RBAC_API_VERSION, RBAC_GROUP, rule, saSubject, userSubject } from './policyBuilders';

/** kubeadm's `NodeBootstrapTokenAuthGroup`: what a `kubeadm join` token authenticates as. */
const BOOTSTRAPPERS = 'system:bootstrappers:kubeadm:default-node-token';
const NODES = 'system:nodes';

export interface KubeadmRbacObject {
  resource: 'clusterroles.rbac.authorization.k8s.io' | 'clusterrolebindings.rbac.authorization.k8s.io' | 'roles.rbac.authorization.k8s.io' | 'rolebindings.rbac.authorization.k8s.io';
  namespace?: string;
  object: ClusterRole | ClusterRoleBinding | Role | RoleBinding;
}

const clusterBinding = (name: string, roleName: string, subjects: Subject[]): KubeadmRbacObject => ({
  resource: 'clusterrolebindings.rbac.authorization.k8s.io',
  object: { apiVersion: RBAC_API_VERSION, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName }, subjects },
});

/** A Role reading one ConfigMap by name, and its RoleBinding of the same name. */
function configMapReader(namespace: string, name: string, configMap: string, subjects: Subject[]): KubeadmRbacObject[] {
  return [
    { resource: 'roles.rbac.authorization.k8s.io', namespace, object: { apiVersion: RBAC_API_VERSION, kind: 'Role', metadata: { name, namespace }, rules: [rule(['get'], [''], ['configmaps'], [configMap])] } },
    {
      resource: 'rolebindings.rbac.authorization.k8s.io',
      namespace,
      object: { apiVersion: RBAC_API_VERSION, kind: 'RoleBinding', metadata: { name, namespace }, roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name }, subjects },
    },
  ];
}

/** In the order `kubeadm init` runs its phases. */
export function kubeadmRbacObjects(): KubeadmRbacObject[] {
  return [
    // kubeconfig: admin.conf's user is in kubeadm:cluster-admins (made with super-admin.conf)
    clusterBinding('kubeadm:cluster-admins', 'cluster-admin', [groupSubject('kubeadm:cluster-admins')]),
    // upload-config phase
    ...configMapReader('kube-system', 'kubeadm:nodes-kubeadm-config', 'kubeadm-config', [groupSubject(BOOTSTRAPPERS), groupSubject(NODES)]),
    ...configMapReader('kube-system', 'kubeadm:kubelet-config', 'kubelet-config', [groupSubject(NODES), groupSubject(BOOTSTRAPPERS)]),
    // bootstrap-token phase
    { resource: 'clusterroles.rbac.authorization.k8s.io', object: { apiVersion: RBAC_API_VERSION, kind: 'ClusterRole', metadata: { name: 'kubeadm:get-nodes' }, rules: [rule(['get'], [''], ['nodes'])] } },
    clusterBinding('kubeadm:get-nodes', 'kubeadm:get-nodes', [groupSubject(BOOTSTRAPPERS)]),
    clusterBinding('kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', [groupSubject(BOOTSTRAPPERS)]),
    clusterBinding('kubeadm:node-autoapprove-bootstrap', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', [groupSubject(BOOTSTRAPPERS)]),
    clusterBinding('kubeadm:node-autoapprove-certificate-rotation', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [groupSubject(NODES)]),
    ...configMapReader('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', 'cluster-info', [userSubject('system:anonymous')]),
    // addon/coredns
    {
      resource: 'clusterroles.rbac.authorization.k8s.io',
      object: {
        apiVersion: RBAC_API_VERSION,
        kind: 'ClusterRole',
        metadata: { name: 'system:coredns' },
        // the manifest's own order, not NewRule's sorted one
        rules: [
          { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
          { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
        ],
      },
    },
    clusterBinding('system:coredns', 'system:coredns', [saSubject('kube-system', 'coredns')]),
    // addon/kube-proxy
    clusterBinding('kubeadm:node-proxier', 'system:node-proxier', [saSubject('kube-system', 'kube-proxy')]),
    ...configMapReader('kube-system', 'kube-proxy', 'kube-proxy', [groupSubject(BOOTSTRAPPERS)]),
  ];
}
