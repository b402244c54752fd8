import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { NodeObject, PodObject } from './kinds';
import { Simulation } from './Simulation';

const sim = new Simulation();
const admin = sim.api.admin();
const names = (resource: string, ns?: string) => admin.list(resource, ns).items.map((o) => o.metadata.name).sort();

describe('bootstrapped cluster', () => {
  it('starts at startTime with a five-day-old kube-system', () => {
    expect(new Date(sim.clock.now()).toISOString()).toBe('2026-01-15T09:00:00.000Z');
    const ns = admin.get('namespaces', undefined, 'kube-system');
    expect(ns.metadata.creationTimestamp).toBe('2026-01-10T09:00:00Z');
  });

  it('has the namespaces, services and service accounts of a kubeadm cluster', () => {
    expect(names('namespaces')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const kubernetes = admin.get<KubeObject & { spec: { clusterIP: string } }>('services', 'default', 'kubernetes');
    expect(kubernetes.spec.clusterIP).toBe('10.96.0.1');
    const dns = admin.get<KubeObject & { spec: { clusterIP: string; ports: unknown[] } }>('services', 'kube-system', 'kube-dns');
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(dns.metadata.labels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' });
    expect(admin.get('endpointslices.discovery.k8s.io', 'default', 'kubernetes')['endpoints']).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
    for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect(names('serviceaccounts', n)).toContain('default');
    expect(admin.get('configmaps', 'kube-system', 'coredns')['data']).toMatchObject({ Corefile: expect.stringContaining('pods insecure') });
    expect(admin.get('configmaps', 'kube-system', 'kubelet-config')['data']).toMatchObject({ kubelet: expect.stringContaining('clusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n') });
    expect(names('serviceaccounts', 'kube-system')).toEqual(expect.arrayContaining(['coredns', 'kube-proxy', 'endpointslice-controller', 'replicaset-controller']));
  });

  it('registers three Ready nodes with real labels, taints and node info', () => {
    const nodes = admin.list<NodeObject>('nodes', undefined).items;
    expect(nodes.map((n) => n.metadata.name)).toEqual(['controlplane', 'node01', 'node02']);
    const cp = nodes[0]!;
    expect(cp.spec!.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect(cp.metadata.labels!['node-role.kubernetes.io/control-plane']).toBe('');
    expect(cp.status!.addresses).toEqual([{ address: '172.18.0.2', type: 'InternalIP' }, { address: 'controlplane', type: 'Hostname' }]);
    expect(cp.status!.nodeInfo).toMatchObject({ kubeletVersion: 'v1.34.1', containerRuntimeVersion: 'containerd://2.1.4' });
    for (const n of nodes) expect(n.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    expect(nodes.map((n) => n.spec!.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
  });

  it('runs the control plane, CoreDNS and kube-proxy pods', () => {
    const pods = admin.list<PodObject>('pods', 'kube-system').items;
    const byPrefix = (p: string) => pods.filter((x) => x.metadata.name!.startsWith(p));
    for (const name of ['etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']) {
      const p = pods.find((x) => x.metadata.name === name)!;
      expect(p.status!.phase).toBe('Running');
      expect(p.status!.podIP).toBe('172.18.0.2');
      expect(p.metadata.annotations!['kubernetes.io/config.source']).toBe('file');
    }
    const coredns = byPrefix('coredns-');
    expect(coredns).toHaveLength(2);
    for (const p of coredns) {
      expect(p.metadata.name).toMatch(/^coredns-[a-z0-9]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
      expect(p.status!.podIP).toMatch(/^10\.244\.\d\.\d+$/);
    }
    expect(byPrefix('kube-proxy-').map((p) => p.spec!.nodeName).sort()).toEqual(['controlplane', 'node01', 'node02']);
    // Every pod's IP is unique (host-network pods share their node's).
    const podIPs = pods.filter((p) => !p.spec!.hostNetwork).map((p) => p.status!.podIP);
    expect(new Set(podIPs).size).toBe(podIPs.length);
  });
});

describe('learner workloads', () => {
  it('get pods right after create shows ContainerCreating, later Running', () => {
    const s = new Simulation({ seed: 'workload' });
    const a = s.api.admin();
    a.create('deployments.apps', 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
    });
    s.drain();
    let pods = a.list<PodObject>('pods', 'default').items;
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.status!.containerStatuses?.[0]?.state?.waiting?.reason ?? 'ContainerCreating').toBe('ContainerCreating');
    s.advance(15_000);
    pods = a.list<PodObject>('pods', 'default').items;
    expect(pods.map((p) => p.status!.phase)).toEqual(['Running', 'Running']);
    expect(pods.map((p) => p.spec!.nodeName).sort()).toEqual(['node01', 'node02']);
    const ip = pods[0]!.status!.podIP!;
    const res = s.kubelet(pods[0]!.spec!.nodeName!)!.http(ip, 80, { method: 'GET', path: '/', host: ip, userAgent: 'curl/8.5.0', remoteAddr: '10.244.1.1', remotePort: 40000, headers: {}, at: s.clock.now() });
    expect(res !== 'refused' && res.status).toBe(200);
  });
});

describe('determinism and snapshots', () => {
  it('same seed gives the same snapshot', () => {
    expect(new Simulation({ seed: 'x' }).snapshot()).toEqual(new Simulation({ seed: 'x' }).snapshot());
    expect(new Simulation({ seed: 'x' }).snapshot()).not.toEqual(new Simulation({ seed: 'y' }).snapshot());
  });

  it('snapshot is plain JSON and restore round-trips', () => {
    const s = new Simulation({ seed: 'snap' });
    s.api.admin().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] } });
    s.advance(3000);
    const snap = s.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    s.advance(60_000);
    const later = s.snapshot();
    s.restore(snap);
    expect(s.snapshot()).toEqual(snap);
    s.advance(60_000);
    expect(s.api.admin().get<PodObject>('pods', 'default', 'bb').status!.phase).toBe('Running');
    expect(s.clock.now()).toBe(later.clock.now);
  });
});

describe('components and node failure', () => {
  it('drains components added with use(), and rebuilds them on restore', () => {
    const s = new Simulation({ seed: 'use' });
    let built = 0;
    let runs = 0;
    s.use('counter', () => {
      built++;
      return { processPending: () => (runs++, false) };
    });
    s.advance(1000);
    expect(runs).toBeGreaterThan(0);
    s.restore(s.snapshot());
    expect(built).toBe(2);
  });

  it('a stopped kubelet lets the node controller mark its node NotReady', () => {
    const s = new Simulation({ seed: 'down' });
    s.kubelet('node02')!.stop();
    s.advance(60_000);
    const ready = s.api.admin().get<NodeObject>('nodes', undefined, 'node02').status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.status).toBe('Unknown');
    expect(s.api.admin().get<NodeObject>('nodes', undefined, 'node01').status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
  });

  it('records FailedScheduling with the real message through the API server', () => {
    const s = new Simulation({ seed: 'pending' });
    const a = s.api.admin();
    a.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ssd' }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } });
    s.advance(1000);
    const ev = a.list('events', 'default').items.find((e) => e['reason'] === 'FailedScheduling')!;
    expect(ev['message']).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    expect(a.get<PodObject>('pods', 'default', 'ssd').status!.phase).toBe('Pending');
  });
});
