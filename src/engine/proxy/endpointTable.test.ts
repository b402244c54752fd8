import fc from 'fast-check';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { compareKeyText, endpointsForPort } from './endpointTable';
import { categorizeEndpoints, servicePorts } from './serviceInfo';
import { categorizeObjects, objectEndpointsForPort } from './testing/objectEndpoints';
import { service } from './testing/fixtures';

const NODES = ['node01', 'node02', undefined] as const;

/** An endpoint in any condition, on this node, another or none; addresses drawn from a few, so slices repeat them. */
const endpointArb = fc.record({
  ip: fc.constantFrom('10.244.1.5', '10.244.1.50', '10.244.2.7', '10.244.0.100', '10.244.1.5', '10.1.2.3'),
  second: fc.boolean(),
  none: fc.boolean(),
  node: fc.constantFrom(...NODES),
  conditions: fc.option(fc.record({ ready: fc.option(fc.boolean(), { nil: undefined }), serving: fc.option(fc.boolean(), { nil: undefined }), terminating: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
});

/**
 * A slice of the Service: IPv4 or IPv6 (dual-stack), some of its ports (or another target
 * port), any endpoints (`many`: enough that the checkout sorts with the engine's sort).
 */
const sliceArb = (i: number, many = false) => fc.record({
  v6: fc.boolean(),
  ports: fc.subarray([{ name: 'http', port: 8080 }, { name: 'http', port: 9 }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns', port: 53 }, { name: 'metrics', port: 10250 }, { port: 80 }]),
  endpoints: fc.array(endpointArb, many ? { minLength: 30, maxLength: 80 } : { maxLength: 9 }),
}).map(({ v6, ports, endpoints }): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `web-${i}`, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: v6 ? 'IPv6' : 'IPv4',
  ports: ports.map((p) => ({ ...p })),
  endpoints: endpoints.map((e) => ({
    addresses: e.none ? [] : [v6 ? `fd00::${e.ip.split('.')[3]}` : e.ip, ...(e.second ? ['10.9.9.9'] : [])],
    ...(e.node ? { nodeName: e.node } : {}),
    ...(e.conditions ? { conditions: e.conditions } : {}),
  })),
}));

const svc = (internalLocal: boolean, externalLocal: boolean) => service('web', {
  type: 'NodePort', clusterIP: '10.96.0.10',
  ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }, { name: 'metrics', port: 10250, nodePort: 30250 }],
  ...(internalLocal ? { internalTrafficPolicy: 'Local' } : {}), ...(externalLocal ? { externalTrafficPolicy: 'Local' } : {}),
});

describe('endpoint tables', () => {
  it('hold what the former endpoint objects held, in their order, and categorize alike (fast-check)', () => {
    const clusterArb = fc.record({
      internalLocal: fc.boolean(),
      externalLocal: fc.boolean(),
      slices: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sliceArb(i, i === 3)))),
    });
    fc.assert(
      fc.property(fc.array(clusterArb, { minLength: 1, maxLength: 8 }), (clusters) => {
        // Several Service ports' tables are written before any is read: they share chunks.
        const written = clusters.flatMap(({ internalLocal, externalLocal, slices }) =>
          servicePorts(svc(internalLocal, externalLocal)).map((info) => ({ info, slices, table: endpointsForPort(info, slices, 'node01') })));
        for (const { info, slices, table } of written) {
          const objects = objectEndpointsForPort(info, slices, 'node01');
          expect(table.toArray()).toEqual(objects);
          expect(Array.from({ length: table.length }, (_, i) => table.key(i))).toEqual(objects.map((e) => e.key));
          expect(Array.from({ length: table.length }, (_, i) => JSON.stringify(table.ref(i)))).toEqual(objects.map((e) => JSON.stringify({ ip: e.ip, port: e.port, slice: e.slice, nodeName: e.nodeName })));
          const cat = categorizeEndpoints(info, table);
          const ref = categorizeObjects(info, objects);
          const keys = (subset: readonly number[]) => subset.map((i) => table.key(i));
          expect(keys(cat.cluster)).toEqual(ref.cluster.map((e) => e.key));
          expect(keys(cat.local)).toEqual(ref.local.map((e) => e.key));
          expect(keys(cat.allReachable)).toEqual(ref.allReachable.map((e) => e.key));
          expect(cat.hasAny).toBe(ref.hasAny);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('hold a Service port with more endpoints than a chunk, and the tables written around it', () => {
    const info = servicePorts(svc(false, false))[0]!;
    const big = (n: number, name: string): EndpointSlice => ({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: 'http', port: 8080 }],
      endpoints: Array.from({ length: n }, (_, i) => ({ addresses: [`10.${i % 7}.${(i >> 8) & 255}.${i & 255}`], nodeName: i % 3 ? 'node02' : 'node01', conditions: { ready: i % 5 !== 0 } })),
    });
    const slices = [[big(3000, 'a')], [big(5000, 'b')], [big(1500, 'c')]];
    const tables = slices.map((sl) => endpointsForPort(info, sl, 'node01'));
    tables.forEach((table, k) => expect(table.toArray()).toEqual(objectEndpointsForPort(info, slices[k]!, 'node01')));
  });

  it('compare keys as their `ip:port` strings compare (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('1', '0', '2', '9', '.', ':', 'a'), maxLength: 12 });
    const port = fc.integer({ min: 0, max: 70000 }).map(String);
    fc.assert(
      fc.property(text, port, text, port, (ai, ap, bi, bp) => {
        const a = `${ai}:${ap}`;
        const b = `${bi}:${bp}`;
        expect(Math.sign(compareKeyText(ai, ap, bi, bp))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 5000 },
    );
  });
});
