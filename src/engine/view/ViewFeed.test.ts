import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import type { PodRecord, ServiceRecord, ViewRecord } from './types';
import { ViewFeed } from './ViewFeed';

function byKind<K extends ViewRecord['kind']>(records: ViewRecord[], kind: K) {
  return records.filter((r): r is Extract<ViewRecord, { kind: K }> => r.kind === kind);
}

describe('ViewFeed', () => {
  it('starts with the whole cluster, then sends only what changed, once per flush', () => {
    const sim = new Simulation();
    const feed = new ViewFeed(sim.api.admin(), () => sim.clock.now());
    const first = feed.flush()!;
    expect(first.reset).toBe(true);
    expect(byKind(first.upserts, 'node').map((n) => [n.name, n.role, n.ready])).toEqual([
      ['controlplane', 'control-plane', true],
      ['node01', 'worker', true],
      ['node02', 'worker', true],
    ]);
    const dns = byKind(first.upserts, 'service').find((s) => s.name === 'kube-dns')!;
    expect(dns).toMatchObject({ namespace: 'kube-system', clusterIP: '10.96.0.10', ports: '53/UDP,53/TCP,9153/TCP', selector: { 'k8s-app': 'kube-dns' } });
    const slice = byKind(first.upserts, 'endpointslice').find((s) => s.service === 'kube-system/kube-dns')!;
    const corednsPods = byKind(first.upserts, 'pod').filter((p) => p.labels['k8s-app'] === 'kube-dns');
    expect(slice.endpoints.map((e) => e.pod).sort()).toEqual(corednsPods.map((p) => `${p.namespace}/${p.name}`).sort());
    expect(feed.flush()).toBeUndefined();

    const admin = sim.api.admin();
    admin.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    admin.patch('services', 'default', 'web', 'merge', { metadata: { labels: { tier: 'front' } } });
    sim.drain();
    const second = feed.flush()!;
    expect(second.reset).toBe(false);
    const web = second.upserts.filter((r): r is ServiceRecord => r.kind === 'service');
    expect(web).toHaveLength(1);
    expect(web[0]).toMatchObject({ key: 'service/default/web', type: 'ClusterIP', ports: '80/TCP' });

    admin.delete('services', 'default', 'web');
    sim.drain();
    expect(feed.flush()!.deletes).toContain('service/default/web');
  });

  it('shows a new pod going from ContainerCreating to Running on the virtual clock', () => {
    const sim = new Simulation();
    const feed = new ViewFeed(sim.api.admin(), () => sim.clock.now());
    feed.flush();
    sim.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    sim.advance(100);
    const early = feed.flush()!.upserts.find((r): r is PodRecord => r.key === 'pod/default/web')!;
    expect(early.status).toMatch(/Pending|ContainerCreating/);
    sim.runUntilSettled();
    const later = feed.flush()!.upserts.find((r): r is PodRecord => r.key === 'pod/default/web')!;
    expect(later).toMatchObject({ status: 'Running', ready: true });
    expect(later.ip).toMatch(/^10\.244\.[12]\.\d+$/);
  });
});
