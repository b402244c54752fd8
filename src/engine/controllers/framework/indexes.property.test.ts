import fc from 'fast-check';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../api/ApiServer';
import type { KubeObject } from '../../api/types';
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import { candidatesForMap, candidatesToClaim, indexLabelsAndController, indexMapSelector, selectorsFor } from './indexes';
import { Informer } from './Informer';
import { mapSelectorMatches, selectorMatches } from './labelSelector';

const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'env'), fc.constantFrom('a', 'b'), { maxKeys: 3 });
const namespace = fc.constantFrom('default', 'other');
/** A write to one ConfigMap (labels, a selector annotation, a controller uid) or its deletion. */
const op = fc.record({ name: fc.constantFrom('x', 'y', 'z', 'w'), namespace, labels, selector: fc.option(labels), owner: fc.option(fc.constantFrom('u1', 'u2')), remove: fc.boolean() });

const selectorOf = (o: KubeObject) => {
  const s = o.metadata.annotations?.['selector'];
  return s === undefined ? undefined : (JSON.parse(s) as Record<string, string>);
};

describe('informer indexes', () => {
  it('give exactly what filtering list(namespace) gives, in the same order, through any history of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), labels, namespace, fc.constantFrom('u1', 'u2', undefined), (ops, sel, ns, uid) => {
        const api = new ApiServer({ clock: new VirtualClock(0), rng: new Rng('idx'), serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
        const admin = api.admin();
        for (const name of ['default', 'other']) admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
        const inf = new Informer(admin, 'configmaps');
        indexLabelsAndController(inf);
        indexMapSelector(inf, selectorOf);
        inf.start();
        for (const o of ops) {
          const existing = admin.tryGet('configmaps', o.namespace, o.name);
          if (o.remove) {
            if (existing) admin.delete('configmaps', o.namespace, o.name);
            continue;
          }
          const obj: KubeObject = {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
              name: o.name,
              labels: o.labels,
              ...(o.selector ? { annotations: { selector: JSON.stringify(o.selector) } } : {}),
              ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: o.owner, controller: true }] } : {}),
            },
          };
          if (existing) admin.update('configmaps', o.namespace, { ...obj, metadata: { ...obj.metadata, resourceVersion: existing.metadata.resourceVersion } });
          else admin.create('configmaps', o.namespace, obj);
        }
        const names = (xs: KubeObject[]) => xs.map((o) => o.metadata.name);
        const all = inf.list(ns);
        expect(names(candidatesForMap(inf, ns, sel).filter((o) => mapSelectorMatches(sel, o.metadata.labels)))).toEqual(names(all.filter((o) => mapSelectorMatches(sel, o.metadata.labels))));
        const ls: LabelSelector = { matchLabels: sel };
        const claimable = (o: KubeObject) => selectorMatches(ls, o.metadata.labels) || o.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid);
        expect(names(candidatesToClaim(inf, ns, ls, uid).filter(claimable))).toEqual(names(all.filter(claimable)));
        const podLabels = ops[0]?.labels ?? {};
        const selects = (o: KubeObject) => selectorOf(o) !== undefined && mapSelectorMatches(selectorOf(o)!, podLabels);
        expect(names(selectorsFor(inf, ns, podLabels).filter(selects))).toEqual(names(all.filter(selects)));
      }),
      { numRuns: 150 },
    );
  });
});
