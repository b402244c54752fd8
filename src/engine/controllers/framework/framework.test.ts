import { describe, expect, it } from 'vitest';
import { ApiError, StatusReason } from '../../api/types';
import { ApiServer } from '../../api/ApiServer';
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from './EventRecorder';
import { QueueController } from './QueueController';
import { ItemExponentialRateLimiter } from './RateLimiter';
import { WorkQueue } from './WorkQueue';
import type { EventObj } from './objects';

describe('WorkQueue', () => {
  it('de-duplicates, and re-queues a key added while it was being processed', () => {
    const q = new WorkQueue();
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.pending()).toEqual(['a', 'b']);
    expect(q.get()).toBe('a');
    q.add('a'); // changed while syncing
    expect(q.pending()).toEqual(['b']);
    q.done('a');
    expect(q.pending()).toEqual(['b', 'a']);
  });
});

describe('ItemExponentialRateLimiter', () => {
  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [10, 2560],
  ])('failure %i waits %i ms', (n, ms) => {
    const r = new ItemExponentialRateLimiter();
    let last = 0;
    for (let i = 0; i < n; i++) last = r.when('k');
    expect(last).toBe(ms);
  });
});

class Flaky extends QueueController {
  calls = 0;
  constructor(
    clock: VirtualClock,
    private readonly failures: number,
  ) {
    super('flaky', clock);
  }
  protected sync(): void {
    this.calls++;
    if (this.calls <= this.failures) throw new ApiError(409, StatusReason.Conflict, 'Operation cannot be fulfilled');
  }
}

describe('QueueController', () => {
  it('retries a conflicting sync with back-off on the virtual clock, then forgets the failures', () => {
    const clock = new VirtualClock(0);
    const c = new Flaky(clock, 2);
    c.enqueue('default/web');
    expect(c.processPending()).toBe(true);
    expect(c.calls).toBe(1);
    clock.advance(4, () => c.processPending());
    expect(c.calls).toBe(1); // first retry is due after 5 ms
    clock.advance(1, () => c.processPending());
    expect(c.calls).toBe(2);
    clock.advance(10, () => c.processPending());
    expect(c.calls).toBe(3);
    expect(c.lastErrors.size).toBe(0);
    expect(c.processPending()).toBe(false);
  });
});

describe('EventRecorder', () => {
  it('names events <object>.<hex nanos> and bumps count for a repeat, like the EventCorrelator', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
    const server = new ApiServer({ clock, rng: new Rng('t'), serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
    const admin = server.admin();
    admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default', uid: 'u1' } };
    const rec = new EventRecorder(server.system('replicaset-controller'), clock, 'replicaset-controller');
    rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-x');
    clock.advance(30_000);
    rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-x');
    rec.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-abc-y');
    const events = admin.list<EventObj>('events', 'default').items;
    expect(events).toHaveLength(2);
    const first = events.find((e) => e.message === 'Created pod: web-abc-x')!;
    expect(first.metadata.name).toBe(`web-abc.${(BigInt(Date.UTC(2026, 0, 15, 9, 0, 0)) * 1_000_000n).toString(16)}`);
    expect(first).toMatchObject({
      count: 2,
      firstTimestamp: '2026-01-15T09:00:00Z',
      lastTimestamp: '2026-01-15T09:00:30Z',
      type: 'Normal',
      reason: 'SuccessfulCreate',
      source: { component: 'replicaset-controller' },
      involvedObject: { kind: 'ReplicaSet', name: 'web-abc', namespace: 'default', uid: 'u1', apiVersion: 'apps/v1' },
    });
  });
});

describe('md5 ordering', () => {
  it('hashes like a plain md5 (remembered or not) and orders by the hex digest', async () => {
    const { md5Hex, sortByMd5 } = await import('./md5');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('héllo')).toBe(md5Hex('héllo'));
    expect(md5Hex('héllo')).toBe('be50e8478cf24ff3595bc7307fb91b50');
    const words = ['a', 'b', 'c', 'd', 'e'];
    const byDigest = [...words].sort((x, y) => (md5Hex(x) < md5Hex(y) ? -1 : 1));
    expect(sortByMd5(words, (w) => w)).toEqual(byDigest);
    expect(sortByMd5(['only'], () => 'unused')).toEqual(['only']);
  });
});
