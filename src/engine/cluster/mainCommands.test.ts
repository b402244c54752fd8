import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';
import { transcript } from './testing/pods';

function cli(seed = 'main-commands') {
  const sim = new Simulation({ seed });
  return { sim, s: createLearnerSession(sim, { advance: (ms) => sim.advance(ms) }) };
}

/** What `line` prints, without prompt and echo. */
function run(s: ReturnType<typeof cli>['s'], line: string): string {
  return s.execute(line).output;
}

/** What the same command prints through `kubectl exec` in a long-running busybox pod. */
function viaExec(s: ReturnType<typeof cli>['s'], argv: string): string {
  if (!run(s, 'kubectl get pod keep -o name').startsWith('pod/keep')) {
    run(s, 'kubectl run keep --image=busybox:1.28 -- sleep 3600');
    run(s, 'kubectl wait --for=condition=Ready pod/keep');
  }
  return run(s, `kubectl exec keep -- ${argv}`).replace(/command terminated with exit code \d+\n$/, '');
}

const exitCodeOf = (pod: string) => `kubectl get pod ${pod} -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}`;

describe('a container whose main process is a tool', () => {
  it("kubectl run -it --rm ... -- nslookup kubernetes.default (the DNS debugging page's line) prints nslookup's answer, then the deletion", () => {
    const { s } = cli();
    const out = run(s, 'kubectl run -it --rm --restart=Never busybox --image=busybox:1.28 -- nslookup kubernetes.default');
    const answer = viaExec(s, 'nslookup kubernetes.default');
    expect(answer).toContain('Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
    expect(out).toBe(`${answer}pod "busybox" deleted from default namespace\n`);
    expect(s.lastExitCode).toBe(0);
  });

  it('kubectl logs of a completed nslookup pod is what nslookup printed; the pod is Completed with exit code 0', () => {
    const { s } = cli();
    run(s, 'kubectl run bb --image=busybox:1.28 --restart=Never -- nslookup kubernetes');
    run(s, 'sleep 5');
    expect(run(s, 'kubectl logs bb')).toBe(viaExec(s, 'nslookup kubernetes'));
    expect(run(s, 'kubectl get pod bb')).toMatch(/^bb +0\/1 +Completed +0 /m);
    expect(run(s, exitCodeOf('bb'))).toBe('0');
  });

  it('a failing lookup exits 1: the pod shows Error and run -it reports it as run.go does, after the lookup and the deletion', () => {
    const { s } = cli();
    run(s, 'kubectl run x --image=busybox:1.28 --restart=Never -- nslookup nosuch');
    run(s, 'sleep 5');
    const failed = viaExec(s, 'nslookup nosuch');
    expect(failed).toContain("nslookup: can't resolve 'nosuch'\n");
    expect(run(s, 'kubectl logs x')).toBe(failed);
    expect(run(s, 'kubectl get pod x')).toMatch(/^x +0\/1 +Error +0 /m);
    expect(run(s, exitCodeOf('x'))).toBe('1');
    expect(transcript(s, ['kubectl run -it --rm --restart=Never y --image=busybox:1.28 -- nslookup nosuch']).split('\n').slice(1).join('\n')).toBe(`${failed}pod "y" deleted from default namespace\npod default/y terminated (Error)\n`);
    expect(s.lastExitCode).toBe(1);
  });

  it("sh -c 'nslookup kubernetes; wget -qO- http://web' logs both tools' output (stderr too) and exits with the script's status", () => {
    const { s } = cli();
    run(s, "kubectl run sc --image=busybox:1.28 --restart=Never -- sh -c 'nslookup kubernetes; wget -qO- http://web'");
    run(s, 'sleep 5');
    const expected = viaExec(s, "sh -c 'nslookup kubernetes; wget -qO- http://web'");
    expect(expected).toContain("wget: bad address 'web'\n");
    expect(run(s, 'kubectl logs sc')).toBe(expected);
    expect(run(s, exitCodeOf('sc'))).toBe('1');
  });

  it('a script that needs time logs as it goes and ends when it does', () => {
    const { s } = cli();
    run(s, "kubectl run slow --image=busybox:1.28 --restart=Never -- sh -c 'nslookup kubernetes >/dev/null; echo looked; sleep 20; echo done; exit 3'");
    run(s, 'kubectl wait --for=condition=Ready pod/slow');
    expect(run(s, 'kubectl logs slow')).toBe('looked\n');
    expect(run(s, 'kubectl get pod slow')).toMatch(/^slow +1\/1 +Running /m);
    run(s, 'sleep 25');
    expect(run(s, 'kubectl logs slow')).toBe('looked\ndone\n');
    expect(run(s, exitCodeOf('slow'))).toBe('3');
  });

  it('run -it on a command that takes time streams its output as time flows (browser), then reports the failure with its exit code', () => {
    const sim = new Simulation({ seed: 'main-commands' });
    const s = createLearnerSession(sim);
    let r = s.execute("kubectl run -it --rm --restart=Never slow --image=busybox:1.28 -- sh -c 'echo start; sleep 3; nslookup nosuch >/dev/null 2>&1; echo end; exit 4'");
    let out = r.output;
    for (let i = 0; r.running && i < 200; i++) {
      sim.advance(250);
      r = s.poll();
      out += r.output;
    }
    expect(out).toBe(`If you don't see a command prompt, try pressing enter.\nstart\nend\npod "slow" deleted from default namespace\npod default/slow terminated (Error)\n`);
    expect(r.exitCode).toBe(4);
  });

  // The simulation has no Job controller yet: a Job's pod is a pod with restartPolicy OnFailure.
  it('a Job-style pod (OnFailure) from YAML: a lookup that succeeds completes; one that fails is restarted and logs again', () => {
    const { s } = cli();
    const pod = (name: string, host: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  restartPolicy: OnFailure\n  containers:\n  - name: lookup\n    image: busybox:1.28\n    command: ["nslookup", "${host}"]\n`;
    s.machine.fs.writeFile('/root/ok.yaml', pod('ok', 'kubernetes'));
    s.machine.fs.writeFile('/root/bad.yaml', pod('bad', 'nosuch'));
    run(s, 'kubectl apply -f ok.yaml -f bad.yaml');
    run(s, 'sleep 30');
    expect(run(s, 'kubectl get pod ok')).toMatch(/^ok +0\/1 +Completed +0 /m);
    expect(run(s, 'kubectl logs ok')).toBe(viaExec(s, 'nslookup kubernetes'));
    const failed = viaExec(s, 'nslookup nosuch');
    expect(run(s, 'kubectl get pod bad')).toMatch(/^bad +0\/1 +(Error|CrashLoopBackOff) +[1-9]\d* /m);
    expect(run(s, 'kubectl logs bad --previous')).toBe(failed);
  });

  it('scripts the reader models keep their timeline (an endless loop is not run as a command)', () => {
    const { s } = cli();
    run(s, "kubectl run loop --image=busybox:1.28 -- sh -c 'while true; do echo tick; sleep 1; done'");
    run(s, 'kubectl wait --for=condition=Ready pod/loop');
    run(s, 'sleep 3');
    expect(run(s, 'kubectl logs loop --tail=1')).toBe('tick\n');
    expect(run(s, 'kubectl get pod loop')).toMatch(/^loop +1\/1 +Running +0 /m);
  });
});
