import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';

// The kinds that used to fall back to a YAML dump: DaemonSet, ServiceAccount and the RBAC kinds,
// read through the real verb from the bootstrapped kubeadm cluster.
describe('kubectl describe: daemonset, serviceaccount, rbac', () => {
  it('prints kubectl layouts for the kubeadm objects', async () => {
    const { s } = kubectlSession();
    const out = transcript(s, [
      'kubectl describe ds kube-proxy -n kube-system',
      'kubectl describe sa default',
      'kubectl describe serviceaccounts -n kube-system coredns',
      'kubectl describe clusterrole view | head -12',
      'kubectl describe clusterrolebinding cluster-admin',
    ]);
    expect(out).not.toContain('apiVersion:');
    await expect(out).toMatchFileSnapshot('../__golden__/describe-kinds.txt');
  });
});
