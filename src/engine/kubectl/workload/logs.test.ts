import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../../cluster';
import { Checkpoints } from '../../sim/checkpoints';
import { Simulation } from '../../sim/Simulation';
import { rfc3339NanoFixed, subMillisecondNanos } from './logTimestamps';
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

  it('-f ends quietly, status 0, when a rewind replaces the API server its stream runs through', () => {
    const sim = new Simulation({ seed: 'logs-rewind' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    shell.execute(`kubectl run ticker --image=busybox -- sh -c 'while true; do echo tick; sleep 10; done'`);
    sim.advance(30_000);
    const cp = cps.take('kubectl logs -f ticker', undefined);
    expect(shell.execute('kubectl logs -f ticker').running).toBe(true);
    sim.advance(20_000);
    expect(shell.poll().output).toBe('tick\ntick\n');
    cps.rewind(cp.id);
    sim.clock.paused = false;
    const after = shell.poll();
    expect(after).toMatchObject({ output: '', exitCode: 0 });
    expect(after.running).toBeFalsy();
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
    [Date.UTC(2026, 0, 15, 9, 0, 0), 0, '2026-01-15T09:00:00.000000000Z'],
    [Date.UTC(2026, 0, 15, 9, 0, 0, 500), 0, '2026-01-15T09:00:00.500000000Z'],
    [Date.UTC(2026, 0, 15, 9, 0, 0, 123), 4_560, '2026-01-15T09:00:00.123004560Z'],
    [Date.UTC(2026, 0, 15, 9, 0, 0, 999), 999_999, '2026-01-15T09:00:00.999999999Z'],
  ])('RFC3339NanoFixed %i + %i ns', (ms, ns, s) => expect(rfc3339NanoFixed(ms, ns)).toBe(s));

  it('--timestamps: nine fraction digits; a line keeps its stamp across calls, --tail, --since and a snapshot restore', () => {
    const rig = workloadRig();
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'burst' }, spec: { containers: [{ name: 'b', image: 'busybox', command: ['sh', '-c', 'echo one; echo two; echo three; sleep 5; echo four; sleep 3600'] }] } });
    rig.sim.runUntilSettled();
    rig.sim.advance(10_000);
    const all = rig.run('kubectl logs burst --timestamps').split('\n').filter(Boolean);
    expect(all.map((l) => l.slice(31))).toEqual(['one', 'two', 'three', 'four']);
    for (const l of all) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    // One burst: the same millisecond, a few microseconds apart, in order.
    const stamps = all.map((l) => l.slice(0, 30));
    expect(stamps[0]!.slice(0, 23)).toBe(stamps[2]!.slice(0, 23));
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(rig.run('kubectl logs burst --timestamps').split('\n').filter(Boolean)).toEqual(all);
    expect(rig.run('kubectl logs burst --timestamps --tail=2')).toBe(`${all[2]}\n${all[3]}\n`);
    expect(rig.run('kubectl logs burst --timestamps --since=8s')).toBe(`${all[3]}\n`);
    // The kubelet seeks to the last --tail lines first, then drops those older than --since.
    expect(rig.run('kubectl logs burst --timestamps --tail=2 --since=8s')).toBe(`${all[3]}\n`);
    // --since-time goes out as whole seconds (RFC3339 query parameter); stamps are compared whole.
    const fourth = all[3]!.slice(0, 19);
    expect(rig.run(`kubectl logs burst --timestamps --since-time=${fourth}.999Z`)).toBe(`${all[3]}\n`);
    expect(rig.run(`kubectl logs burst --since-time=${fourth}+00:00`)).toBe('four\n');
    expect(rig.run('kubectl logs burst --since-time=2000-01-01T00:00:00Z --tail=1')).toBe('four\n');
    expect(rig.run('kubectl logs burst --since-time=2999-01-01T00:00:00Z')).toBe('');
    expect(rig.run('kubectl logs burst --since-time=2024-08-30T06:00:00')).toBe('error: parsing time "2024-08-30T06:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"\n');
    expect(rig.run('kubectl logs burst --since-time=2024-08-30T06:00:00Z --since=1h')).toBe('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n');
    expect(rig.run('kubectl logs burst --since=400ms')).toBe('The PodLogOptions "burst" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0\n');
    expect(rig.run('kubectl logs burst --since=-5s')).toBe('error: --since must be greater than 0\n');
    expect(rig.run('kubectl logs burst --tail=-2')).toBe('error: --tail must be greater than or equal to -1\n');
    expect(rig.run('kubectl logs burst b -c b')).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n');
    const restored = new Simulation({ seed: rig.sim.config.seed });
    restored.restore(rig.sim.snapshot());
    const again = createLearnerSession(restored).execute('kubectl logs burst --timestamps').output;
    expect(again.split('\n').filter(Boolean)).toEqual(all);
    const other = workloadRig({ seed: 'another-cluster' });
    other.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'burst' }, spec: { containers: [{ name: 'b', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 3600'] }] } });
    other.sim.runUntilSettled();
    expect(other.run('kubectl logs burst --timestamps').slice(23, 29)).not.toBe(all[0]!.slice(23, 29));
  });

  it('the sub-millisecond part: first line of a millisecond early in it, the next ones after it and never past it', () => {
    const src = { seed: 's', podUid: 'u', container: 'c' };
    const burst = Array.from({ length: 2_000 }, (_, i) => ({ at: 7, line: `l${i}` }));
    const ns = subMillisecondNanos(src, [{ at: 5, line: 'x' }, ...burst]);
    expect(ns[1]).toBeLessThan(600_000);
    for (let i = 2; i < ns.length; i++) {
      expect(ns[i]!).toBeGreaterThanOrEqual(ns[i - 1]!);
      expect(ns[i]!).toBeLessThan(1_000_000);
    }
    expect(ns[2]! - ns[1]!).toBeGreaterThanOrEqual(1_000);
    expect(subMillisecondNanos(src, burst.slice(0, 3))).toEqual(ns.slice(1, 4));
  });
});
