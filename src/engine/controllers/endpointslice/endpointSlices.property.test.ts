import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { node, pod, service } from '../testing/fixtures';
import type { PodObj } from '../framework/objects';
import { isPodReady } from '../framework/pods';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import { jsonEqual } from '../framework/keys';
import { reconcileEndpointSlices, sameEndpoint, type Slice } from './reconcileEndpointSlices';

const podArb = fc.record({
  matches: fc.boolean(),
  hasIP: fc.boolean(),
  ready: fc.boolean(),
  deleting: fc.boolean(),
  terminal: fc.boolean(),
  port: fc.constantFrom(8080, 9090),
});
type PodSpec = typeof podArb extends fc.Arbitrary<infer T> ? T : never;

function toPods(specs: PodSpec[]): PodObj[] {
  return specs.map((s, i) =>
    pod(`p${i}`, {
      labels: { app: s.matches ? 'web' : 'other' },
      ...(s.hasIP ? { ip: `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}` } : {}),
      ready: s.ready,
      deleting: s.deleting,
      phase: s.terminal ? 'Succeeded' : 'Running',
      containers: [{ name: 'c', ports: [{ name: 'web', containerPort: s.port }] }],
    }),
  );
}

/** Applies a reconcile result the way the API server would (names for generateName). */
function apply(existing: Slice[], r: ReturnType<typeof reconcileEndpointSlices>, counter: { n: number }): Slice[] {
  const byName = new Map(existing.map((s) => [s.metadata.name!, s]));
  for (const s of r.delete) byName.delete(s.metadata.name!);
  for (const s of r.update) byName.set(s.metadata.name!, s);
  for (const s of r.create) {
    const name = `${s.metadata.generateName}${counter.n++}`;
    byName.set(name, { ...s, metadata: { ...s.metadata, name } });
  }
  return [...byName.values()];
}

describe('EndpointSlice reconciler invariants', () => {
  it('every ready pod matching the selector is in exactly one slice, and no slice exceeds the maximum', () => {
    const svc = service('web', { ports: [{ name: 'http', port: 80, targetPort: 'web' }] });
    const nodes = (n: string) => (n === 'node01' ? node('node01') : undefined);
    fc.assert(
      fc.property(fc.array(fc.array(podArb, { maxLength: 30 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 7 }), (states, max) => {
        let slices: Slice[] = [];
        const counter = { n: 0 };
        for (const state of states) {
          const pods = toPods(state).filter((p) => p.metadata.labels!.app === 'web');
          slices = apply(slices, reconcileEndpointSlices({ service: svc, pods, nodes, existing: slices, maxEndpointsPerSlice: max }), counter);
          for (const p of pods) {
            const eligible = isPodReady(p) && !!p.status?.podIP && !p.metadata.deletionTimestamp && p.status?.phase === 'Running';
            const count = slices.reduce((n, s) => n + s.endpoints.filter((e) => e.targetRef?.name === p.metadata.name).length, 0);
            if (eligible) expect(count).toBe(1);
          }
          for (const s of slices) expect(s.endpoints.length).toBeLessThanOrEqual(max);
          // Pods that should not be listed at all (no IP, terminal) never are.
          const listed = new Set(slices.flatMap((s) => s.endpoints.map((e) => e.targetRef!.name)));
          for (const p of toPods(state)) if (!p.status?.podIP || p.status.phase !== 'Running' || p.metadata.labels!.app !== 'web') expect(listed.has(p.metadata.name!)).toBe(false);
          // Either real slices or exactly one placeholder.
          if (slices.some((s) => s.endpoints.length === 0)) expect(slices).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('sameEndpoint', () => {
  // The comparison it replaces: both endpoints copied with targetRef.resourceVersion dropped.
  const stripped = (ep: Endpoint): unknown => ({ ...ep, targetRef: ep.targetRef ? { ...ep.targetRef, resourceVersion: undefined } : undefined });
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const refArb = fc.record(
    { kind: maybe(fc.constantFrom('Pod', 'Node')), namespace: maybe(fc.constantFrom('default', 'dev')), name: maybe(fc.constantFrom('a', 'b')), uid: maybe(fc.constantFrom('u1', 'u2')), resourceVersion: maybe(fc.constantFrom('1', '2')) },
    { requiredKeys: [] },
  );
  const endpointArb: fc.Arbitrary<Endpoint> = fc.record(
    {
      addresses: fc.array(fc.constantFrom('10.0.0.1', '10.0.0.2'), { maxLength: 2 }),
      conditions: fc.record({ ready: maybe(fc.boolean()), serving: maybe(fc.boolean()), terminating: maybe(fc.boolean()) }, { requiredKeys: [] }),
      hostname: maybe(fc.constantFrom('h1', 'h2')),
      nodeName: maybe(fc.constantFrom('node01', 'node02')),
      zone: maybe(fc.constant('z')),
      targetRef: maybe(refArb),
    },
    { requiredKeys: ['addresses'] },
  );
  /** A second endpoint that often differs from the first in one member only. */
  const pairArb = fc.tuple(endpointArb, endpointArb, fc.constantFrom('same', 'other', 'rv', 'member')).map(([a, b, how]) => {
    if (how === 'other') return [a, b] as const;
    const copy = JSON.parse(JSON.stringify(a)) as Endpoint;
    if (how === 'rv' && copy.targetRef) copy.targetRef.resourceVersion = copy.targetRef.resourceVersion === '1' ? '2' : '1';
    const member = Object.keys(b)[0] ?? 'zone';
    if (how === 'member') (copy as unknown as Record<string, unknown>)[member] = (b as unknown as Record<string, unknown>)[member];
    return [a, copy] as const;
  });

  it('equals JSON equality of the endpoints without targetRef.resourceVersion', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(sameEndpoint(a, b)).toBe(jsonEqual(stripped(a), stripped(b)));
        expect(sameEndpoint(b, a)).toBe(jsonEqual(stripped(b), stripped(a)));
      }),
      { numRuns: 2000 },
    );
  });
});
