import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrace } from './trace';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: client, image: busybox, command: [sleep, "3600"]}]}
`;

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = runTrace(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('kubelab trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-trace-'));
  const file = join(dir, 'web.yaml');
  writeFileSync(file, manifest);

  it('prints the hops of an HTTP request from a pod to a ClusterIP, ending at the API server', () => {
    const { code, out } = run(['-f', file, '--from', 'default/client', 'http://10.96.0.1:443/']);
    expect(code).toBe(0);
    expect(out).toMatch(/^TCP from default\/client to 10\.96\.0\.1:443\n/);
    expect(out).toContain('-j DNAT --to-destination 172.18.0.2:6443');
    // Plain HTTP to kube-apiserver's TLS port: Go's bare 400 reply.
    expect(out).toContain('=> delivered to controlplane (container kube-apiserver) at 172.18.0.2:6443\n');
    expect(out).toContain('   HTTP/1.0 400 Bad Request\n');
  });

  it('prints JSON: a TCP connection to kube-dns DNATed to a CoreDNS pod', () => {
    const { code, out } = run(['-f', file, '--from', 'default/client', '--json', '10.96.0.10:9153']);
    expect(code).toBe(0);
    const { trace } = JSON.parse(out) as { trace: { request: unknown; outcome: { kind: string; machine: string; port: number }; hops: { where: { chain?: string } }[] } };
    expect(trace.request).toEqual({ protocol: 'tcp', from: 'default/client', dst: '10.96.0.10', dport: 9153 });
    expect(trace.outcome).toMatchObject({ kind: 'delivered', port: 9153, machine: expect.stringMatching(/^kube-system\/coredns-/) });
    expect(trace.hops.map((h) => h.where.chain).filter(Boolean)).toContain('PREROUTING');
  });

  it('resolves Service names through CoreDNS and shows the DNS walk in front of the hops', () => {
    const { code, out } = run(['-f', file, '--from', 'default/client', 'http://web/']);
    expect(code).toBe(0);
    const ip = /^TCP from default\/client to (10\.\d+\.\d+\.\d+):80\n/.exec(out)![1];
    expect(out).toContain(`  DNS: web → ${ip}\n       web.default.svc.cluster.local A → ${ip}\n`);
    expect(out).toMatch(/=> delivered to default\/web-[a-z0-9]+-[a-z0-9]{5} \(container web\) at 10\.244\.\d+\.\d+:80\n/);
    expect(out).toMatch(/HTTP\/1\.1 200 OK\n$/);
  });

  it('explains usage errors', () => {
    expect(run(['--from', 'default/client']).err).toContain('missing TARGET');
    expect(run(['--from', 'default/nope', '10.0.0.1:80']).err).toBe('kubelab trace: pods "nope" not found in namespace "default"\n');
  });
});
