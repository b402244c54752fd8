import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../../cluster';
import { Checkpoints } from '../../sim/checkpoints';
import { Simulation } from '../../sim/Simulation';
import { workloadRig } from './testing/harness';

describe('kubectl wait', () => {
  it('waits on the virtual clock for Ready, Available and deletion', () => {
    const rig = workloadRig();
    const start = rig.sim.clock.now();
    expect(rig.transcript(['kubectl run web --image=nginx', 'kubectl wait --for=condition=Ready pod/web', 'kubectl create deployment api --image=nginx --replicas=2', 'kubectl wait --for=condition=available deployment/api --timeout=2m', 'kubectl wait --for=condition=Ready pod -l app=api'])).toMatch(
      /^controlplane:~\$ kubectl run web --image=nginx\npod\/web created\ncontrolplane:~\$ kubectl wait --for=condition=Ready pod\/web\npod\/web condition met\ncontrolplane:~\$ kubectl create deployment api --image=nginx --replicas=2\ndeployment.apps\/api created\ncontrolplane:~\$ kubectl wait --for=condition=available deployment\/api --timeout=2m\ndeployment.apps\/api condition met\ncontrolplane:~\$ kubectl wait --for=condition=Ready pod -l app=api\npod\/api-[a-z0-9]+-[a-z0-9]{5} condition met\npod\/api-[a-z0-9]+-[a-z0-9]{5} condition met\n$/,
    );
    expect(rig.sim.clock.now()).toBeGreaterThan(start);
    rig.sim.api.admin().delete('pods', 'default', 'web');
    expect(rig.run('kubectl wait --for=delete pod/web --timeout=60s')).toBe('pod/web condition met\n');
    expect(rig.sim.api.admin().tryGet('pods', 'default', 'web')).toBeUndefined();
  });

  it.each([
    ['kubectl wait --for=condition=Ready pod/nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl wait pod/x', 'error: --for must be specified\n'],
    ['kubectl wait --for=ready pod/x', 'error: unrecognized condition: "ready"\n'],
    ['kubectl wait --for=condition=Ready pod -l app=none', 'error: no matching resources found\n'],
  ])('%s', (line, expected) => expect(workloadRig().run(line)).toBe(expected));

  it('times out with the resource named', () => {
    const rig = workloadRig();
    rig.run('kubectl run stuck --image=nginx --restart=Never -- false');
    expect(rig.run('kubectl wait --for=condition=Ready pod/stuck --timeout=10s')).toBe('error: timed out waiting for the condition on pods/stuck\n');
    expect(rig.shell.lastExitCode).toBe(1);
  });

  it('goes on against the restored server after a rewind, as its informer re-lists', () => {
    const sim = new Simulation({ seed: 'wait-rewind' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    shell.execute('kubectl create deployment web --image=nginx --replicas=2');
    const cp = cps.take('kubectl wait --for=condition=available deployment/web --timeout=5m', undefined);
    expect(shell.execute('kubectl wait --for=condition=available deployment/web --timeout=5m').running).toBe(true);
    cps.rewind(cp.id);
    sim.clock.paused = false;
    expect(shell.poll().running).toBe(true);
    sim.advance(60_000);
    expect(shell.poll()).toMatchObject({ output: 'deployment.apps/web condition met\n', exitCode: 0 });
  });

  it('keeps waiting, then times out, when the restored server has no such object', () => {
    const sim = new Simulation({ seed: 'wait-rewind-gone' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    const cp = cps.take('kubectl create deployment web --image=nginx', undefined);
    shell.execute('kubectl create deployment web --image=nginx --replicas=2');
    sim.clock.paused = true;
    expect(shell.execute('kubectl wait --for=condition=Stuck deployment/web --timeout=30s').running).toBe(true);
    sim.clock.paused = false;
    sim.advance(20_000);
    shell.poll();
    cps.rewind(cp.id);
    sim.clock.paused = false;
    expect(shell.poll().running).toBe(true);
    // kubectl's timeout runs on its own clock: the 20 s waited before the rewind still count.
    sim.advance(9_000);
    expect(shell.poll().running).toBe(true);
    sim.advance(1_000);
    expect(shell.poll()).toMatchObject({ output: 'error: timed out waiting for the condition on deployments/web\n', exitCode: 1 });
  });

  it('a restored server that refuses the user does not break the wait: it times out', () => {
    const sim = new Simulation({ seed: 'wait-rewind-rbac' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    shell.execute('kubectl create deployment web --image=nginx');
    const cp = cps.take('kubectl create rolebinding jane-view --clusterrole=view --user=jane', undefined);
    shell.execute('kubectl create rolebinding jane-view --clusterrole=view --user=jane');
    expect(shell.execute('kubectl wait --for=condition=Stuck deployment/web --as=jane --timeout=30s').running).toBe(true);
    cps.rewind(cp.id);
    expect(shell.poll().running).toBe(true);
    sim.clock.paused = false;
    sim.advance(40_000);
    expect(shell.poll()).toMatchObject({ output: 'error: timed out waiting for the condition on deployments/web\n', exitCode: 1 });
  });
});
