import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../../cluster';
import { Checkpoints } from '../../sim/checkpoints';
import { Simulation } from '../../sim/Simulation';
import { deploymentStatus } from './rollout/rolloutStatus';
import { workloadRig } from './testing/harness';

const rigFor = () => workloadRig();

describe('kubectl rollout', () => {
  it('follows a deployment through create, set image, undo, pause/resume and restart (golden)', async () => {
    const rig = rigFor();
    const t = rig.transcript([
      'kubectl create deployment alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --replicas=3',
      'kubectl rollout status deployment alpaca-prod',
      'kubectl set image deployment/alpaca-prod kuard-amd64=gcr.io/kuar-demo/kuard-amd64:green',
      'kubectl rollout status deploy/alpaca-prod',
      'kubectl rollout history deployment alpaca-prod',
      'kubectl rollout history deployment alpaca-prod --revision=1',
      'kubectl rollout history deployment alpaca-prod --revision=9',
      'kubectl rollout undo deployment alpaca-prod --dry-run=client',
      'kubectl rollout undo deployment alpaca-prod',
      'kubectl rollout undo deployment alpaca-prod --to-revision=3',
      'kubectl rollout undo deployment alpaca-prod --to-revision=7',
      'kubectl rollout pause deployment alpaca-prod',
      'kubectl rollout pause deployment alpaca-prod',
      'kubectl rollout restart deployment alpaca-prod',
      'kubectl rollout undo deployment alpaca-prod',
      'kubectl rollout resume deployment alpaca-prod',
      'kubectl rollout resume deployment alpaca-prod',
      'kubectl rollout restart deployment alpaca-prod',
      'kubectl rollout status deployment alpaca-prod --watch=false',
      'kubectl rollout status deployment alpaca-prod',
      'kubectl rollout history deployment alpaca-prod',
      'kubectl rollout status pod/nope',
      'kubectl rollout status deployment nope',
    ]);
    await expect(t).toMatchFileSnapshot('./__golden__/rollout.txt');
  });

  it('restart stamps the restartedAt annotation with the virtual time', () => {
    const rig = rigFor();
    rig.run('kubectl create deployment web --image=nginx');
    rig.sim.advance(90_000);
    expect(rig.run('kubectl rollout restart deploy web')).toBe('deployment.apps/web restarted\n');
    const d = rig.sim.api.admin().get('deployments.apps', 'default', 'web') as unknown as { spec: { template: { metadata: { annotations: Record<string, string> } } } };
    expect(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2026-01-15T09:01:30Z');
  });

  it('status --timeout gives up on a rollout that cannot finish', () => {
    const rig = rigFor();
    rig.run('kubectl create deployment broken --image=nginx');
    rig.run('kubectl rollout pause deployment broken');
    rig.run('kubectl set image deployment/broken nginx=nginx:1.27');
    const out = rig.run('kubectl rollout status deployment broken --timeout=20s');
    expect(out.endsWith('error: timed out waiting for the condition\n')).toBe(true);
    expect(rig.shell.lastExitCode).toBe(1);
  });

  it.each([
    [{ generation: 2, observed: 1 }, 'Waiting for deployment spec update to be observed...\n'],
    [{ generation: 1, observed: 1, replicas: 3, updated: 1, total: 3, available: 0 }, 'Waiting for deployment "d" rollout to finish: 1 out of 3 new replicas have been updated...\n'],
    [{ generation: 1, observed: 1, replicas: 3, updated: 3, total: 4, available: 3 }, 'Waiting for deployment "d" rollout to finish: 1 old replicas are pending termination...\n'],
    [{ generation: 1, observed: 1, replicas: 3, updated: 3, total: 3, available: 2 }, 'Waiting for deployment "d" rollout to finish: 2 of 3 updated replicas are available...\n'],
    [{ generation: 1, observed: 1, replicas: 3, updated: 3, total: 3, available: 3 }, 'deployment "d" successfully rolled out\n'],
  ] as [{ generation: number; observed: number; replicas?: number; updated?: number; total?: number; available?: number }, string][])('status viewer %j', (s, expected) => {
    const d = {
      metadata: { name: 'd', generation: s.generation },
      spec: { replicas: s.replicas ?? 1 },
      status: { observedGeneration: s.observed, updatedReplicas: s.updated, replicas: s.total, availableReplicas: s.available },
    };
    const r = deploymentStatus(d as unknown as Deployment);
    expect('message' in r ? r.message : r.error).toBe(expected);
  });

  it('reports an exceeded progress deadline as an error', () => {
    const d = { metadata: { name: 'd', generation: 1 }, spec: { replicas: 1 }, status: { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] } };
    expect(deploymentStatus(d as unknown as Deployment)).toEqual({ error: 'deployment "d" exceeded its progress deadline' });
  });
});

describe('kubectl rollout status on the command line', () => {
  it('stops moving the clock when a paused rollout has nothing new to report', () => {
    const rig = workloadRig();
    rig.run('kubectl create deployment web --image=nginx');
    rig.sim.runUntilSettled();
    rig.run('kubectl rollout pause deployment web');
    rig.run('kubectl set image deployment/web nginx=nginx:1.27');
    const start = rig.sim.clock.now();
    const r = rig.shell.execute('kubectl rollout status deployment web');
    expect(r.running).toBe(true);
    expect(r.output).toBe('Waiting for deployment "web" rollout to finish: 0 out of 1 new replicas have been updated...\n');
    expect(rig.sim.clock.now() - start).toBeLessThanOrEqual(11 * 60_000);
    expect(rig.shell.interrupt().output).toBe('^C\n');
  });
});

describe('kubectl rollout status across a rewind', () => {
  // The page's clock: jobs keep running, the test moves time and polls, as the browser does.
  function rewindRig() {
    const sim = new Simulation({ seed: 'rollout-rewind' });
    const shell = createLearnerSession(sim);
    return { sim, shell, cps: new Checkpoints(sim) };
  }

  it('lists again on the restored server and goes on with the rollout there', () => {
    const { sim, shell, cps } = rewindRig();
    shell.execute('kubectl create deployment web --image=nginx --replicas=2');
    const cp = cps.take('kubectl rollout status deployment web', undefined);
    const watching = shell.execute('kubectl rollout status deployment web');
    expect(watching.running).toBe(true);
    const waiting = watching.output;
    expect(waiting).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    sim.advance(1_000);
    shell.poll();
    cps.rewind(cp.id);
    sim.clock.paused = false;
    // The informer's re-list reports the object as it is on the new server: its status again.
    const relisted = shell.poll();
    expect(relisted.running).toBe(true);
    expect(relisted.output).toBe(waiting);
    sim.advance(60_000);
    const done = shell.poll();
    expect(done.output.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(done).toMatchObject({ exitCode: 0 });
    expect(done.running).toBeFalsy();
  });

  it('ends as deleted when the restored server has no such Deployment', () => {
    const { sim, shell, cps } = rewindRig();
    const cp = cps.take('kubectl create deployment web --image=nginx', undefined);
    shell.execute('kubectl create deployment web --image=nginx --replicas=2');
    expect(shell.execute('kubectl rollout status deployment web').running).toBe(true);
    cps.rewind(cp.id);
    sim.clock.paused = false;
    const after = shell.poll();
    expect(after).toMatchObject({ output: 'error: object has been deleted\n', exitCode: 1 });
    expect(after.running).toBeFalsy();
  });

  it('keeps trying when the restored server refuses the list, as a reflector retries', () => {
    const { sim, shell, cps } = rewindRig();
    shell.execute('kubectl create deployment web --image=nginx --replicas=2');
    const cp = cps.take('kubectl create rolebinding jane-view --clusterrole=view --user=jane', undefined);
    shell.execute('kubectl create rolebinding jane-view --clusterrole=view --user=jane');
    expect(shell.execute('kubectl rollout status deployment web --as=jane').running).toBe(true);
    cps.rewind(cp.id);
    sim.clock.paused = false;
    expect(shell.poll()).toMatchObject({ output: '', running: true });
    sim.advance(5_000);
    expect(shell.poll()).toMatchObject({ output: '', running: true });
    expect(shell.interrupt().output).toBe('^C\n');
  });
});
