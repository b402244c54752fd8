import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { kubectlSession } from '../testing/session';
import { maskSecrets } from './diff';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

/** The temp directories' random names and the files' times vary; everything else is kubectl's and diff's text. */
function normalise(out: string): string {
  return out.replace(/(LIVE|MERGED)-\d+/g, '$1-N').replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000/g, (m) => (m.startsWith('\t1970') ? m : '\tTIME'));
}

function session() {
  const { sim, s } = kubectlSession('diff');
  s.machine.fs.writeFile('/root/svc.yaml', SVC);
  s.machine.fs.writeFile('/root/dep.yaml', DEPLOY);
  return { sim, s };
}

describe('kubectl diff', () => {
  it('a new object: the whole dry-run create against an absent (epoch-dated) LIVE file, exit 1', () => {
    const { s } = session();
    const r = s.execute('kubectl diff -f svc.yaml');
    expect(r.exitCode).toBe(1);
    const out = normalise(r.output);
    expect(out.split('\n').slice(0, 6).join('\n')).toBe(
      [
        'diff -u -N /tmp/LIVE-N/v1.Service.default.web /tmp/MERGED-N/v1.Service.default.web',
        '--- /tmp/LIVE-N/v1.Service.default.web\t1970-01-01 00:00:00.000000000 +0000',
        '+++ /tmp/MERGED-N/v1.Service.default.web\tTIME',
        '@@ -0,0 +1,25 @@',
        '+apiVersion: v1',
        '+kind: Service',
      ].join('\n'),
    );
    // Dry-run create: the server's defaults and allocations, no last-applied annotation (diff does not annotate).
    expect(out).toContain('+  clusterIP: 10.');
    expect(out).not.toContain('last-applied');
    expect(s.execute('kubectl get svc web').exitCode).toBe(1);
    expect(s.execute('ls /tmp').output).toBe('');
  });

  it('no changes after apply: no output, exit 0; a changed template bumps generation and keeps last-applied as context', () => {
    const { s } = session();
    s.execute('kubectl apply -f svc.yaml -f dep.yaml');
    expect(s.execute('kubectl diff -f svc.yaml -f dep.yaml')).toMatchObject({ output: '', exitCode: 0 });
    s.execute("sed -i 's/nginx:1.27/nginx:1.28/' dep.yaml");
    const r = s.execute('kubectl diff -f dep.yaml');
    expect(r.exitCode).toBe(1);
    const out = normalise(r.output);
    expect(out).toContain(
      [
        '@@ -6,7 +6,7 @@',
        '     kubectl.kubernetes.io/last-applied-configuration: |',
        '       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}',
        '   creationTimestamp: "2026-01-15T09:00:00Z"',
        '-  generation: 1',
        '+  generation: 2',
      ].join('\n'),
    );
    expect(out).toContain('-      - image: nginx:1.27\n+      - image: nginx:1.28\n');
    expect(out).not.toContain('managedFields');
    // Nothing was written: the live Deployment still runs 1.27.
    expect(s.execute("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'").output).toBe('nginx:1.27');
  });

  it('kubectl errors exit 2, and diff program failures are reported as kubectl reports them', () => {
    const { s } = session();
    const run = (line: string) => {
      const r = s.execute(line);
      return `${r.output}rc=${r.exitCode}\n`;
    };
    expect(run('kubectl diff')).toBe('error: must specify one of -f and -k\nrc=2\n');
    expect(run('kubectl diff -f nope.yaml')).toBe('error: the path "nope.yaml" does not exist\nrc=2\n');
    expect(run('kubectl diff -f svc.yaml web')).toBe("error: Unexpected args: [web]\nSee 'kubectl diff -h' for help and examples\nrc=2\n");
    expect(run('KUBECTL_EXTERNAL_DIFF=colordiff kubectl diff -f svc.yaml')).toBe('error: failed to run "colordiff": exec: "colordiff": executable file not found in $PATH\nrc=2\n');
    expect(normalise(run('KUBECTL_EXTERNAL_DIFF="diff -q" kubectl diff -f svc.yaml'))).toBe('Only in /tmp/MERGED-N: v1.Service.default.web\nrc=1\n');
  });

  it('masks Secret data: equal values ***, changed ones *** (before) / *** (after)', () => {
    const secret = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data }) as unknown as KubeObject;
    const [from, to] = maskSecrets(secret({ a: 'MQ==', b: 'Mg==', gone: 'eA==' }), secret({ a: 'MQ==', b: 'Mw==', added: 'eQ==' }));
    expect((from as unknown as { data: unknown }).data).toEqual({ a: '***', b: '*** (before)', gone: '***' });
    expect((to as unknown as { data: unknown }).data).toEqual({ a: '***', b: '*** (after)', added: '***' });
  });
});
