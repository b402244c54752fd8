import { describe, expect, it, vi } from 'vitest';
import { webEntry } from '../player/__fixtures__/entries';

// The store module opens no worker until connect(); keep the client out of Node.
vi.mock('../client/engineClient', () => ({ engine: () => ({}), Comlink: {}, onEngineRestart: () => () => {} }));
const { applyBatch } = await import('./usePlayerStore');

const e = (id: number) => ({ ...webEntry, id });

describe('the player list', () => {
  it('appends new entries once, keeps the last 50, and a reset starts over', () => {
    let s = applyBatch({ entries: [], selectedId: undefined }, { reset: true, entries: [e(1), e(2)] });
    s = applyBatch(s, { reset: false, entries: [e(2), e(3)] });
    expect(s.entries.map((x) => x.id)).toEqual([1, 2, 3]);
    s = applyBatch(s, { reset: false, entries: Array.from({ length: 60 }, (_, i) => e(10 + i)) });
    expect(s.entries).toHaveLength(50);
    expect(s.entries[0]!.id).toBe(20);
    expect(applyBatch(s, { reset: true, entries: [] }).entries).toEqual([]);
  });

  it('keeps the selection while its entry is listed', () => {
    const s = applyBatch({ entries: [e(1)], selectedId: 1 }, { reset: false, entries: [e(2)] });
    expect(s.selectedId).toBe(1);
    expect(applyBatch(s, { reset: true, entries: [e(5)] }).selectedId).toBeUndefined();
  });
});

describe('repeated entries', () => {
  it('an entry the feed sends again (another ping echo) replaces the listed one', () => {
    const s = applyBatch({ entries: [e(1), e(2)], selectedId: 2 }, { reset: false, entries: [{ ...e(2), echoes: 3 }] });
    expect(s.entries.map((x) => [x.id, x.echoes])).toEqual([[1, undefined], [2, 3]]);
    expect(s.selectedId).toBe(2);
  });
});
