import { describe, expect, it } from 'vitest';
import type { DaemonSetObj, EndpointSliceObj, EventObj, PodObj } from './framework/objects';
import { harness } from './testing/harness';
import { node, service } from './testing/fixtures';

describe('DaemonSet controller', () => {
  it('runs one pod per node that tolerates its taints, pinned by node affinity, with DaemonSet tolerations', () => {
    const h = harness();
    h.admin.create('nodes', undefined, node('controlplane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
    h.admin.create('nodes', undefined, node('node01'));
    h.admin.create('nodes', undefined, node('node02'));
    const ds: DaemonSetObj = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } },
    };
    h.admin.create('daemonsets.apps', 'kube-system', ds);
    h.settle();
    const pods = h.all<PodObj>('pods');
    const nodesOf = pods.map((p) => p.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0]!.matchFields![0]!.values![0]).sort();
    expect(nodesOf).toEqual(['node01', 'node02']);
    expect(pods[0]!.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0]!.spec!.tolerations!.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/unreachable:NoExecute');
    expect(pods[0]!.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1', 'controller-revision-hash': expect.any(String) });
    expect(h.all<EventObj>('events').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2);
    const status = h.admin.get<DaemonSetObj>('daemonsets.apps', 'kube-system', 'agent').status;
    expect(status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 2 });
  });
});

describe('EndpointSlice mirroring controller', () => {
  it('mirrors a user-written Endpoints object of a selector-less Service, and not one with a selector', () => {
    const h = harness();
    h.admin.create('services', 'default', service('ext', { selector: null, ports: [{ name: 'db', port: 5432 }] }));
    h.admin.create('endpoints', 'default', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default', labels: { team: 'data' } },
      subsets: [{ addresses: [{ ip: '192.168.10.5' }], notReadyAddresses: [{ ip: '192.168.10.6' }], ports: [{ name: 'db', port: 5432, protocol: 'TCP' }] }],
    });
    h.settle();
    const slices = h.all<EndpointSliceObj>('endpointslices.discovery.k8s.io');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name).toMatch(/^ext-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0]!.metadata.labels).toEqual({ team: 'data', 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slices[0]!.ports).toEqual([{ name: 'db', port: 5432, protocol: 'TCP' }]);
    expect(slices[0]!.endpoints).toEqual([
      { addresses: ['192.168.10.5'], conditions: { ready: true } },
      { addresses: ['192.168.10.6'], conditions: { ready: false } },
    ]);
    h.admin.delete('endpoints', 'default', 'ext');
    h.settle();
    expect(h.all('endpointslices.discovery.k8s.io')).toEqual([]);
  });
});
