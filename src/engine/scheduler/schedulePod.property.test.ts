import fc from 'fast-check';
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/Rng';
import { filterNode, tolerates, usageOf } from './filter';
import { schedulePod } from './schedulePod';

const keys = ['a', 'b', 'node-role.kubernetes.io/control-plane'];
const taintArb: fc.Arbitrary<Taint> = fc.record({ key: fc.constantFrom(...keys), value: fc.constantFrom('', 'x'), effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute') });
const tolerationArb: fc.Arbitrary<Toleration> = fc.oneof(
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constant('Exists'), effect: fc.constantFrom(undefined, 'NoSchedule', 'NoExecute') }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constant('Equal'), value: fc.constantFrom('', 'x'), effect: fc.constantFrom(undefined, 'NoSchedule') }),
);
const nodeArb = (name: string): fc.Arbitrary<Node> =>
  fc.record({ taints: fc.array(taintArb, { maxLength: 2 }), zone: fc.constantFrom('z1', 'z2') }).map(({ taints, zone }) => ({
    metadata: { name, labels: { 'kubernetes.io/hostname': name, zone } },
    spec: { taints },
    status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
  }));

describe('schedulePod invariants', () => {
  it('a chosen node always passes every filter; a failure names every node', () => {
    fc.assert(
      fc.property(fc.tuple(nodeArb('n1'), nodeArb('n2'), nodeArb('n3')), fc.array(tolerationArb, { maxLength: 3 }), fc.option(fc.constantFrom('z1', 'z2')), fc.string(), (nodes, tolerations, zone, seed) => {
        const pod: Pod = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c' }], tolerations, ...(zone ? { nodeSelector: { zone } } : {}) } };
        const r = schedulePod(pod, nodes, new Map(), new Rng(seed));
        if ('node' in r) {
          const n = nodes.find((x) => x.metadata!.name === r.node)!;
          expect(filterNode(pod, n, usageOf([]))).toBeUndefined();
          for (const t of n.spec!.taints ?? []) if (t.effect !== 'PreferNoSchedule') expect(tolerations.some((tol) => tolerates(tol, t))).toBe(true);
        } else {
          expect(r.message).toMatch(/^0\/3 nodes are available: .*\. no new claims to deallocate, preemption: 0\/3 nodes are available: .*\.$/);
          const counts = [...r.message.split('preemption:')[0]!.matchAll(/(\d+) /g)].map((m) => Number(m[1]));
          // Each node fails for one reason here (no resource shortage), so the counts add up to 3 (after the 0/3).
          expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(3);
        }
      }),
    );
  });
});
