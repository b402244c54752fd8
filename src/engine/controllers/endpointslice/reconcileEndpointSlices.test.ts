import { describe, expect, it } from 'vitest';
import { node, pod, service } from '../testing/fixtures';
import type { NodeObj } from '../framework/objects';
import { reconcileEndpointSlices, type Slice } from './reconcileEndpointSlices';

const nodes = new Map<string, NodeObj>([
  ['node01', node('node01')],
  ['node02', node('node02', { zone: 'zone-b' })],
]);
const input = (over: Partial<Parameters<typeof reconcileEndpointSlices>[0]>) =>
  reconcileEndpointSlices({ service: service('web'), pods: [], nodes: (n) => nodes.get(n), existing: [], maxEndpointsPerSlice: 100, ...over });

describe('reconcileEndpointSlices', () => {
  it('creates one slice for the worked example (REFERENCE §5.1), exact object', () => {
    const r = input({ pods: [pod('web-5d78c9b8f6-2xkqz', { ip: '10.244.1.5', node: 'node01' }), pod('web-5d78c9b8f6-h7v4n', { ip: '10.244.2.7', node: 'node02' })] });
    expect(r.update).toEqual([]);
    expect(r.delete).toEqual([]);
    expect(r.create).toEqual([
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: 'web-',
          namespace: 'default',
          labels: { app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-svc-web', controller: true, blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        endpoints: [
          {
            addresses: ['10.244.1.5'],
            conditions: { ready: true, serving: true, terminating: false },
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d78c9b8f6-2xkqz', uid: 'uid-web-5d78c9b8f6-2xkqz' },
            nodeName: 'node01',
          },
          {
            addresses: ['10.244.2.7'],
            conditions: { ready: true, serving: true, terminating: false },
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-5d78c9b8f6-h7v4n', uid: 'uid-web-5d78c9b8f6-h7v4n' },
            nodeName: 'node02',
            zone: 'zone-b',
          },
        ],
      },
    ]);
  });

  it('creates a placeholder slice with no ports when nothing matches, and keeps it on resync', () => {
    const r = input({ pods: [] });
    expect(r.create).toHaveLength(1);
    expect(r.create[0]!.ports).toBeUndefined();
    expect(r.create[0]!.endpoints).toEqual([]);
    const existing = { ...r.create[0]!, metadata: { ...r.create[0]!.metadata, name: 'web-abcde' } } as Slice;
    expect(input({ existing: [existing] })).toEqual({ create: [], update: [], delete: [], skippedPods: [] });
  });

  it('turns the placeholder into the real slice by update, not delete+create', () => {
    const placeholder = { ...input({}).create[0]!, metadata: { ...input({}).create[0]!.metadata, name: 'web-abcde' } } as Slice;
    const r = input({ existing: [placeholder], pods: [pod('a', { ip: '10.244.1.5' })] });
    expect(r.create).toEqual([]);
    expect(r.delete).toEqual([]);
    expect(r.update.map((s) => [s.metadata.name, s.endpoints.length, s.ports])).toEqual([['web-abcde', 1, [{ name: 'http', port: 8080, protocol: 'TCP' }]]]);
  });

  it('orders kube-dns ports by hash as the controller does', () => {
    const svc = service('kube-dns', {
      namespace: 'kube-system',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    });
    const p = pod('coredns-1', { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.0.2' });
    const r = input({ service: svc, pods: [p] });
    expect(r.create[0]!.ports!.map((x) => `${x.name}/${x.protocol}/${x.port}`)).toEqual(['metrics/TCP/9153', 'dns/UDP/53', 'dns-tcp/TCP/53']);
  });

  it.each([
    ['ready', { ready: true }, false, { ready: true, serving: true, terminating: false }],
    ['not ready', { ready: false }, false, { ready: false, serving: false, terminating: false }],
    ['terminating, still serving', { ready: true, deleting: true }, false, { ready: false, serving: true, terminating: true }],
    ['terminating, not ready', { ready: false, deleting: true }, false, { ready: false, serving: false, terminating: true }],
    ['not ready, publishNotReadyAddresses', { ready: false }, true, { ready: true, serving: false, terminating: false }],
    ['terminating, publishNotReadyAddresses', { ready: false, deleting: true }, true, { ready: true, serving: false, terminating: true }],
  ])('conditions: %s', (_name, podOpts, pnra, conditions) => {
    const r = input({ service: service('web', { publishNotReadyAddresses: pnra }), pods: [pod('a', { ip: '10.244.1.5', ...podOpts })] });
    expect(r.create[0]!.endpoints[0]!.conditions).toEqual(conditions);
  });

  it('leaves out pods without an IP and terminal pods', () => {
    const r = input({ pods: [pod('no-ip'), pod('done', { ip: '10.244.1.6', phase: 'Succeeded' }), pod('failed', { ip: '10.244.1.7', phase: 'Failed' })] });
    expect(r.create).toHaveLength(1);
    expect(r.create[0]!.endpoints).toEqual([]);
  });

  it('splits 250 endpoints into slices of 100, 100 and 50', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`p${i}`, { ip: `10.244.${1 + Math.floor(i / 200)}.${(i % 200) + 2}` }));
    const r = input({ pods });
    expect(r.create.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('resolves named targetPorts per pod: different numbers go to different slices', () => {
    const svc = service('web', { ports: [{ name: 'http', port: 80, targetPort: 'web' }] });
    const a = pod('a', { ip: '10.244.1.5', containers: [{ name: 'c', ports: [{ name: 'web', containerPort: 8080 }] }] });
    const b = pod('b', { ip: '10.244.1.6', containers: [{ name: 'c', ports: [{ name: 'web', containerPort: 9090 }] }] });
    const c = pod('c', { ip: '10.244.1.7', containers: [{ name: 'c', ports: [{ name: 'other', containerPort: 1 }] }] });
    const r = input({ service: svc, pods: [a, b, c] });
    expect(r.create.map((s) => [s.ports?.map((p) => p.port) ?? [], s.endpoints.map((e) => e.targetRef!.name)])).toEqual([
      [[8080], ['a']],
      [[9090], ['b']],
      [[], ['c']],
    ]);
  });

  it('sets hostname only when the pod subdomain names the Service', () => {
    const r = input({ pods: [pod('a', { ip: '10.244.1.5', hostname: 'h1', subdomain: 'web' }), pod('b', { ip: '10.244.1.6', hostname: 'h2', subdomain: 'other' })] });
    expect(r.create[0]!.endpoints.map((e) => e.hostname)).toEqual(['h1', undefined]);
  });

  it('labels headless slices and drops reserved labels copied from the Service', () => {
    const svc = service('db', { clusterIP: 'None', labels: { app: 'db', 'kubernetes.io/service-name': 'spoof' } });
    const r = input({ service: svc, pods: [pod('a', { ip: '10.244.1.5', labels: { app: 'db' } })] });
    expect(r.create[0]!.metadata.labels).toEqual({
      app: 'db',
      'service.kubernetes.io/headless': '',
      'kubernetes.io/service-name': 'db',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
  });

  it('removes a deleted pod by updating its slice and deletes slices left empty', () => {
    const first = input({ pods: [pod('a', { ip: '10.244.1.5' }), pod('b', { ip: '10.244.1.6' })] }).create[0]!;
    const existing = { ...first, metadata: { ...first.metadata, name: 'web-x' } } as Slice;
    const r = input({ existing: [existing], pods: [pod('b', { ip: '10.244.1.6' })] });
    expect(r.update.map((s) => s.endpoints.map((e) => e.targetRef!.name))).toEqual([['b']]);
  });

  it('skips pods on nodes that do not exist (and reports them for a retry)', () => {
    const r = input({ pods: [pod('a', { ip: '10.244.1.5', node: 'gone' })] });
    expect(r.skippedPods).toEqual(['a']);
    expect(r.create[0]!.endpoints).toEqual([]);
  });

  it('deletes slices owned by an older Service with the same name', () => {
    const old = { ...input({ service: service('web', { uid: 'old' }) }).create[0]!, metadata: { ...input({ service: service('web', { uid: 'old' }) }).create[0]!.metadata, name: 'web-old' } } as Slice;
    const r = input({ existing: [old], pods: [pod('a', { ip: '10.244.1.5' })] });
    expect(r.delete.map((s) => s.metadata.name)).toEqual(['web-old']);
    expect(r.create).toHaveLength(1);
  });
});
