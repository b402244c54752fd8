import { describe, expect, it } from 'vitest';
import type { NodeRecord, PodRecord, ServiceRecord } from '../state/useEngineStore';
import { defaultSource, sourceOptions, targetSuggestions } from './traceSources';

const pod = (namespace: string, name: string, ip?: string): PodRecord => ({ kind: 'pod', key: `pod/${namespace}/${name}`, namespace, name, ...(ip ? { ip, node: 'node01' } : {}), status: ip ? 'Running' : 'Pending', ready: !!ip, labels: {}, hostNetwork: false });
const node: NodeRecord = { kind: 'node', key: 'node/node01', name: 'node01', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', role: 'worker', ready: true };
const svc = (namespace: string, name: string, ports: string, extra: Partial<ServiceRecord> = {}): ServiceRecord => ({ kind: 'service', key: `service/${namespace}/${name}`, namespace, name, type: 'ClusterIP', clusterIP: '10.96.1.1', ports, selector: {}, ...extra });

describe('the Trace form', () => {
  it('offers pods that have an address, the nodes and the outside world, as kubelab trace names them', () => {
    const g = sourceOptions([pod('kube-system', 'coredns-1', '10.244.0.2'), pod('default', 'pending'), pod('default', 'web-1', '10.244.1.5')], [node]);
    expect(g.pods.map((o) => o.value)).toEqual(['kube-system/coredns-1', 'default/web-1']);
    expect(g.nodes).toEqual([{ value: 'node/node01', label: 'node01 (172.18.0.3)' }]);
    expect(g.outside.map((o) => o.value)).toEqual(['outside', 'internet']);
    expect(defaultSource(g)).toBe('default/web-1');
    expect(defaultSource(sourceOptions([pod('default', 'a', '10.244.1.2'), pod('default', 'client', '10.244.1.3')], [node]))).toBe('default/client');
    expect(defaultSource(sourceOptions([], [node]))).toBe('node/node01');
  });

  it('suggests Service names a pod resolves, with their first port', () => {
    expect(targetSuggestions([svc('default', 'web', '80/TCP'), svc('kube-system', 'kube-dns', '53/UDP,53/TCP,9153/TCP'), svc('default', 'db', '5432/TCP'), svc('default', 'ext', '<none>', { type: 'ExternalName' })])).toEqual(['http://web/', 'web:80', 'kube-dns.kube-system:53', 'db:5432']);
  });
});
