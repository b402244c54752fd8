import { describe, expect, it } from 'vitest';
import { Simulation, type SimulationSnapshot } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';

const SCRIPT = "for i in 1 2 3; do wget -qO /dev/null http://web && echo got $i; sleep 2; done; echo done; exit 3";

function cluster() {
  const sim = new Simulation({ seed: 'main-commands-snapshot' });
  const s = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  s.execute('kubectl create deployment web --image=nginx --replicas=2');
  s.execute('kubectl expose deployment web --port=80');
  s.execute('kubectl rollout status deployment/web');
  s.execute(`kubectl run probe --image=busybox:1.36 --restart=Never -- sh -c '${SCRIPT}'`);
  s.execute('kubectl wait --for=condition=Ready pod/probe');
  return { sim, s };
}

/** What the cluster shows of the run once it is over: logs, state, and the requests the web pods served. */
function outcome(sim: Simulation, s: ReturnType<typeof cluster>['s']) {
  sim.advance(15_000);
  const out = (line: string) => s.execute(line).output;
  return {
    logs: out('kubectl logs probe'),
    state: out('kubectl get pod probe -o jsonpath={.status.containerStatuses[0].state}'),
    served: out('kubectl logs -l app=web --prefix').split('\n').filter((l) => l.includes('GET /')).length,
  };
}

describe('a main-process command running when the cluster is snapshotted', () => {
  function midRun() {
    const { sim, s } = cluster();
    sim.advance(3_000);
    const logged = s.execute('kubectl logs probe').output;
    return { sim, s, logged, snap: sim.snapshot() };
  }

  it('is half done at the snapshot (the test looks at a real mid-run moment)', () => {
    const { logged } = midRun();
    expect(logged).toBe('got 1\ngot 2\n');
  });

  it('resumes after a restore in place (rewind): same logs, exit code and time, no request made twice', () => {
    const { sim, s, snap } = midRun();
    const straight = outcome(sim, s);
    expect(straight.logs).toBe('got 1\ngot 2\ngot 3\ndone\n');
    expect(straight.served).toBe(3);
    sim.restore(JSON.parse(JSON.stringify(snap)) as SimulationSnapshot);
    expect(outcome(sim, s)).toEqual(straight);
  });

  it('resumes in a fresh Simulation restored from the snapshot (a shared snapshot opened elsewhere)', () => {
    const { sim, s, snap } = midRun();
    const straight = outcome(sim, s);
    const other = new Simulation({ seed: 'main-commands-snapshot' });
    const s2 = createLearnerSession(other, { advance: (ms) => other.advance(ms) });
    other.restore(JSON.parse(JSON.stringify(snap)) as SimulationSnapshot);
    expect(outcome(other, s2)).toEqual(straight);
  });
});
