import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { ObjectStore } from './ObjectStore';

/** One step of a random history: a write, a delete, a list, or a restore from a snapshot. */
const step = fc.oneof(
  fc.record({ op: fc.constant('put' as const), resource: fc.constantFrom('a', 'b'), ns: fc.constantFrom('', 'x', 'y'), name: fc.constantFrom('n1', 'n2', 'n3'), v: fc.nat(3) }),
  fc.record({ op: fc.constant('remove' as const), resource: fc.constantFrom('a', 'b'), ns: fc.constantFrom('', 'x', 'y'), name: fc.constantFrom('n1', 'n2', 'n3') }),
  fc.record({ op: fc.constant('list' as const), resource: fc.constantFrom('a', 'b', 'c'), ns: fc.constantFrom(undefined, '', 'x', 'y', 'z') }),
  fc.record({ op: fc.constant('restore' as const) }),
);

/** What a list must hold, from a plain model of the store: by namespace, then name. */
function expected(model: Map<string, KubeObject>, resource: string, ns: string | undefined): KubeObject[] {
  const order = (o: KubeObject) => [o.metadata.namespace ?? '', o.metadata.name!] as const;
  return [...model.entries()]
    .filter(([k]) => k.startsWith(`${resource}|`) && (ns === undefined || k.split('|')[1] === ns))
    .map(([, o]) => o)
    .sort((a, b) => {
      const [na, ma] = order(a);
      const [nb, mb] = order(b);
      return na !== nb ? (na < nb ? -1 : 1) : ma < mb ? -1 : ma > mb ? 1 : 0;
    });
}

describe('ObjectStore list cache (property)', () => {
  it('every list equals the list made afresh, through writes, deletes and restores', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const store = new ObjectStore();
        const model = new Map<string, KubeObject>();
        for (const s of steps) {
          if (s.op === 'put') {
            const obj: KubeObject = { apiVersion: 'v1', kind: 'K', metadata: { name: s.name, ...(s.ns ? { namespace: s.ns } : {}), resourceVersion: String(store.nextResourceVersion()) }, data: { v: s.v } };
            model.set(`${s.resource}|${s.ns}|${s.name}`, store.put(s.resource, obj, model.has(`${s.resource}|${s.ns}|${s.name}`) ? 'MODIFIED' : 'ADDED', 'test'));
          } else if (s.op === 'remove') {
            const key = `${s.resource}|${s.ns}|${s.name}`;
            const old = model.get(key);
            if (!old) continue;
            store.remove(s.resource, { ...old, metadata: { ...old.metadata, resourceVersion: String(store.nextResourceVersion()) } }, 'test');
            model.delete(key);
          } else if (s.op === 'list') {
            const list = store.list(s.resource, s.ns);
            expect(list).toEqual(expected(model, s.resource, s.ns));
            expect(Object.isFrozen(list)).toBe(true);
          } else {
            const snap = JSON.parse(JSON.stringify(store.snapshot()));
            store.restore(snap);
            for (const [k, o] of model) model.set(k, store.get(k.split('|')[0]!, k.split('|')[1]!, o.metadata.name!)!);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
