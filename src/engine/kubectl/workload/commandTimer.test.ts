import { describe, expect, it } from 'vitest';
import { commandTimer } from './commandTimer';

describe('commandTimer', () => {
  it('runs out after the timeout of forward time, however often the clock goes back', () => {
    const t = commandTimer(1_000, 30_000);
    expect(t.deadline(1_000)).toBe(31_000);
    expect(t.expired(21_000)).toBe(false);
    // Rewound to before the command started: 20 s waited, 10 s left from there.
    expect(t.deadline(500)).toBe(10_500);
    expect(t.expired(10_499)).toBe(false);
    expect(t.expired(10_500)).toBe(true);
  });
});
