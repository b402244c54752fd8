import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runShell } from './shell';

async function transcript(input: string, isTTY = false, args: string[] = []): Promise<{ text: string; code: number }> {
  let text = '';
  const out = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  const code = await runShell(args, Readable.from([input]), out);
  return { text, code };
}

describe('kubelab shell', () => {
  it('prints the prompt, the command and its output for each line, as the terminal does', async () => {
    const { text, code } = await transcript('echo hello\nkubectrl get pods\n');
    expect(text).toBe('controlplane:~$ echo hello\nhello\ncontrolplane:~$ kubectrl get pods\nbash: kubectrl: command not found\n');
    expect(code).toBe(127);
  });

  it('runs on the controlplane node of a live cluster: kubectl, ssh, exit', async () => {
    const { text, code } = await transcript('hostname\nssh node01\nhostname\nexit\nkubectl get nodes -o name\n');
    expect(text).toBe(
      [
        'controlplane:~$ hostname',
        'controlplane',
        'controlplane:~$ ssh node01',
        'node01:~$ hostname',
        'node01',
        'node01:~$ exit',
        'logout',
        'Connection to node01 closed.',
        'controlplane:~$ kubectl get nodes -o name',
        'node/controlplane',
        'node/node01',
        'node/node02',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('--seed changes the generated names; the same seed gives the same transcript', async () => {
    const input = 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o name\n';
    const a = await transcript(input, false, ['--seed', 'one']);
    const again = await transcript(input, false, ['--seed=one']);
    const b = await transcript(input, false, ['--seed', 'two']);
    expect(a.text).toBe(again.text);
    expect(a.text).not.toBe(b.text);
    expect(a.text).toMatch(/^controlplane:~\$ kubectl get pods .*\npod\/coredns-[a-z0-9]+-[a-z0-9]{5}\npod\/coredns-/);
  });

  it('a command waiting on the cluster sees it settle, then the next line stops it with ^C', async () => {
    const { text } = await transcript('kubectl run web --image=nginx\nkubectl get pod web -w\necho next\n');
    const [, watch] = text.split('controlplane:~$ kubectl get pod web -w\n');
    expect(watch).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb +0\/1 +ContainerCreating/);
    expect(watch).toMatch(/web +1\/1 +Running +0 +\d+s\n\^C\ncontrolplane:~\$ echo next\nnext\n$/);
  });

  it('rejects unknown flags', async () => {
    const { code } = await transcript('echo hi\n', false, ['--nope']);
    expect(code).toBe(2);
  });
});
