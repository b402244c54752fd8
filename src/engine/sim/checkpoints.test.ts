import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../cluster';
import { Checkpoints } from './checkpoints';
import { Simulation } from './Simulation';

function cluster(seed = 'rewind') {
  const sim = new Simulation({ seed });
  const shell = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  const run = (line: string) => shell.execute(line).output;
  return { sim, run };
}

const AFTER = ['kubectl scale deployment web --replicas=3', 'sleep 20', 'kubectl get pods -o wide', 'kubectl get endpointslices', 'kubectl create deployment api --image=kuard', 'sleep 5', 'kubectl get all -o wide'];

describe('checkpoints', () => {
  it('a rewind gives back exactly the snapshot taken, with the clock paused there', () => {
    const { sim, run } = cluster();
    run('kubectl create deployment web --image=nginx --replicas=2');
    run('sleep 10');
    const cps = new Checkpoints(sim);
    const expected = sim.snapshot();
    const cp = cps.take('kubectl delete deployment web', undefined);
    expect(cp).toEqual({ id: 1, at: expected.clock.now, label: 'kubectl delete deployment web' });
    run('kubectl delete deployment web');
    run('sleep 30');
    expect(run('kubectl get deploy')).toBe('No resources found in default namespace.\n');

    sim.clock.speed = 5;
    cps.rewind(cp.id);
    expect(sim.snapshot()).toEqual({ ...expected, clock: { ...expected.clock, paused: true, speed: 5 } });
    expect(sim.clock.paused).toBe(true);
    expect(run('kubectl get deploy web -o name')).toBe('deployment.apps/web\n');
  });

  it('after a rewind the cluster does what it did: the same commands print the same', () => {
    const { sim, run } = cluster();
    run('kubectl create deployment web --image=nginx --replicas=2');
    run('sleep 10');
    const cps = new Checkpoints(sim);
    const cp = cps.take('kubectl scale deployment web --replicas=3', undefined);
    const first = AFTER.map(run);
    cps.rewind(cp.id);
    sim.clock.paused = false;
    expect(AFTER.map(run)).toEqual(first);
    // And again from the same checkpoint: a rewind never changes what it holds.
    cps.rewind(cp.id);
    sim.clock.paused = false;
    expect(AFTER.map(run)).toEqual(first);
  });

  it('lists newest first, keeps the last `limit`, and a rewind drops the ones after it', () => {
    const { sim, run } = cluster();
    const cps = new Checkpoints<string>(sim, 3);
    for (const n of [1, 2, 3, 4]) {
      cps.take(`step ${n}`, `mark ${n}`);
      run('sleep 1');
    }
    expect(cps.list().map((c) => c.label)).toEqual(['step 4', 'step 3', 'step 2']);
    expect(() => cps.rewind(1)).toThrow('no checkpoint 1: it was dropped or never taken');
    expect(cps.rewind(3)).toMatchObject({ id: 3, label: 'step 3', meta: 'mark 3' });
    expect(cps.list().map((c) => c.id)).toEqual([3, 2]);
    expect(cps.take('step 5', 'mark 5').id).toBe(5);
    expect(cps.list().map((c) => c.label)).toEqual(['step 5', 'step 3', 'step 2']);
    cps.clear();
    expect(cps.list()).toEqual([]);
  });

  it('drops the oldest past the size budget, but always keeps the newest', () => {
    const { sim, run } = cluster();
    const size = new Checkpoints(sim).capture().json.length;
    const cps = new Checkpoints(sim, 30, size * 2.5);
    for (const n of [1, 2, 3, 4]) {
      cps.take(`step ${n}`, undefined);
      run('sleep 1');
    }
    expect(cps.list().map((c) => c.label)).toEqual(['step 4', 'step 3']);
    const tiny = new Checkpoints(sim, 30, 1);
    tiny.take('a', undefined);
    tiny.take('b', undefined);
    expect(tiny.list().map((c) => c.label)).toEqual(['b']);
  });

  it('a capture is kept only when asked, at the time it was made', () => {
    const { sim, run } = cluster();
    const cps = new Checkpoints(sim);
    const captured = cps.capture();
    run('sleep 7');
    expect(cps.list()).toEqual([]);
    expect(cps.keep(captured, 'cat <<EOF\nx\nEOF', undefined).at).toBe(sim.clock.now() - 7_000);
    expect(cps.snapshotOf(1).clock.now).toBe(captured.at);
  });

  it('refuses a limit that would keep nothing', () => {
    expect(() => new Checkpoints(new Simulation({ seed: 'x' }), 0)).toThrow('checkpoints: limit must be a whole number of at least 1, got 0');
  });

  it('a kubectl get -w left running ends quietly, status 0, when a rewind replaces the API server', () => {
    const sim = new Simulation({ seed: 'rewind-watch' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    shell.execute('kubectl create deployment web --image=nginx');
    const cp = cps.take('kubectl scale deployment web --replicas=2', undefined);
    const watching = shell.execute('kubectl get deploy -w');
    expect(watching.running).toBe(true);
    expect(watching.output).toMatch(/^NAME +READY/);
    sim.advance(5_000);
    expect(shell.poll().running).toBe(true);
    cps.rewind(cp.id);
    const after = shell.poll();
    expect(after).toMatchObject({ output: '', exitCode: 0 });
    expect(after.running).toBeFalsy();
    expect(shell.execute('kubectl get deploy web -o name').output).toBe('deployment.apps/web\n');
  });
});
