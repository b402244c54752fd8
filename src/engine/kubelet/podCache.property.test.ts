import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTestServer } from '../api/testing/newTestServer';
import type { PodObject } from '../sim/kinds';
import { Rng } from '../sim/Rng';
import { Kubelet } from './Kubelet';

/** One step: create a pod on either node, relabel or delete one, stop or start the kubelet, or let it work. */
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 0, max: 5 }), node: fc.constantFrom('node01', 'node02') }),
  fc.record({ kind: fc.constantFrom('relabel' as const, 'delete' as const, 'forceDelete' as const), n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constantFrom('stop' as const, 'start' as const, 'work' as const) }),
);

describe('kubelet pod cache', () => {
  it('holds exactly the pods the API server has bound to the node, while the kubelet watches', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { server, clock } = newTestServer();
        const admin = server.admin();
        const dns = { clusterDNS: ['10.96.0.10'], clusterDomain: 'cluster.local', node: { nameservers: ['172.18.0.1'], search: [], options: { other: [] } } };
        const kubelet = new Kubelet({ api: server.system('node:node01', { sharedResults: true }), clock, rng: new Rng('cache'), nodeName: 'node01', nodeIP: '172.18.0.3', podCIDR: '10.244.1.0/24', dns });
        kubelet.start();
        const cache = (kubelet as unknown as { podCache: Map<string, PodObject> }).podCache;
        for (const o of ops) {
          const name = `p${'n' in o ? o.n : 0}`;
          const cur = admin.tryGet<PodObject>('pods', 'default', name);
          if (o.kind === 'create' && !cur) admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: o.node, containers: [{ name: 'c', image: 'nginx' }] } });
          else if (o.kind === 'relabel' && cur) admin.update('pods', 'default', { ...cur, metadata: { ...cur.metadata, labels: { round: String(Number(cur.metadata.labels?.['round'] ?? 0) + 1) } } });
          else if (o.kind === 'delete' && cur) admin.delete('pods', 'default', name);
          else if (o.kind === 'forceDelete' && cur) admin.delete('pods', 'default', name, { gracePeriodSeconds: 0 });
          else if (o.kind === 'stop') kubelet.stop();
          else if (o.kind === 'start') kubelet.start(true);
          else if (o.kind === 'work') clock.advance(2_000, () => void kubelet.processPending());
          if (kubelet.stopped) {
            expect(cache.size).toBe(0);
            continue;
          }
          const bound = admin.list<PodObject>('pods', 'default').items.filter((p) => p.spec?.nodeName === 'node01');
          expect(new Map([...cache].map(([k, p]) => [k, p.metadata.resourceVersion]))).toEqual(new Map(bound.map((p) => [`default/${p.metadata.name}`, p.metadata.resourceVersion])));
        }
        kubelet.stop();
      }),
      { numRuns: 50 },
    );
  });
});
