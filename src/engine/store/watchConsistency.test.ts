import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTestServer } from '../api/testing/newTestServer';
import type { KubeObject } from '../api/types';

describe('watch consistency (property)', () => {
  it('list + watch from its resourceVersion reproduces every later list, with or without a selector', () => {
    const op = fc.record({ kind: fc.constantFrom('create', 'update', 'delete'), n: fc.integer({ min: 0, max: 6 }), tier: fc.constantFrom('a', 'b') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 30 }), (before, after) => {
        const { server } = newTestServer();
        const a = server.admin();
        const apply = (o: { kind: string; n: number; tier: string }): void => {
          const name = `c${o.n}`;
          const cur = a.tryGet('configmaps', 'default', name);
          if (o.kind === 'create' && !cur) a.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { tier: o.tier } } });
          if (o.kind === 'update' && cur) a.update('configmaps', 'default', { ...cur, metadata: { ...cur.metadata, labels: { tier: o.tier } } });
          if (o.kind === 'delete' && cur) a.delete('configmaps', 'default', name);
        };
        before.forEach(apply);
        for (const selector of [undefined, 'tier=a']) {
          const opts = selector ? { labelSelector: selector } : {};
          const { items, resourceVersion } = a.list('configmaps', 'default', opts);
          const cache = new Map<string, KubeObject>(items.map((i) => [i.metadata.name!, i]));
          a.watch('configmaps', 'default', (ev) => (ev.type === 'DELETED' ? cache.delete(ev.object.metadata.name!) : cache.set(ev.object.metadata.name!, ev.object)), {
            ...opts,
            fromResourceVersion: resourceVersion,
          });
          after.forEach(apply);
          const names = (m: Map<string, KubeObject>): string[] => [...m.keys()].sort();
          const fresh = a.list('configmaps', 'default', opts).items;
          expect(names(cache)).toEqual(fresh.map((i) => i.metadata.name!).sort());
          for (const i of fresh) expect(cache.get(i.metadata.name!)).toEqual(i);
        }
      }),
      { numRuns: 60 },
    );
  });
});
