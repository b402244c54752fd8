/**
 * What kube-apiserver's `rbac/bootstrap-roles` post-start hook (pkg/registry/rbac/rest
 * storage_rbac.go EnsureRBACPolicy) creates in an empty cluster, in its order: the cluster roles
 * then the controllers' roles, the cluster role bindings then the controllers' bindings, then the
 * namespaced Roles and RoleBindings. The aggregated roles (admin, edit, view) are created without
 * rules; the clusterrole-aggregation controller fills them in. kubeadm's RBAC objects follow.
 */
import { deepFreeze } from '../../store/json';
import type { KubeObject } from '../types';
import { apiServerClusterRoleBindings, apiServerClusterRoles } from './clusterRolesPolicy';
import { controllerClusterRoleBindings, controllerClusterRoles } from './controllerPolicy';
import { kubeadmRbacObjects } from './kubeadmPolicy';
import { namespaceRoleBindings, namespaceRoles } from './namespacePolicy';

export interface BootstrapPolicyObject {
  resource: string;
  object: KubeObject;
}

let built: readonly BootstrapPolicyObject[] | undefined;

/**
 * Built once per process and deep-frozen: every ApiServer stores the objects with its own
 * metadata and shares the (frozen) rules, as the store shares unchanged subtrees between versions.
 */
export function bootstrapPolicyObjects(): readonly BootstrapPolicyObject[] {
  return (built ??= build().map((o) => ({ resource: o.resource, object: deepFreeze(o.object) })));
}

function build(): BootstrapPolicyObject[] {
  const of = (resource: string, objects: object[]) => objects.map((object) => ({ resource, object: object as KubeObject }));
  return [
    ...of('clusterroles.rbac.authorization.k8s.io', [...apiServerClusterRoles(), ...controllerClusterRoles()]),
    ...of('clusterrolebindings.rbac.authorization.k8s.io', [...apiServerClusterRoleBindings(), ...controllerClusterRoleBindings()]),
    ...of('roles.rbac.authorization.k8s.io', namespaceRoles()),
    ...of('rolebindings.rbac.authorization.k8s.io', namespaceRoleBindings()),
    ...kubeadmRbacObjects().map(({ resource, object }) => ({ resource, object: object as unknown as KubeObject })),
  ];
}
