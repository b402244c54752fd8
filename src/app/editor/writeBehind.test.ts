import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryFileStore } from './fileStore';
import { WriteBehind } from './writeBehind';

describe('WriteBehind', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes only the newest text per file, once, after the pause', async () => {
    const store = new MemoryFileStore();
    const write = vi.spyOn(store, 'write');
    const wb = new WriteBehind(store, 250);
    wb.write('a.yaml', 'a');
    wb.write('a.yaml', 'ab');
    wb.write('b.yaml', 'b');
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(write.mock.calls).toEqual([
      ['a.yaml', 'ab'],
      ['b.yaml', 'b'],
    ]);
    expect(await store.list()).toEqual([
      { path: 'a.yaml', text: 'ab' },
      { path: 'b.yaml', text: 'b' },
    ]);
  });

  it('flush writes at once and drop forgets a pending write', async () => {
    const store = new MemoryFileStore();
    const wb = new WriteBehind(store, 10_000);
    wb.write('a.yaml', 'a');
    wb.write('b.yaml', 'b');
    expect(wb.drop('b.yaml')).toBe('b');
    await wb.flush();
    expect(await store.list()).toEqual([{ path: 'a.yaml', text: 'a' }]);
  });

  it('reports failed writes instead of throwing them away silently', async () => {
    const store = new MemoryFileStore();
    vi.spyOn(store, 'write').mockRejectedValue(new Error('quota'));
    const errors: unknown[] = [];
    const wb = new WriteBehind(store, 5, (e) => errors.push(e));
    wb.write('a.yaml', 'a');
    await wb.flush();
    expect(errors).toHaveLength(1);
  });
});
