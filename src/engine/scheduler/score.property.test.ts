import fc from 'fast-check';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ownerKey, spreadScores } from './score';

/** Default spreading as first written: count each node's pods whose owner key equals the pod's. */
function reference(pod: Pod, nodes: Node[], podsByNode: Map<string, Pod[]>): Map<string, number> {
  const owner = ownerKey(pod);
  const counts = new Map(nodes.map((n) => [n.metadata!.name!, owner ? (podsByNode.get(n.metadata!.name!) ?? []).filter((p) => ownerKey(p) === owner).length : 0]));
  const max = Math.max(0, ...counts.values());
  const min = Math.min(...counts.values());
  return new Map([...counts].map(([name, c]) => [name, max === min ? 100 : Math.round(((max - c) * 100) / (max - min))]));
}

const podArb = fc.record({
  namespace: fc.constantFrom('default', 'dev'),
  owner: fc.option(fc.record({ kind: fc.constantFrom('ReplicaSet', 'DaemonSet'), name: fc.constantFrom('a', 'b'), controller: fc.boolean() }), { nil: undefined }),
});
const toPod = (p: { namespace: string; owner?: { kind: string; name: string; controller: boolean } }): Pod => ({
  metadata: { namespace: p.namespace, ...(p.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', uid: 'u', ...p.owner }] } : {}) },
});

describe('spreadScores (property)', () => {
  it('scores what counting owner keys per node scores', () => {
    const nodes: Node[] = ['n1', 'n2', 'n3'].map((name) => ({ metadata: { name } }));
    fc.assert(
      fc.property(podArb, fc.array(fc.array(podArb, { maxLength: 6 }), { minLength: 3, maxLength: 3 }), (pod, lists) => {
        const podsByNode = new Map(lists.map((l, i) => [`n${i + 1}`, l.map(toPod)]));
        expect(spreadScores(toPod(pod), nodes, podsByNode)).toEqual(reference(toPod(pod), nodes, podsByNode));
      }),
      { numRuns: 500 },
    );
  });
});
