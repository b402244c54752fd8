import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { newTestServer } from '../api/testing/newTestServer';
import type { NodeObject, PodObject } from '../sim/kinds';
import { Rng } from '../sim/Rng';
import { VirtualClock } from '../sim/VirtualClock';
import { usageOf, type NodeUsage } from './filter';
import { Scheduler } from './Scheduler';

/** What the scheduler keeps between cycles (private; read here to compare it with the API). */
interface SchedulerCache {
  pods: Map<string, Pod>;
  nodes: Map<string, NodeObject>;
  placedOn(node: string): Pod[];
  usageOn(node: string): NodeUsage;
}

const node = (name: string, pods: string): NodeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name } },
  spec: {},
  status: { allocatable: { cpu: '2', memory: '4Gi', pods }, conditions: [{ type: 'Ready', status: 'True' }] },
});

/** One step: create a pod (with or without requests and a host port), finish, relabel or delete one, or resize a node. */
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 0, max: 7 }), cpu: fc.constantFrom(undefined, '100m', '1'), hostPort: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('finish' as const, 'relabel' as const, 'delete' as const), n: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('resize' as const), n: fc.integer({ min: 1, max: 2 }), pods: fc.constantFrom('2', '3', '110') }),
  fc.record({ kind: fc.constant('schedule' as const) }),
);

describe('scheduler cache', () => {
  it('holds what the API server holds, and each node’s usage is what its bound pods add up to', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { server, clock } = newTestServer();
        const admin = server.admin();
        for (const [name, pods] of [['node01', '3'], ['node02', '3']] as const) admin.create('nodes', undefined, node(name, pods));
        const scheduler = new Scheduler({ api: server.system('kube-scheduler', { sharedResults: true }), clock: clock as VirtualClock, rng: new Rng('cache') });
        scheduler.start();
        const cache = scheduler as unknown as SchedulerCache;
        for (const o of ops) {
          const name = `p${'n' in o ? o.n : 0}`;
          const cur = admin.tryGet<PodObject>('pods', 'default', name);
          if (o.kind === 'create' && !cur) {
            const resources = o.cpu ? { requests: { cpu: o.cpu } } : {};
            const ports = o.hostPort ? [{ containerPort: 80, hostPort: 8080 }] : [];
            admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx', resources, ports }] } });
          } else if (o.kind === 'finish' && cur) admin.updateStatus('pods', 'default', { ...cur, status: { ...cur.status, phase: 'Succeeded' } });
          else if (o.kind === 'relabel' && cur) admin.update('pods', 'default', { ...cur, metadata: { ...cur.metadata, labels: { round: String(Number(cur.metadata.labels?.['round'] ?? 0) + 1) } } });
          else if (o.kind === 'delete' && cur) admin.delete('pods', 'default', name, { gracePeriodSeconds: 0 });
          else if (o.kind === 'resize') {
            const n = admin.get<NodeObject>('nodes', undefined, `node0${o.n}`);
            admin.updateStatus('nodes', undefined, { ...n, status: { ...n.status, allocatable: { ...n.status!.allocatable, pods: o.pods } } });
          } else if (o.kind === 'schedule') while (scheduler.runOnce());
          const pods = admin.list<PodObject>('pods', undefined).items;
          expect([...cache.pods.values()].map((p) => p.metadata?.resourceVersion).sort()).toEqual(pods.map((p) => p.metadata.resourceVersion).sort());
          expect([...cache.nodes.values()]).toEqual(admin.list<NodeObject>('nodes', undefined).items);
          for (const n of ['node01', 'node02']) {
            const bound = pods.filter((p) => p.spec?.nodeName === n && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
            const key = (p: Pod) => `${p.metadata?.name}@${p.metadata?.resourceVersion}`;
            expect(cache.placedOn(n).map(key).sort()).toEqual(bound.map(key).sort());
            expect(cache.usageOn(n)).toEqual(usageOf(bound));
          }
        }
        scheduler.stop();
      }),
      { numRuns: 60 },
    );
  });
});
