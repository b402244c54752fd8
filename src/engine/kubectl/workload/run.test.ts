import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

describe('kubectl run', () => {
  it('generates the pod kubectl would send', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl run nginx --image=nginx --port=80 --env=A=1 --dry-run=client -o yaml -- -g "daemon off;"')).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - args:
    - -g
    - daemon off;
    env:
    - name: A
      value: "1"
    image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it('creates the pod, and with --expose its service first', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl run web --image=nginx --port=80 --expose')).toBe('service/web created\npod/web created\n');
    const svc = rig.sim.api.admin().get('services', 'default', 'web') as unknown as { spec: { selector: unknown; ports: unknown } };
    expect(svc.spec.selector).toEqual({ run: 'web' });
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  });

  it('seed: run -it dnsutils waits for the pod and attaches to its shell', () => {
    const rig = workloadRig();
    const out = rig.run('kubectl run -it dnsutils --image gcr.io/kubernetes-e2e-test-images/dnsutils:1.3');
    expect(out).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(rig.shell.prompt()).toBe('/ # ');
    expect(rig.run('hostname')).toBe('dnsutils\n');
    const pod = rig.sim.api.admin().get('pods', 'default', 'dnsutils') as unknown as { spec: { containers: { stdin: boolean; stdinOnce: boolean; tty: boolean }[] } };
    expect(pod.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
  });

  it('run -it --rm ... -- sh: leaving the shell ends the session and deletes the pod', () => {
    const rig = workloadRig();
    expect(rig.transcript(['kubectl run -it --rm tmp --image=busybox -- sh', 'hostname', 'exit'])).toBe(`controlplane:~$ kubectl run -it --rm tmp --image=busybox -- sh
If you don't see a command prompt, try pressing enter.
/ # hostname
tmp
/ # exit
Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running
pod "tmp" deleted from default namespace
`);
    expect(rig.shell.prompt()).toBe('controlplane:~$ ');
    expect(rig.transcript(['kubectl run -it --rm --restart=Never tmp2 --image=busybox -- sh', 'exit 0'])).toBe(`controlplane:~$ kubectl run -it --rm --restart=Never tmp2 --image=busybox -- sh
If you don't see a command prompt, try pressing enter.
/ # exit 0
pod "tmp2" deleted from default namespace
`);
  });

  it('run -it ... -- sh: the shell is the container\'s main process, so leaving it restarts (Always) or completes the pod', () => {
    const rig = workloadRig();
    // AGE depends on how long the pod took to start; the columns that matter here do not.
    // At the instant the shell exits, no kubelet relist has seen the exit yet: still Running.
    const cols = "| awk '{print $1, $2, $3, $4}'";
    expect(rig.transcript(['kubectl run -it bb --image=busybox -- sh', 'exit 4', 'echo $?', `kubectl get pod bb ${cols}`, 'sleep 5', `kubectl get pod bb ${cols}`])).toBe(`controlplane:~$ kubectl run -it bb --image=busybox -- sh
If you don't see a command prompt, try pressing enter.
/ # exit 4
Session ended, resume using 'kubectl attach bb -c bb -i -t' command when the pod is running
controlplane:~$ echo $?
0
controlplane:~$ kubectl get pod bb ${cols}
NAME READY STATUS RESTARTS
bb 1/1 Running 0
controlplane:~$ sleep 5
controlplane:~$ kubectl get pod bb ${cols}
NAME READY STATUS RESTARTS
bb 1/1 Running 1
`);
    // Never: the pod ends with the shell's status, and run reports a failure as run.go does.
    expect(rig.transcript(['kubectl run -it once --image=busybox --restart=Never -- sh', 'exit 3', 'echo $?', `kubectl get pod once ${cols}`])).toBe(`controlplane:~$ kubectl run -it once --image=busybox --restart=Never -- sh
If you don't see a command prompt, try pressing enter.
/ # exit 3
pod default/once terminated (Error)
controlplane:~$ echo $?
3
controlplane:~$ kubectl get pod once ${cols}
NAME READY STATUS RESTARTS
once 0/1 Error 0
`);
  });

  it('a command pod that completes prints its logs, and --rm deletes it', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl run -i --rm --restart=Never hello --image=busybox -- echo hello there')).toBe('hello there\npod "hello" deleted from default namespace\n');
    expect(rig.sim.api.admin().tryGet('pods', 'default', 'hello')).toBeUndefined();
  });

  it.each([
    ['kubectl run', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run x', 'error: --image is required\n'],
    ['kubectl run x --image=Nginx', 'error: Invalid image name "Nginx": invalid reference format\n'],
    ['kubectl run x --image=nginx --restart=Sometimes', 'error: invalid restart policy: Sometimes\n'],
    ['kubectl run x --image=nginx --rm', 'error: --rm should only be used for attached containers\n'],
    ['kubectl run x --image=nginx --expose', 'error: --port must be set when exposing a service\n'],
    ['kubectl run x --image=nginx -it --dry-run=client', "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n"],
  ])('%s', (line, expected) => expect(workloadRig().run(line)).toBe(expected));
});
