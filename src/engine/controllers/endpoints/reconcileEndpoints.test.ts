import fc from 'fast-check';
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../framework/keys';
import { pod, service } from '../testing/fixtures';
import { desiredEndpoints, sameSubsetsIgnoringRefVersions } from './reconcileEndpoints';
import { repackSubsets } from './repackSubsets';

describe('desiredEndpoints', () => {
  it('worked example: one subset, addresses sorted by IP', () => {
    const ep = desiredEndpoints(service('web'), [pod('b', { ip: '10.244.2.7', node: 'node02' }), pod('a', { ip: '10.244.1.5', node: 'node01' })], '2026-01-15T09:00:05Z');
    expect(ep).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-15T09:00:05Z' } },
      subsets: [
        {
          addresses: [
            { ip: '10.244.1.5', nodeName: 'node01', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
            { ip: '10.244.2.7', nodeName: 'node02', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } },
          ],
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
    });
  });

  it.each([
    ['ready pod in addresses', { ready: true }, false, ['addresses']],
    ['not-ready pod in notReadyAddresses', { ready: false }, false, ['notReadyAddresses']],
    ['terminating pod omitted', { ready: true, deleting: true }, false, []],
    ['publishNotReadyAddresses: not ready counts as ready', { ready: false }, true, ['addresses']],
    ['publishNotReadyAddresses keeps terminating pods', { ready: false, deleting: true }, true, ['addresses']],
  ])('%s', (_n, podOpts, pnra, keys) => {
    const ep = desiredEndpoints(service('web', { publishNotReadyAddresses: pnra }), [pod('a', { ip: '10.244.1.5', ...podOpts })], undefined);
    expect((ep.subsets ?? []).flatMap((s) => Object.keys(s).filter((k) => k !== 'ports'))).toEqual(keys);
  });

  it('has no subsets when nothing matches, and marks headless Services', () => {
    const ep = desiredEndpoints(service('db', { clusterIP: 'None' }), [], undefined);
    expect(ep.subsets).toBeUndefined();
    expect(ep.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
  });

  it('orders kube-dns ports as a real cluster lists them (both 53s before 9153)', () => {
    const svc = service('kube-dns', {
      namespace: 'kube-system',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    });
    const p = (n: string, ip: string) => pod(n, { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip });
    const ep = desiredEndpoints(svc, [p('c1', '10.244.0.16'), p('c2', '10.244.0.17')], undefined);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0]!.ports!.map((x) => x.port)).toEqual([53, 53, 9153]);
  });

  it('truncates past 1000 addresses and annotates over-capacity', () => {
    const pods = Array.from({ length: 1005 }, (_, i) => pod(`p${i}`, { ip: `10.${Math.floor(i / 250)}.${i % 250}.1` }));
    const ep = desiredEndpoints(service('web'), pods, undefined);
    expect(ep.subsets![0]!.addresses).toHaveLength(1000);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
  });
});

describe('repackSubsets', () => {
  it('merges addresses that offer the same ports and splits those that do not', () => {
    const a = { ip: '10.0.0.2' };
    const b = { ip: '10.0.0.1' };
    const out = repackSubsets([
      { addresses: [a], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
      { addresses: [b], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
      { addresses: [b], ports: [{ name: 'x', port: 81, protocol: 'TCP' }] },
    ]);
    const summary = out.map((s) => [s.addresses!.map((x) => x.ip), s.ports!.map((p) => p.port).sort()]);
    expect(summary).toContainEqual([['10.0.0.1', '10.0.0.2'], [80]]);
    expect(summary).toContainEqual([['10.0.0.1'], [81]]);
    expect(summary).toHaveLength(2);
  });
});

describe('sameSubsetsIgnoringRefVersions', () => {
  // The comparison it replaces: copies with the ready addresses' targetRef.resourceVersion dropped.
  const strip = (subsets: EndpointSubset[]) =>
    subsets.map((s) => ({ ...s, addresses: s.addresses?.map((a) => ({ ...a, targetRef: a.targetRef && { ...a.targetRef, resourceVersion: undefined } })) }));
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const ref = fc.record({ kind: maybe(fc.constant('Pod')), name: maybe(fc.constantFrom('a', 'b')), uid: maybe(fc.constantFrom('u1', 'u2')), resourceVersion: maybe(fc.constantFrom('1', '2')) }, { requiredKeys: [] });
  const address: fc.Arbitrary<EndpointAddress> = fc.record({ ip: fc.constantFrom('10.0.0.1', '10.0.0.2'), nodeName: maybe(fc.constant('node01')), targetRef: maybe(ref) }, { requiredKeys: ['ip'] });
  const subset: fc.Arbitrary<EndpointSubset> = fc.record(
    { addresses: maybe(fc.array(address, { maxLength: 2 })), notReadyAddresses: maybe(fc.array(address, { maxLength: 2 })), ports: maybe(fc.constant([{ port: 80 }])) },
    { requiredKeys: [] },
  );
  const subsets = fc.array(subset, { maxLength: 2 });
  /** The second list is often the first with resourceVersions changed, so equal answers are common. */
  const pair = fc.tuple(subsets, subsets, fc.boolean()).map(([a, b, related]) => {
    if (!related) return [a, b] as const;
    const copy = JSON.parse(JSON.stringify(a)) as EndpointSubset[];
    for (const s of copy) for (const x of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) if (x.targetRef) x.targetRef.resourceVersion = '9';
    return [a, copy] as const;
  });

  it('equals JSON equality of the subsets with the ready addresses\' targetRef resourceVersions dropped', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameSubsetsIgnoringRefVersions(a, b)).toBe(jsonEqual(strip(a), strip(b)));
      }),
      { numRuns: 2000 },
    );
  });
});
