import { describe, expect, it } from 'vitest';
import { Rng } from './Rng';
import { VirtualClock } from './VirtualClock';

describe('VirtualClock', () => {
  it('runs timers in due order (FIFO for equal deadlines) as time advances, and not before', () => {
    const clock = new VirtualClock(1000);
    const ran: string[] = [];
    clock.schedule(20, 'b', () => ran.push(`b@${clock.now()}`));
    clock.schedule(10, 'a', () => ran.push(`a@${clock.now()}`));
    clock.schedule(20, 'c', () => ran.push(`c@${clock.now()}`));
    clock.advance(15);
    expect(ran).toEqual(['a@1010']);
    clock.advance(100);
    expect(ran).toEqual(['a@1010', 'b@1020', 'c@1020']);
    expect(clock.now()).toBe(1115);
  });

  it('keeps time in whole milliseconds even when real time arrives in fractions', () => {
    const clock = new VirtualClock(1768467601205.7);
    expect(clock.now()).toBe(1768467601205);
    clock.advance(99.9);
    expect(Number.isInteger(clock.now())).toBe(true);
    clock.schedule(0.6, 'x', () => undefined);
    expect(Number.isInteger(clock.nextDue()!)).toBe(true);
  });

  it('tells foreground work from background work, and cancels timers', () => {
    const clock = new VirtualClock(0);
    const id = clock.schedule(5, 'pull', () => undefined);
    clock.schedule(10, 'probe', () => undefined, true);
    expect(clock.hasForegroundTimers()).toBe(true);
    expect(clock.nextDue(false)).toBe(5);
    clock.cancel(id);
    expect(clock.hasForegroundTimers()).toBe(false);
    expect(clock.nextDue(false)).toBeUndefined();
    expect(clock.nextDue()).toBe(10);
  });
});

describe('Rng', () => {
  it('is reproducible from its seed and restorable from its state', () => {
    const a = new Rng('seed');
    const b = new Rng('seed');
    expect([a.next(), a.int(100), a.string(5, 'bcdfg')]).toEqual([b.next(), b.int(100), b.string(5, 'bcdfg')]);
    const saved = a.save();
    const next = a.next();
    b.restore(saved);
    expect(b.next()).toBe(next);
    expect(new Rng('other').next()).not.toBe(new Rng('seed').next());
  });
});
