import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

/** The seed chapters' workload commands, typed verbatim (shared/seeds/*.txt). */
describe('seed chapters, verbatim', () => {
  it('Kubernetes Up & Running: alpaca-prod created, scaled, exposed (golden)', async () => {
    const rig = workloadRig();
    const t = rig.transcript([
      'kubectl create deployment alpaca-prod \\',
      '  --image=gcr.io/kuar-demo/kuard-amd64:blue \\',
      '  --port=8080',
      'kubectl scale deployment alpaca-prod --replicas 3',
      'kubectl expose deployment alpaca-prod',
      'kubectl rollout status deployment alpaca-prod',
    ]);
    await expect(t).toMatchFileSnapshot('./__golden__/seed-alpaca.txt');
  });

  it('LFS258: expose deployment/nginx --port=80 --type=NodePort, then busybox exec (golden)', async () => {
    const rig = workloadRig();
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'busybox' }, spec: { containers: [{ name: 'busybox', image: 'busybox', command: ['sleep', '3600'] }] } });
    const t = rig.transcript([
      'kubectl create deployment nginx --image=nginx',
      'kubectl expose deployment/nginx --port=80 --type=NodePort',
      'kubectl wait --for=condition=Ready pod/busybox',
      'kubectl exec -ti busybox -- nslookup nginx',
      'kubectl exec busybox cat /etc/resolv.conf',
    ]);
    await expect(t).toMatchFileSnapshot('./__golden__/seed-nginx-busybox.txt');
  });

  it('DNS troubleshooting: logs of a coredns pod and run -it dnsutils (golden)', async () => {
    const rig = workloadRig();
    const pods = rig.sim.api.admin().list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items.map((p) => p.metadata.name!);
    const t = rig.transcript([`kubectl logs ${pods[0]!} -n kube-system`, ' kubectl run -it dnsutils --image gcr.io/kubernetes-e2e-test-images/dnsutils:1.3', 'cat /etc/resolv.conf', 'exit']);
    await expect(t).toMatchFileSnapshot('./__golden__/seed-dns.txt');
  });

  it('sd-example: exec -it jump --namespace dev -- bash lands at root@jump:/#', () => {
    const rig = workloadRig();
    const admin = rig.sim.api.admin();
    admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    admin.create('pods', 'dev', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'jump', namespace: 'dev' }, spec: { containers: [{ name: 'jump', image: 'ubuntu', tty: true, stdin: true }] } });
    rig.run('kubectl wait --for=condition=Ready pod/jump -n dev');
    // The chapter's typo, verbatim: pflag rejects the flag before anything runs.
    expect(rig.run('kubectl exec -t jump --namespace dev --bash')).toBe("error: unknown flag: --bash\nSee 'kubectl exec --help' for usage.\n");
    expect(rig.run('kubectl exec -it jump --namespace dev -- bash')).toBe('');
    expect(rig.shell.prompt()).toBe('root@jump:/# ');
  });
});
