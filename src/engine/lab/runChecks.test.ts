import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../cluster';
import { Simulation } from '../sim/Simulation';
import { judge, runChecks } from './runChecks';

describe('judge', () => {
  it('expect: trimmed output equals, trailing spaces of each line ignored', () => {
    expect(judge({ run: 'x', expect: 'NodePort' }, 'NodePort\n', 0)).toBe(true);
    expect(judge({ run: 'x', expect: 'a\nb' }, 'a   \nb\n', 0)).toBe(true);
    expect(judge({ run: 'x', expect: 'NodePort' }, 'ClusterIP', 0)).toBe(false);
    // The output is judged, not the status: a check may expect an error message.
    expect(judge({ run: 'x', expect: 'gone' }, 'gone\n', 1)).toBe(true);
  });

  it('match: a regular expression found anywhere, ^ and $ at line ends', () => {
    expect(judge({ run: 'x', match: '^web-' }, 'NAME\nweb-1\n', 0)).toBe(true);
    expect(judge({ run: 'x', match: '^web-' }, 'NAME  web-1\n', 0)).toBe(false);
  });

  it('neither: the exit status must be 0', () => {
    expect(judge({ run: 'x' }, '', 0)).toBe(true);
    expect(judge({ run: 'x' }, '', 1)).toBe(false);
  });
});

describe('runChecks', () => {
  it('runs each check in a hidden shell against the live cluster, the learner session untouched', () => {
    const sim = new Simulation({});
    const learner = createLearnerSession(sim);
    learner.execute('cd /tmp && X=1');
    const before = sim.clock.now();
    const checks = [
      { run: "kubectl get svc web -o jsonpath='{.spec.type}'", expect: 'NodePort' },
      { run: 'kubectl get svc kube-dns -n kube-system -o jsonpath={.spec.clusterIP}', expect: '10.96.0.10' },
      { run: 'pwd; echo "x=$X"', expect: '/root\nx=' },
    ];
    const [missing, dns, shell] = runChecks(sim, checks);
    expect(missing).toEqual({ run: checks[0]!.run, passed: false, output: 'Error from server (NotFound): services "web" not found\n', exitCode: 1 });
    expect(dns!.passed).toBe(true);
    expect(shell!.passed).toBe(true);

    learner.execute('kubectl create service nodeport web --tcp=80:80');
    sim.drain();
    expect(runChecks(sim, checks).map((r) => r.passed)).toEqual([true, true, true]);
    // Time stood still, and the learner's shell kept its own folder, variables and history.
    expect(sim.clock.now()).toBe(before);
    expect(learner.execute('pwd; echo $X').output).toBe('/tmp\n1\n');
    expect(learner.history).toEqual(['cd /tmp && X=1', 'kubectl create service nodeport web --tcp=80:80', 'pwd; echo $X']);
  });

  it('a command that keeps running or a line left open fails instead of waiting', () => {
    const sim = new Simulation({});
    const [watch, open] = runChecks(sim, [{ run: 'kubectl get nodes -w' }, { run: "echo 'unclosed", expect: 'unclosed' }]);
    expect(watch).toMatchObject({ passed: false, problem: 'still-running', exitCode: 130 });
    expect(watch!.output).toMatch(/^NAME +STATUS/);
    expect(open).toMatchObject({ passed: false, problem: 'unfinished-line', output: '' });
    // The interrupted watch let go of the cluster: nothing runs on.
    expect(runChecks(sim, [{ run: 'kubectl get nodes -o name', match: 'node/node02' }])[0]!.passed).toBe(true);
  });
});
