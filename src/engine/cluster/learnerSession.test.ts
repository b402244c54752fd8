import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';
import { startPod, transcript } from './testing/pods';

function cli(seed = 'machines') {
  const sim = new Simulation({ seed });
  return { sim, s: createLearnerSession(sim, { advance: (ms) => sim.advance(ms) }) };
}

describe('createLearnerSession', () => {
  it('logs in as root on controlplane, with kubeadm\'s admin kubeconfig in ~/.kube/config', () => {
    const { s } = cli();
    expect(s.prompt()).toBe('controlplane:~$ ');
    const t = transcript(s, ['whoami', 'pwd', 'head -3 ~/.kube/config', 'cat /etc/resolv.conf', 'hostname -i']);
    expect(t).toBe(
      [
        'controlplane:~$ whoami',
        'root',
        'controlplane:~$ pwd',
        '/root',
        'controlplane:~$ head -3 ~/.kube/config',
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        'controlplane:~$ cat /etc/resolv.conf',
        'nameserver 172.18.0.1',
        'controlplane:~$ hostname -i',
        '172.18.0.2',
        '',
      ].join('\n'),
    );
  });

  it('ssh node01 enters the node, exit comes back, unknown hosts fail like OpenSSH', () => {
    const { s } = cli();
    const t = transcript(s, ['ssh node01', 'hostname', 'exit', 'hostname', 'ssh node03', 'echo $?', 'ssh root@172.18.0.4 hostname']);
    expect(t).toBe(
      [
        'controlplane:~$ ssh node01',
        'node01:~$ hostname',
        'node01',
        'node01:~$ exit',
        'logout',
        'Connection to node01 closed.',
        'controlplane:~$ hostname',
        'controlplane',
        'controlplane:~$ ssh node03',
        'ssh: Could not resolve hostname node03: Name or service not known',
        'controlplane:~$ echo $?',
        '255',
        'controlplane:~$ ssh root@172.18.0.4 hostname',
        'node02',
        '',
      ].join('\n'),
    );
  });

  it('systemctl stop kubelet on node01: NotReady once the node controller\'s grace period has passed', () => {
    const { s } = cli();
    const t = transcript(s, ['ssh node01', 'systemctl stop kubelet', 'systemctl is-active kubelet', 'exit', 'sleep 20', 'kubectl get nodes', 'sleep 40', 'kubectl get nodes']);
    expect(t).toContain('node01:~$ systemctl is-active kubelet\ninactive\n');
    const [before, after] = t.split('controlplane:~$ sleep 40\n');
    expect(before).toContain('node01         Ready    <none>          5d    v1.34.1\n');
    expect(after).toBe(
      [
        'controlplane:~$ kubectl get nodes',
        'NAME           STATUS     ROLES           AGE   VERSION',
        'controlplane   Ready      control-plane   5d    v1.34.1',
        'node01         NotReady   <none>          5d    v1.34.1',
        'node02         Ready      <none>          5d    v1.34.1',
        '',
      ].join('\n'),
    );
  });

  it('systemctl start brings the node back to Ready', () => {
    const { s } = cli();
    const t = transcript(s, ['ssh node02 systemctl stop kubelet', 'sleep 60', 'ssh node02 systemctl start kubelet', 'sleep 5', 'kubectl get nodes node02']);
    expect(t.endsWith('node02   Ready    <none>   5d    v1.34.1\n')).toBe(true);
  });

  it('node status, journal, containers and processes (golden)', async () => {
    const { sim, s } = cli();
    startPod(sim, 'default', 'web', { image: 'nginx' });
    const t = transcript(s, [
      'kubectl get pod web -o wide',
      'ssh node01',
      'systemctl status kubelet',
      'crictl ps',
      'crictl pods',
      'systemctl stop kubelet',
      'sleep 12',
      'systemctl status kubelet',
      'journalctl -u kubelet -n 6',
      'journalctl -u sshd',
      'systemctl status docker',
      'exit',
      'crictl ps -a',
      'ps',
      'ps -ef',
      'uptime',
    ]);
    await expect(t).toMatchFileSnapshot('./__golden__/node-tools.txt');
  });

  it('the same seed and commands give the same transcript; another seed other names', () => {
    const run = (seed: string) => transcript(cli(seed).s, ['ssh node01 crictl pods']);
    expect(run('a')).toBe(run('a'));
    expect(run('a')).not.toBe(run('b'));
  });

  it('in the browser (no advance) long commands run as jobs the terminal polls', () => {
    const sim = new Simulation({ seed: 'machines' });
    const s = createLearnerSession(sim);
    const r = s.execute('sleep 2; hostname');
    expect(r.running).toBe(true);
    sim.advance(2_000);
    expect(s.poll()).toMatchObject({ output: 'controlplane\n', prompt: 'controlplane:~$ ' });
  });
});
