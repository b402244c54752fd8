import { describe, expect, it } from 'vitest';
import { rfc3339 } from './metadata';

describe('rfc3339', () => {
  it('formats whole seconds, whatever second came before', () => {
    const t = Date.UTC(2026, 0, 15, 9, 0, 0);
    expect(rfc3339(t + 999)).toBe('2026-01-15T09:00:00Z');
    expect(rfc3339(t + 1000)).toBe('2026-01-15T09:00:01Z');
    expect(rfc3339(t)).toBe('2026-01-15T09:00:00Z');
    expect(rfc3339(t - 1)).toBe('2026-01-15T08:59:59Z');
    expect(rfc3339(t - 1)).toBe('2026-01-15T08:59:59Z');
    expect(() => rfc3339(NaN)).toThrow(RangeError);
  });
});
