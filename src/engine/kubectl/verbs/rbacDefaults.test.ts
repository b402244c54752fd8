import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';

/**
 * The default RBAC objects of a kubeadm 1.34 cluster as kubectl lists them (printers.go: roles
 * and cluster roles print CREATED AT, bindings ROLE and AGE, -o wide adds the subjects), and the
 * aggregated admin/edit/view as describe shows them.
 */
describe('kubectl on the default RBAC objects', () => {
  it('lists the cluster roles, bindings, Roles and RoleBindings a kubeadm cluster starts with', async () => {
    const { s } = kubectlSession();
    const out = transcript(s, [
      'kubectl get clusterroles',
      'kubectl get clusterrolebindings -o wide',
      'kubectl get roles -A',
      'kubectl get rolebindings -A -o wide',
      'kubectl describe clusterrole edit',
      'kubectl describe clusterrole system:coredns',
      'kubectl describe rolebinding kubeadm:nodes-kubeadm-config -n kube-system',
    ]);
    await expect(out).toMatchFileSnapshot('../__golden__/rbac-defaults.txt');
  });
});
