import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { PodObject } from './kinds';
import { Simulation } from './Simulation';

/** The objects of the "Service discovery deep dive" chapter (sd-example.yml). */
function sdExample(): [string, string | undefined, KubeObject][] {
  const deploy = (ns: string, tag: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'enterprise', namespace: ns, labels: { app: 'enterprise' } },
    spec: { selector: { matchLabels: { app: 'enterprise' } }, replicas: 2, template: { metadata: { labels: { app: 'enterprise' } }, spec: { containers: [{ image: `nigelpoulton/k8sbook:${tag}`, name: 'enterprise-ctr', ports: [{ containerPort: 8080 }] }] } } },
  });
  const svc = (ns: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ent', namespace: ns }, spec: { selector: { app: 'enterprise' }, ports: [{ port: 8080 }], type: 'ClusterIP' } });
  return [
    ['namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }],
    ['namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } }],
    ['deployments.apps', 'dev', deploy('dev', 'text-dev')],
    ['deployments.apps', 'prod', deploy('prod', 'text-prod')],
    ['services', 'dev', svc('dev')],
    ['services', 'prod', svc('prod')],
    ['pods', 'dev', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'jump', namespace: 'dev' }, spec: { terminationGracePeriodSeconds: 5, containers: [{ name: 'jump', image: 'ubuntu', tty: true, stdin: true }] } }],
  ];
}

describe('seed chapter scenarios', () => {
  it('sd-example: both namespaces serve their own text and the jump pod stays up', () => {
    const sim = new Simulation({ seed: 'sd' });
    const a = sim.api.admin();
    for (const [resource, ns, obj] of sdExample()) a.create(resource, ns, obj);
    sim.advance(30_000);
    const jump = a.get<PodObject>('pods', 'dev', 'jump');
    expect(jump.status!.phase).toBe('Running');
    const files = sim.kubelet(jump.spec!.nodeName!)!.podFiles('dev', 'jump')!;
    expect(files.resolvConf).toBe('search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    for (const [ns, text] of [['dev', 'Hello from the Dev Namespace!\n'], ['prod', 'Hello from the PROD Namespace!\n']] as const) {
      const pods = a.list<PodObject>('pods', ns, { labelSelector: 'app=enterprise' }).items;
      expect(pods).toHaveLength(2);
      for (const p of pods) {
        expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
        const res = sim.kubelet(p.spec!.nodeName!)!.http(p.status!.podIP!, 8080, { method: 'GET', path: '/', host: 'ent:8080', userAgent: 'curl/8.5.0', remoteAddr: jump.status!.podIP!, remotePort: 40000, headers: {}, at: sim.clock.now() });
        expect(res !== 'refused' && res.body).toBe(text);
      }
    }
  });

  it('deleting the CoreDNS pods brings new ones up', () => {
    const sim = new Simulation({ seed: 'dns' });
    const a = sim.api.admin();
    const before = a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items.map((p) => p.metadata.name);
    for (const n of before) a.delete('pods', 'kube-system', n!);
    sim.advance(60_000);
    const after = a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items;
    expect(after).toHaveLength(2);
    for (const p of after) {
      expect(before).not.toContain(p.metadata.name);
      expect(p.status!.phase).toBe('Running');
    }
  });
});

describe('graceful deletion through the API server', () => {
  it('keeps a deleted pod Terminating until its containers stop, then removes it', () => {
    const sim = new Simulation({ seed: 'term' });
    const a = sim.api.admin();
    a.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'jump' }, spec: { terminationGracePeriodSeconds: 5, containers: [{ name: 'jump', image: 'ubuntu', tty: true, stdin: true }] } });
    sim.advance(10_000);
    a.delete('pods', 'default', 'jump');
    sim.drain();
    const p = a.tryGet<PodObject>('pods', 'default', 'jump');
    expect(p?.metadata.deletionTimestamp).toBeDefined();
    sim.advance(4000);
    expect(a.tryGet('pods', 'default', 'jump')).toBeDefined();
    sim.advance(2000);
    expect(a.tryGet('pods', 'default', 'jump')).toBeUndefined();
  });
});
