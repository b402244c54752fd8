/** A small cluster for kubelet tests: in-memory API, scheduler, one kubelet per worker. */
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { PodObject } from '../../sim/kinds';
import { Rng } from '../../sim/Rng';
import { MemoryApi } from '../../sim/testing/memoryApi';
import { VirtualClock } from '../../sim/VirtualClock';
import { Scheduler } from '../../scheduler/Scheduler';
import { Kubelet } from '../Kubelet';
import { nodeObject } from '../nodeObject';

export function kubeletHarness(seed = 'k') {
  const clock = new VirtualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
  const rng = new Rng(seed);
  const mem = new MemoryApi(clock, rng);
  const admin = mem.client('kubernetes-admin');
  const nodes = [
    { name: 'controlplane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
    { name: 'node01', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
    { name: 'node02', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
  ];
  for (const n of nodes) admin.create('nodes', undefined, nodeObject(n, clock.now()));
  const scheduler = new Scheduler({ api: mem.client('system:kube-scheduler'), clock, rng });
  const dns = { clusterDNS: ['10.96.0.10'], clusterDomain: 'cluster.local', node: { nameservers: ['172.18.0.1'], search: [], options: { other: [] } } };
  const kubelets = nodes.map((n) => new Kubelet({ api: mem.client(`system:node:${n.name}`), clock, rng, nodeName: n.name, nodeIP: n.internalIP, podCIDR: n.podCIDR, dns }));
  scheduler.start();
  for (const k of kubelets) k.start();
  const drain = () => {
    for (let i = 0; i < 1000; i++) {
      let worked = false;
      while (scheduler.runOnce()) worked = true;
      for (const k of kubelets) worked = k.processPending() || worked;
      if (!worked) return;
    }
  };
  const advance = (ms: number) => {
    drain();
    clock.advance(ms, drain);
  };
  const pod = (name: string, containers: Partial<Container>[], spec: Record<string, unknown> = {}): PodObject => {
    const p = admin.create<PodObject>('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { containers: containers.map((c, i) => ({ name: `c${i}`, image: 'nginx', ...c })), ...spec },
    } as PodObject);
    drain();
    return p;
  };
  const get = (name: string) => admin.get<PodObject>('pods', 'default', name);
  const events = (name: string) =>
    admin
      .list<KubeObject>('events', 'default')
      .items.filter((e) => (e['involvedObject'] as { name: string }).name === name)
      .sort((a, b) => String(a['firstTimestamp']).localeCompare(String(b['firstTimestamp'])) || a.metadata.name!.localeCompare(b.metadata.name!))
      .map((e) => `${e['type']} ${e['reason']} ${e['message']}${(e['count'] as number) > 1 ? ` (x${e['count']})` : ''}`);
  const kubeletOf = (name: string) => kubelets.find((k) => k.cfg.nodeName === get(name).spec!.nodeName)!;
  return { clock, admin, scheduler, kubelets, drain, advance, pod, get, events, kubeletOf };
}
