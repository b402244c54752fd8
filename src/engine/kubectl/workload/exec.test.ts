import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

const SD_EXAMPLE = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'jump', namespace: 'dev' }, spec: { containers: [{ name: 'jump', image: 'ubuntu', tty: true, stdin: true }] } },
];

function rigWithJump() {
  const rig = workloadRig();
  const admin = rig.sim.api.admin();
  admin.create('namespaces', undefined, SD_EXAMPLE[0]!);
  admin.create('pods', 'dev', SD_EXAMPLE[1]!);
  return rig;
}

describe('kubectl exec', () => {
  it('seed: exec -it jump --namespace dev -- bash enters the container; exit comes back', () => {
    const rig = rigWithJump();
    expect(rig.run('kubectl exec -it jump --namespace dev -- bash')).toBe('error: unable to upgrade connection: container not found ("jump")\n');
    rig.sim.runUntilSettled();
    expect(rig.transcript(['kubectl exec -it jump --namespace dev -- bash', 'cat /etc/resolv.conf', 'hostname', 'exit'])).toBe(`controlplane:~$ kubectl exec -it jump --namespace dev -- bash
root@jump:/# cat /etc/resolv.conf
search dev.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
root@jump:/# hostname
jump
root@jump:/# exit
exit
`);
    expect(rig.shell.prompt()).toBe('controlplane:~$ ');
  });

  // dash is /bin/sh in Debian and Ubuntu images: `# ` and `sh: N: x: not found`; bash stays bash; busybox keeps ash.
  it('exec -it POD -- sh in a Debian image is dash; -- bash is bash; busybox sh is ash', () => {
    const rig = rigWithJump();
    rig.sim.api.admin().create('pods', 'dev', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb', namespace: 'dev' }, spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] } });
    rig.sim.runUntilSettled();
    expect(rig.transcript(['kubectl exec -it jump -n dev -- sh', 'foo', 'exit', 'kubectl exec -it jump -n dev -- /bin/bash', 'foo', 'exit', 'kubectl exec -it bb -n dev -- sh', 'foo', 'exit'])).toBe(`controlplane:~$ kubectl exec -it jump -n dev -- sh
# foo
sh: 1: foo: not found
# exit
controlplane:~$ kubectl exec -it jump -n dev -- /bin/bash
root@jump:/# foo
bash: foo: command not found
root@jump:/# exit
exit
controlplane:~$ kubectl exec -it bb -n dev -- sh
/ # foo
sh: foo: not found
/ # exit
`);
  });

  it('runs one command without -it, and refuses the old form without --', () => {
    const rig = rigWithJump();
    rig.sim.runUntilSettled();
    expect(rig.transcript(['kubectl exec jump -n dev -- cat /etc/resolv.conf', 'kubectl exec jump -n dev cat /etc/hostname', 'kubectl exec jump -n dev -- cat /nope', 'kubectl exec jump -n dev -- nslookup kubernetes', 'kubectl exec jump -n dev', 'kubectl exec -n dev', 'kubectl exec nope -n dev -- ls', 'kubectl exec jump -n dev -- sh -c "echo hi"'])).toBe(`controlplane:~$ kubectl exec jump -n dev -- cat /etc/resolv.conf
search dev.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
controlplane:~$ kubectl exec jump -n dev cat /etc/hostname
error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
See 'kubectl exec -h' for help and examples
controlplane:~$ kubectl exec jump -n dev -- cat /nope
cat: /nope: No such file or directory
command terminated with exit code 1
controlplane:~$ kubectl exec jump -n dev -- nslookup kubernetes
OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown
command terminated with exit code 126
controlplane:~$ kubectl exec jump -n dev
error: you must specify at least one command for the container
controlplane:~$ kubectl exec -n dev
error: expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.
POD or TYPE/NAME is a required argument for the exec command
See 'kubectl exec -h' for help and examples
controlplane:~$ kubectl exec nope -n dev -- ls
Error from server (NotFound): pods "nope" not found
controlplane:~$ kubectl exec jump -n dev -- sh -c "echo hi"
hi
`);
  });

  it('a busybox container gets the ash prompt and its applets only', () => {
    const rig = workloadRig();
    rig.sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] } });
    rig.sim.runUntilSettled();
    expect(rig.transcript(['kubectl exec -ti bb -- sh', 'jq', 'exit'])).toBe('controlplane:~$ kubectl exec -ti bb -- sh\n/ # jq\nsh: jq: not found\n/ # exit\n');
    expect(rig.run('kubectl exec -ti bb -- bash')).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n');
  });
});
