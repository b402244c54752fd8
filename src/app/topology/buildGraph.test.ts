import { describe, expect, it } from 'vitest';
import type { EndpointSliceRecord, NodeRecord, PodRecord, ServiceRecord } from '../state/useEngineStore';
import { buildGraph } from './buildGraph';

const node = (name: string, role: NodeRecord['role']): NodeRecord => ({ kind: 'node', key: `node//${name}`, name, internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', role, ready: true });
const pod = (ns: string, name: string, nodeName: string, labels: Record<string, string> = {}): PodRecord => ({
  kind: 'pod',
  key: `pod/${ns}/${name}`,
  namespace: ns,
  name,
  node: nodeName,
  ip: '10.244.1.5',
  status: 'Running',
  ready: true,
  labels,
  hostNetwork: false,
});
const svc: ServiceRecord = { kind: 'service', key: 'service/default/web', namespace: 'default', name: 'web', type: 'ClusterIP', clusterIP: '10.96.100.10', ports: '80/TCP', selector: { app: 'web' } };
const slice: EndpointSliceRecord = {
  kind: 'endpointslice',
  key: 'endpointslice/default/web-abcde',
  namespace: 'default',
  name: 'web-abcde',
  service: 'default/web',
  ports: ['8080/TCP'],
  endpoints: [
    { ip: '10.244.1.5', ready: true, serving: true, terminating: false, pod: 'default/web-1' },
    { ip: '10.244.2.7', ready: false, serving: false, terminating: false, pod: 'default/web-2' },
  ],
};

describe('buildGraph', () => {
  const view = {
    nodes: [node('node01', 'worker'), node('controlplane', 'control-plane')],
    pods: [pod('default', 'web-1', 'node01'), pod('default', 'web-2', 'node01'), pod('kube-system', 'kube-proxy-x', 'node01', { 'k8s-app': 'kube-proxy' }), pod('kube-system', 'coredns-y', 'node01', { 'k8s-app': 'kube-dns' })],
    services: [svc],
    slices: [slice],
  };

  it('puts the control plane first and each pod inside its node, hiding system plumbing by default', () => {
    const g = buildGraph(view, { showSystemPods: false });
    expect(g.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.id)).toEqual(['node/controlplane', 'node/node01']);
    const pods = g.nodes.filter((n) => n.type === 'pod');
    expect(pods.map((n) => [n.id, n.parentId])).toEqual([
      ['pod/default/web-1', 'node/node01'],
      ['pod/default/web-2', 'node/node01'],
      ['pod/kube-system/coredns-y', 'node/node01'],
    ]);
    expect(g.nodes.find((n) => n.id === 'node/node01')!.data).toMatchObject({ kubeProxy: true, podCount: 3 });
    expect(buildGraph(view, { showSystemPods: true }).nodes.some((n) => n.id === 'pod/kube-system/kube-proxy-x')).toBe(true);
  });

  it('draws a Service above the nodes with an edge to each endpoint pod, dashed when not ready', () => {
    const g = buildGraph(view, { showSystemPods: false });
    const s = g.nodes.find((n) => n.id === 'service/default/web')!;
    expect(s.position.y).toBeLessThan(0);
    expect(s.data).toMatchObject({ ready: 1, total: 2 });
    expect(g.edges.map((e) => [e.target, e.className])).toEqual([
      ['pod/default/web-1', 'edge-ready'],
      ['pod/default/web-2', 'edge-not-ready'],
    ]);
  });
});
