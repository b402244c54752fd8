/**
 * rbac/v1 defaulting (pkg/apis/rbac/v1/defaults.go) for RoleBindings and ClusterRoleBindings:
 * an empty `roleRef.apiGroup` becomes rbac.authorization.k8s.io, and so does the `apiGroup` of
 * User and Group subjects (ServiceAccount subjects keep none). kubeadm and hand-written
 * manifests rely on it; `kubectl get -o yaml` shows the defaulted values.
 */
import type { RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../types';
import { RBAC_GROUP } from './policyBuilders';

export function defaultBinding(obj: KubeObject): void {
  const b = obj as unknown as RoleBinding;
  if (b.roleRef && !b.roleRef.apiGroup) b.roleRef = { ...b.roleRef, apiGroup: RBAC_GROUP };
  if (b.subjects?.some(needsGroup)) b.subjects = b.subjects.map((s) => (needsGroup(s) ? { ...s, apiGroup: RBAC_GROUP } : s));
}

const needsGroup = (s: Subject): boolean => !s.apiGroup && (s.kind === 'User' || s.kind === 'Group');
