/** `-f` on /dev's files: /dev/null holds no objects, /dev/stdin is the piped stdin, /dev/zero never ends. */
import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';

describe('kubectl -f with device files', () => {
  it('reads /dev/null as empty and /dev/stdin as stdin', () => {
    const { s } = kubectlSession();
    expect(
      transcript(s, [
        'kubectl apply -f /dev/null',
        'kubectl create -f /dev/null',
        'kubectl create ns demo --dry-run=client -o yaml | kubectl apply -f /dev/stdin',
        'kubectl create cm c --from-literal=a=1 --dry-run=client -o yaml | kubectl apply --dry-run=client -f /dev/stdin -f /dev/null',
      ]),
    ).toBe(`controlplane:~$ kubectl apply -f /dev/null
error: no objects passed to apply
controlplane:~$ kubectl create -f /dev/null
error: no objects passed to create
controlplane:~$ kubectl create ns demo --dry-run=client -o yaml | kubectl apply -f /dev/stdin
namespace/demo created
controlplane:~$ kubectl create cm c --from-literal=a=1 --dry-run=client -o yaml | kubectl apply --dry-run=client -f /dev/stdin -f /dev/null
configmap/c created (dry run)
`);
  });

  it('keeps reading /dev/zero until Ctrl+C, as kubectl blocked in read does', () => {
    const { s } = kubectlSession();
    expect(s.execute('kubectl apply -f /dev/zero').running).toBe(true);
    expect(s.interrupt().output).toBe('^C\n');
  });
});
