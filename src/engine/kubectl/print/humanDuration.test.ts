import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { humanDuration, timestampSince } from './humanDuration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('HumanDuration (REFERENCE §6.3)', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [182 * S, '3m2s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [45 * M + 30 * S, '45m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [18 * H, '18h'],
    [47 * H + 59 * M, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [5 * D, '5d'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [30 * D, '30d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + D, '2y1d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [20 * Y + 100 * D, '20y'],
    [-500, '0s'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
  ])('%i ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('zero or missing timestamps print <unknown>', () => {
    expect(timestampSince(undefined, 0)).toBe('<unknown>');
    expect(timestampSince('', 0)).toBe('<unknown>');
  });

  it('never gets shorter as time passes (property)', () => {
    const units = (s: string): number => {
      let total = 0;
      for (const [, n, u] of s.matchAll(/(\d+)([smhdy])/g)) total += Number(n) * { s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }[u as 's']!;
      return total;
    };
    fc.assert(
      fc.property(fc.nat(400 * 86400), fc.nat(86400), (a, delta) => {
        expect(units(humanDuration((a + delta) * 1000))).toBeGreaterThanOrEqual(units(humanDuration(a * 1000)));
        expect(units(humanDuration(a * 1000))).toBeLessThanOrEqual(a);
      }),
    );
  });
});
