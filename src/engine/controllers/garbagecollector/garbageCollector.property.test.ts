import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { deleteWithPropagation, harness } from '../testing/harness';

const ONLY_GC = { disabled: ['namespace', 'daemonset', 'endpointslicemirroring', 'deployment', 'replicaset', 'endpointslice', 'endpoint', 'nodelifecycle', 'service'] };

describe('garbage collector invariants', () => {
  it('leaves no dangling owner references, no stuck finalizers, and no orphans of cascading deletes', () => {
    const forest = fc.array(fc.record({ parent: fc.nat(), hasParent: fc.boolean(), block: fc.boolean() }), { minLength: 1, maxLength: 12 });
    const deletes = fc.array(fc.record({ index: fc.nat(), policy: fc.constantFrom('Background', 'Foreground', 'Orphan') as fc.Arbitrary<'Background' | 'Foreground' | 'Orphan'> }), { maxLength: 4 });
    fc.assert(
      fc.property(forest, deletes, (nodes, dels) => {
        const h = harness(ONLY_GC);
        const created: KubeObject[] = [];
        nodes.forEach((n, i) => {
          const owner = i > 0 && n.hasParent ? created[n.parent % i] : undefined;
          const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `o${i}`, namespace: 'default' }, data: {} };
          if (owner) obj.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: n.block }];
          created.push(h.admin.create('configmaps', 'default', obj));
        });
        h.settle();
        const cascaded = new Set<string>();
        for (const d of dels) {
          const target = created[d.index % created.length]!;
          try {
            deleteWithPropagation(h.admin, 'configmaps', 'default', target.metadata.name!, { propagationPolicy: d.policy });
          } catch {
            continue; // already gone
          }
          if (d.policy !== 'Orphan') cascaded.add(target.metadata.name!);
          h.settle();
        }
        const left = h.all<KubeObject>('configmaps');
        const uids = new Set(left.map((o) => o.metadata.uid));
        for (const o of left) {
          expect(o.metadata.deletionTimestamp).toBeUndefined();
          for (const r of o.metadata.ownerReferences ?? []) expect(uids.has(r.uid)).toBe(true);
          // A survivor's owner was never deleted with a cascading policy.
          const owner = o.metadata.ownerReferences?.[0]?.name;
          if (owner) expect(cascaded.has(owner)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });
});
