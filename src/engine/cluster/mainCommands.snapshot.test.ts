import { describe, expect, it } from 'vitest';
import { Checkpoints } from '../sim/checkpoints';
import { Simulation, type SimulationSnapshot } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';

// wget makes requests (the web pods log them), grep reads a pipe (6 lines of nginx's welcome page name it), $(...) keeps a tool's answer in a variable.
const SCRIPT =
  'for i in 1 2 3; do n=$(wget -qO- http://web | grep -c nginx) && echo got $i $n; sleep 2; done; echo done; exit 3';

/** A cluster of this file's seed, and a learner shell on it whose sleeps and waits move the clock. */
function fresh() {
  const sim = new Simulation({ seed: 'main-commands-snapshot' });
  return { sim, s: createLearnerSession(sim, { advance: (ms) => sim.advance(ms) }) };
}

/** {@link fresh}, with nginx serving behind the Service `web`. */
function withWeb(deploy = 'kubectl create deployment web --image=nginx') {
  const { sim, s } = fresh();
  s.execute(deploy);
  s.execute('kubectl expose deployment web --port=80');
  s.execute('kubectl rollout status deployment/web');
  return { sim, s };
}

function cluster() {
  const { sim, s } = withWeb('kubectl create deployment web --image=nginx --replicas=2');
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
    served: out('kubectl logs -l app=web --prefix')
      .split('\n')
      .filter((l) => l.includes('GET /')).length,
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
    expect(logged).toBe('got 1 6\ngot 2 6\n');
  });

  it('resumes after a restore in place (rewind): same logs, exit code and time, no request made twice', () => {
    const { sim, s, snap } = midRun();
    const straight = outcome(sim, s);
    expect(straight.logs).toBe('got 1 6\ngot 2 6\ngot 3 6\ndone\n');
    expect(straight.state).toContain('"exitCode":3');
    expect(straight.served).toBe(3);
    sim.restore(JSON.parse(JSON.stringify(snap)) as SimulationSnapshot);
    expect(outcome(sim, s)).toEqual(straight);
  });

  it("resumes after the page's Rewind to a checkpoint taken mid-run", () => {
    const { sim, s } = cluster();
    const checkpoints = new Checkpoints(sim);
    sim.advance(3_000);
    const cp = checkpoints.take('kubectl logs probe', undefined);
    const straight = outcome(sim, s);
    checkpoints.rewind(cp.id);
    expect(outcome(sim, s)).toEqual(straight);
  });

  it('resumes in a fresh Simulation restored from the snapshot (a shared snapshot opened elsewhere)', () => {
    const { sim, s, snap } = midRun();
    const straight = outcome(sim, s);
    const { sim: other, s: s2 } = fresh();
    other.restore(JSON.parse(JSON.stringify(snap)) as SimulationSnapshot);
    expect(outcome(other, s2)).toEqual(straight);
  });

  it('resumes again from a snapshot of the resumed run (rewound twice)', () => {
    const { sim, s, snap } = midRun();
    const straight = outcome(sim, s);
    sim.restore(JSON.parse(JSON.stringify(snap)) as SimulationSnapshot);
    sim.advance(1_500);
    const again = sim.snapshot();
    sim.restore(again);
    expect(outcome(sim, s)).toEqual(straight);
  });

  it('a tool still running at the snapshot starts again from its beginning after the restore (its process cannot be saved); the script goes on after it', () => {
    const { sim, s } = fresh();
    s.execute(
      "kubectl run p --image=busybox:1.36 --restart=Never -- sh -c 'echo start; ping -c 4 127.0.0.1; sleep 3; echo end'",
    );
    s.execute('kubectl wait --for=condition=Ready pod/p');
    sim.advance(1_500);
    const before = s.execute('kubectl logs p').output;
    expect(before).toMatch(
      /^start\nPING 127.0.0.1 \(127.0.0.1\): 56 data bytes\n(64 bytes from .*\n){2,3}$/,
    );
    const snap = sim.snapshot();
    sim.restore(snap);
    sim.advance(10_000);
    const after = s.execute('kubectl logs p').output;
    // The tool started again is journaled like any other: once it has ended, a snapshot resumes the script after it.
    sim.restore(snap);
    sim.advance(5_000);
    sim.restore(sim.snapshot());
    sim.advance(5_000);
    expect(s.execute('kubectl logs p').output).toBe(after);
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(
      /^PING 127.0.0.1 \(127.0.0.1\): 56 data bytes\n(64 bytes from .*\n){4}\n--- 127.0.0.1 ping statistics ---\n4 packets transmitted, 4 packets received, 0% packet loss\n.*\nend\n$/,
    );
    expect(
      s.execute(
        'kubectl get pod p -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}',
      ).output,
    ).toBe('0');
  });

  it('keeps what a restore needs as plain JSON with the container, and lets it go when the command ends', () => {
    const { sim, s } = cluster();
    sim.advance(3_000);
    const saved = (text: string) =>
      (
        JSON.parse(text) as {
          kubelets: Record<
            string,
            { pods: { pods: { name: string; containers: { commandState?: unknown }[] }[] } }
          >;
        }
      ).kubelets;
    const commandOf = () =>
      Object.values(saved(sim.snapshotText()))
        .flatMap((k) => k.pods.pods)
        .find((p) => p.name === 'probe')?.containers[0]?.commandState;
    expect(commandOf()).toMatchObject({
      polls: [[expect.any(Number), 100, expect.any(Number)]],
      tools: expect.arrayContaining([
        expect.objectContaining({ argv: ['wget', '-qO-', 'http://web'] }),
      ]),
    });
    outcome(sim, s);
    expect(commandOf()).toBeUndefined();
  });

  it('files a tool wrote are there again in a fresh Simulation restored from the snapshot', () => {
    const { sim, s } = withWeb();
    s.execute(
      "kubectl run f --image=busybox:1.36 --restart=Never -- sh -c 'wget -qO /tmp/page http://web; sleep 2; head -4 /tmp/page | tail -1'",
    );
    s.execute('kubectl wait --for=condition=Ready pod/f');
    sim.advance(1_000);
    const snap = sim.snapshot();
    sim.advance(5_000);
    expect(s.execute('kubectl logs f').output).toBe('<title>Welcome to nginx!</title>\n');
    const { sim: other, s: s2 } = fresh();
    other.restore(snap);
    other.advance(5_000);
    expect(s2.execute('kubectl logs f').output).toBe('<title>Welcome to nginx!</title>\n');
  });

  it('after a rewind in place, the files the script itself wrote are as they were at the snapshot (its appends are not made twice)', () => {
    const { sim, s } = fresh();
    s.execute(
      "kubectl run a --image=busybox:1.36 --restart=Never -- sh -c 'nslookup kubernetes >/dev/null; for i in 1 2 3; do echo $i >> /tmp/n; sleep 2; done; wc -l < /tmp/n'",
    );
    s.execute('kubectl wait --for=condition=Ready pod/a');
    sim.advance(3_000);
    const snap = sim.snapshot();
    sim.advance(10_000);
    expect(s.execute('kubectl logs a').output).toBe('3\n');
    sim.restore(snap);
    sim.advance(10_000);
    expect(s.execute('kubectl logs a').output).toBe('3\n');
  });

  it('tools a script installed (apt-get install curl) are there again in a fresh Simulation restored from the snapshot', () => {
    const { sim, s } = withWeb();
    s.execute(
      "kubectl run u --image=ubuntu:24.04 --restart=Never -- sh -c 'apt-get update >/dev/null && apt-get install -y curl >/dev/null 2>&1; echo installed; sleep 3; curl -s web | grep title'",
    );
    s.execute('kubectl wait --for=condition=Ready pod/u');
    for (let i = 0; i < 120 && s.execute('kubectl logs u').output !== 'installed\n'; i++)
      sim.advance(500);
    expect(s.execute('kubectl logs u').output).toBe('installed\n');
    const snap = sim.snapshot();
    sim.advance(5_000);
    const straight = s.execute('kubectl logs u').output;
    expect(straight).toBe('installed\n<title>Welcome to nginx!</title>\n');
    const { sim: other, s: s2 } = fresh();
    other.restore(snap);
    other.advance(5_000);
    expect(s2.execute('kubectl logs u').output).toBe(straight);
  });

  it("a script the planner reads (echo and sleep only) resumes too: its timeline is the kubelet's saved steps", () => {
    const { sim, s } = fresh();
    s.execute(
      "kubectl run x --image=busybox:1.36 --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 2; done'",
    );
    s.execute('kubectl wait --for=condition=Ready pod/x');
    sim.advance(3_000);
    const snap = sim.snapshot();
    const state = 'kubectl get pod x -o jsonpath={.status.containerStatuses[0].state}';
    sim.advance(10_000);
    const straight = [s.execute('kubectl logs x').output, s.execute(state).output];
    expect(straight[0]).toBe('1\n2\n3\n');
    sim.restore(snap);
    sim.advance(10_000);
    expect([s.execute('kubectl logs x').output, s.execute(state).output]).toEqual(straight);
  });
});
