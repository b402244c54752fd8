import { describe, expect, it } from 'vitest';
import { rfc3339Nano } from './logs';
import { workloadRig } from './testing/harness';

describe('kubectl logs', () => {
  it('seed: logs of a CoreDNS pod in kube-system (golden)', async () => {
    const rig = workloadRig();
    const pod = (rig.sim.api.admin().list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items[0]!).metadata.name!;
    await expect(rig.transcript([`kubectl logs ${pod} -n kube-system`, `kubectl logs ${pod} -n kube-system --tail=2 --timestamps`, 'kubectl logs deploy/coredns -n kube-system --tail=1'])).toMatchFileSnapshot('./__golden__/logs-coredns.txt');
  });

  it('errors come back as the kubelet words them', () => {
    const rig = workloadRig();
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two', labels: { app: 'two' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sh', '-c', 'echo hello from b; sleep 3600'] }] } });
    expect(rig.run('kubectl logs two -c b')).toBe('');
    rig.sim.drain();
    expect(rig.run('kubectl logs two -c b')).toBe('Error from server (BadRequest): container "b" in pod "two" is waiting to start: ContainerCreating\n');
    rig.sim.runUntilSettled();
    expect(rig.transcript(['kubectl logs two -c b', 'kubectl logs two -c nope', 'kubectl logs two -c b --previous', 'kubectl logs nope', 'kubectl logs', 'kubectl logs -l app=two --all-containers --prefix --tail=1'])).toBe(`controlplane:~$ kubectl logs two -c b
hello from b
controlplane:~$ kubectl logs two -c nope
Error from server (BadRequest): container nope is not valid for pod two
controlplane:~$ kubectl logs two -c b --previous
Error from server (BadRequest): previous terminated container "b" in pod "two" not found
controlplane:~$ kubectl logs nope
Error from server (NotFound): pods "nope" not found
controlplane:~$ kubectl logs
error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples
controlplane:~$ kubectl logs -l app=two --all-containers --prefix --tail=1
[pod/two/a] 2026/01/15 09:00:02 [notice] 1#1: start worker process 30
[pod/two/b] hello from b
`);
    expect(rig.run('kubectl logs two b')).toBe('hello from b\n');
    expect(rig.run('kubectl logs two').startsWith('Defaulted container "a" out of: a, b\n')).toBe(true);
  });

  it('-f follows new lines as the virtual clock moves, until Ctrl+C', () => {
    const rig = workloadRig({}, { timeFlows: true });
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ticker' }, spec: { containers: [{ name: 't', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 10; done'] }] } });
    rig.sim.runUntilSettled();
    const before = rig.run('kubectl logs ticker').split('\n').filter(Boolean).length;
    const shell = rig.shell;
    const first = shell.execute('kubectl logs -f ticker');
    expect(first.running).toBe(true);
    expect(first.output.split('\n').filter(Boolean).length).toBe(before);
    rig.sim.advance(30_000);
    const more = shell.poll();
    expect(more.output).toBe('tick\ntick\ntick\n');
    expect(shell.interrupt().output).toBe('^C\n');
  });

  it('-f piped into grep: matching lines show as they are logged, until Ctrl+C', () => {
    const rig = workloadRig({}, { timeFlows: true });
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ticker' }, spec: { containers: [{ name: 't', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; echo tock; sleep 10; done'] }] } });
    rig.sim.runUntilSettled();
    const first = rig.shell.execute('kubectl logs -f ticker | grep tock');
    expect(first.running).toBe(true);
    const before = first.output.split('\n').filter(Boolean);
    expect(before.every((l) => l === 'tock')).toBe(true);
    rig.sim.advance(30_000);
    expect(rig.shell.poll().output).toBe('tock\ntock\ntock\n');
    expect(rig.shell.interrupt().output).toBe('^C\n');
  });

  it.each([
    [Date.UTC(2026, 0, 15, 9, 0, 0), '2026-01-15T09:00:00Z'],
    [Date.UTC(2026, 0, 15, 9, 0, 0, 500), '2026-01-15T09:00:00.5Z'],
    [Date.UTC(2026, 0, 15, 9, 0, 0, 123), '2026-01-15T09:00:00.123Z'],
  ])('RFC3339Nano %i', (ms, s) => expect(rfc3339Nano(ms)).toBe(s));
});
