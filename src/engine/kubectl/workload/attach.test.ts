import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

/** Expectations follow kubectl 1.34's attach.go: its messages, and where each goes (stderr hint, stdout notice). */
describe('kubectl attach', () => {
  function rig() {
    const r = workloadRig();
    const admin = r.sim.api.admin();
    admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' }, spec: { containers: [{ name: 'box', image: 'busybox', stdin: true, tty: true }] } });
    admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    r.sim.runUntilSettled();
    return r;
  }

  it('-it joins a shell started with stdin and tty; leaving it ends the process, which restarts', () => {
    const r = rig();
    expect(r.transcript(['kubectl attach -it box', 'echo $0', 'exit'])).toBe(`controlplane:~$ kubectl attach -it box
If you don't see a command prompt, try pressing enter.
/ # echo $0
sh
/ # exit
Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running
`);
    r.sim.runUntilSettled();
    expect(r.run("kubectl get pod box -o jsonpath='{.status.containerStatuses[0].restartCount}'")).toBe('1');
  });

  it('says when the container has no TTY, then streams its output; argument and container errors', () => {
    const r = rig();
    const s = r.shell.execute('kubectl attach -it web');
    expect(s.output).toBe("error: Unable to use a TTY - container web did not allocate one\nIf you don't see a command prompt, try pressing enter.\n");
    expect(s.running).toBe(true);
    expect(r.shell.interrupt().output).toBe('^C\n');
    expect(r.run('kubectl attach')).toBe('error: at least 1 argument is required for attach\n');
    expect(r.run('kubectl attach a b c')).toBe('error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n');
    expect(r.run('kubectl attach web -c nope')).toBe('error: cannot attach to the container: container nope not found in pod web\n');
    expect(r.run('kubectl attach nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
