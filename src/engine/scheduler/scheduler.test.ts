import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/Rng';
import { VirtualClock } from '../sim/VirtualClock';
import { MemoryApi } from '../sim/testing/memoryApi';
import type { NodeObject, PodObject } from '../sim/kinds';
import { filterNode, usageOf } from './filter';
import { parseQuantity } from './quantity';
import { Scheduler } from './Scheduler';
import { schedulePod } from './schedulePod';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
function node(name: string, opts: { taints?: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never; labels?: Record<string, string>; ready?: 'True' | 'False' | 'Unknown'; cpu?: string } = {}): NodeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } },
    spec: { taints: opts.taints ?? [] },
    status: { allocatable: { cpu: opts.cpu ?? '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: opts.ready ?? 'True' }] },
  };
}
const cluster = () => [node('controlplane', { taints: [CP_TAINT], labels: { 'node-role.kubernetes.io/control-plane': '' } }), node('node01'), node('node02')];
function pod(name: string, spec: Partial<NonNullable<Pod['spec']>> = {}, owner?: string): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['2', 2],
    ['128Mi', 128 * 2 ** 20],
    ['1G', 1e9],
    ['1.5Gi', 1.5 * 2 ** 30],
  ])('%s', (q, v) => expect(parseQuantity(q)).toBeCloseTo(v));
});

describe('filterNode', () => {
  const empty = usageOf([]);
  it.each<[string, Pod, NodeObject, string | undefined]>([
    ['control-plane taint', pod('p'), cluster()[0]!, 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    ['tolerated taint', pod('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), cluster()[0]!, undefined],
    ['tolerate everything', pod('p', { tolerations: [{ operator: 'Exists' }] }), cluster()[0]!, undefined],
    ['nodeSelector mismatch', pod('p', { nodeSelector: { disk: 'ssd' } }), node('node01'), "node(s) didn't match Pod's node affinity/selector"],
    ['nodeSelector match', pod('p', { nodeSelector: { disk: 'ssd' } }), node('node01', { labels: { disk: 'ssd' } }), undefined],
    [
      'required affinity NotIn',
      pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node01'] }] }] } } } }),
      node('node01'),
      "node(s) didn't match Pod's node affinity/selector",
    ],
    ['not ready node', pod('p'), node('node01', { ready: 'False' }), 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }'],
    ['unreachable node', pod('p'), node('node01', { ready: 'Unknown' }), 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }'],
    ['too much cpu', pod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3' } } }] }), node('node01'), 'Insufficient cpu'],
  ])('%s', (_name, p, n, reason) => {
    expect(filterNode(p, n, empty)?.[0]?.reason).toBe(reason);
  });
});

describe('schedulePod', () => {
  it('reports the real FailedScheduling message', () => {
    const r = schedulePod(pod('p', { nodeSelector: { disk: 'ssd' } }), cluster(), new Map(), new Rng('x'));
    expect(r).toEqual({
      message:
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });
  it('says no victims when only resources are short', () => {
    const big = pod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3' } } }] });
    expect(schedulePod(big, cluster(), new Map(), new Rng('x'))).toEqual({
      message:
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    });
  });
  it('never picks the control plane and spreads replicas of one owner', () => {
    const placed = new Map<string, Pod[]>([['node01', [pod('a', {}, 'rs')]]]);
    for (const seed of ['a', 'b', 'c', 'd']) expect(schedulePod(pod('b', {}, 'rs'), cluster(), placed, new Rng(seed))).toEqual({ node: 'node02' });
  });
});

describe('Scheduler', () => {
  function setup() {
    const clock = new VirtualClock(Date.UTC(2026, 0, 15));
    const mem = new MemoryApi(clock, new Rng('s'));
    const admin = mem.client('admin');
    for (const n of cluster()) admin.create('nodes', undefined, n);
    const scheduler = new Scheduler({ api: mem.client('system:kube-scheduler'), clock, rng: new Rng('s') });
    scheduler.start();
    const drain = () => {
      while (scheduler.runOnce());
    };
    return { admin, scheduler, drain };
  }

  it('binds pods and records Scheduled events', () => {
    const { admin, drain } = setup();
    admin.create('pods', 'default', pod('web-1', {}, 'rs'));
    admin.create('pods', 'default', pod('web-2', {}, 'rs'));
    drain();
    const nodes = admin.list<PodObject>('pods', 'default').items.map((p) => p.spec!.nodeName).sort();
    expect(nodes).toEqual(['node01', 'node02']);
    const msgs = admin.list('events', 'default').items.map((e) => `${e['reason']}: ${e['message']}`).sort();
    expect(msgs).toEqual([`Scheduled: Successfully assigned default/web-1 to ${admin.get<PodObject>('pods', 'default', 'web-1').spec!.nodeName}`, `Scheduled: Successfully assigned default/web-2 to ${admin.get<PodObject>('pods', 'default', 'web-2').spec!.nodeName}`]);
  });

  it('leaves unschedulable pods Pending with a condition and retries when a node changes', () => {
    const { admin, drain } = setup();
    admin.create('pods', 'default', pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    drain();
    const p = admin.get<PodObject>('pods', 'default', 'ssd');
    expect(p.spec!.nodeName).toBeUndefined();
    expect(p.status!.conditions![0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
    const n = admin.get<NodeObject>('nodes', undefined, 'node02');
    admin.update('nodes', undefined, { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } });
    drain();
    expect(admin.get<PodObject>('pods', 'default', 'ssd').spec!.nodeName).toBe('node02');
  });
});
