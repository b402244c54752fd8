import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goUnitsHumanDuration, psStartTime, systemdRelative, systemdTimespan, systemdTimestamp } from './format';
import { formatBytes, wrapList } from '../apt/aptText';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('node tool formatters', () => {
  it.each([
    [0, 'now'],
    [250, '250ms ago'],
    [12 * S, '12s ago'],
    [MIN + 5 * S, '1min 5s ago'],
    [7 * MIN, '7min ago'],
    [H + 2 * MIN, '1h 2min ago'],
    [7 * H, '7h ago'],
    [26 * H, '1 day 2h ago'],
    [5 * D, '5 days ago'],
    [9 * D, '1 week 2 days ago'],
  ])('systemd relative time of %i ms is %s', (ms, text) => {
    expect(systemdRelative(ms)).toBe(text);
  });

  it.each([
    [0, '0'],
    [41, '41ms'],
    [2_709, '2.709s'],
    [5 * D + 2_709, '5d 2.709s'],
    [H + 9 * MIN + 1_230, '1h 9min 1.23s'],
  ])('systemd timespan of %i ms is %s', (ms, text) => {
    expect(systemdTimespan(ms)).toBe(text);
  });

  it.each([
    [500, 'Less than a second'],
    [S, '1 second'],
    [59 * S, '59 seconds'],
    [90 * S, 'About a minute'],
    [59 * MIN, '59 minutes'],
    [H + 10 * MIN, 'About an hour'],
    [47 * H, '47 hours'],
    [5 * D, '5 days'],
    [20 * D, '2 weeks'],
  ])('go-units HumanDuration of %i ms is %s (crictl CREATED)', (ms, text) => {
    expect(goUnitsHumanDuration(ms)).toBe(text);
  });

  it('timestamps in systemd and ps wording', () => {
    const t = Date.UTC(2026, 0, 15, 9, 3, 7);
    expect(systemdTimestamp(t)).toBe('Thu 2026-01-15 09:03:07 UTC');
    expect(psStartTime(t, t + H)).toBe('09:03');
    expect(psStartTime(t - 5 * D, t)).toBe('Jan10');
  });

  it.each([
    [3_700, '3,700 B'],
    [25_700, '25.7 kB'],
    [1_002_000, '1,002 kB'],
    [19_300_000, '19.3 MB'],
  ])('apt size %i is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('systemd timespans add back up to the milliseconds they describe', () => {
    const unit: Record<string, number> = { y: 31_557_600_000, month: 2_629_800_000, w: 7 * D, d: D, h: H, min: MIN, s: S, ms: 1 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * D }), (ms) => {
        const total = systemdTimespan(ms)
          .split(' ')
          .reduce((sum, part) => {
            const m = /^([\d.]+)([a-z]+)$/.exec(part)!;
            return sum + Math.round(Number(m[1]) * unit[m[2]!]!);
          }, 0);
        expect(total).toBe(ms);
      }),
    );
  });

  it('apt package lists keep every name, in order, within 80 columns', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9.+-]{0,30}$/), { minLength: 1, maxLength: 40 }), (names) => {
        const text = wrapList(names);
        const lines = text.trimEnd().split('\n');
        for (const l of lines) {
          expect(l.startsWith('  ')).toBe(true);
          if (l.trim().includes(' ')) expect(l.length).toBeLessThan(80);
        }
        expect(lines.flatMap((l) => l.trim().split(' '))).toEqual(names);
      }),
    );
  });
});
