import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../../cluster';
import { Checkpoints } from '../../sim/checkpoints';
import { Simulation } from '../../sim/Simulation';

describe('kubectl delete --wait across a rewind', () => {
  it('polls the restored server, where the object is back, and times out on time already waited', () => {
    const sim = new Simulation({ seed: 'delete-rewind' });
    const shell = createLearnerSession(sim);
    const cps = new Checkpoints(sim);
    shell.execute(`kubectl run slow --image=busybox -- sleep 3600`);
    sim.advance(20_000);
    const cp = cps.take('kubectl delete pod slow --timeout=20s', undefined);
    sim.clock.paused = true;
    const deleting = shell.execute('kubectl delete pod slow --timeout=20s');
    expect(deleting.running).toBe(true);
    expect(deleting.output).toBe('pod "slow" deleted from default namespace\n');
    sim.clock.paused = false;
    sim.advance(10_000);
    expect(shell.poll().running).toBe(true);
    cps.rewind(cp.id);
    // The page polls its jobs while the rewound clock stands paused at the checkpoint.
    expect(shell.poll().running).toBe(true);
    sim.clock.paused = false;
    sim.advance(9_000);
    expect(shell.poll().running).toBe(true);
    sim.advance(1_000);
    expect(shell.poll()).toMatchObject({ output: 'error: timed out waiting for the condition on pods/slow\n', exitCode: 1 });
    expect(shell.execute('kubectl get pod slow -o name').output).toBe('pod/slow\n');
  });
});
