import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './goRfc3339';

describe("Go's time.Parse(time.RFC3339, ...)", () => {
  it.each([
    ['2024-08-30T06:00:00Z', Date.UTC(2024, 7, 30, 6, 0, 0)],
    ['2024-08-30T06:00:00.25Z', Date.UTC(2024, 7, 30, 6, 0, 0, 250)],
    ['2024-08-30T06:00:00.123456789123Z', Date.UTC(2024, 7, 30, 6, 0, 0, 123)],
    ['2024-08-30T08:30:00+02:30', Date.UTC(2024, 7, 30, 6, 0, 0)],
    ['2024-08-30T01:00:00-05:00', Date.UTC(2024, 7, 30, 6, 0, 0)],
    ['2024-02-29T6:00:00Z', Date.UTC(2024, 1, 29, 6, 0, 0)],
  ])('%s', (s, ms) => expect(parseRfc3339(s)).toBe(ms));

  it.each([
    ['yesterday', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['', 'parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"'],
    ['2024-08-30T06:00:00', 'parsing time "2024-08-30T06:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-08-30 06:00:00Z', 'parsing time "2024-08-30 06:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 06:00:00Z" as "T"'],
    ['2024-8-30T06:00:00Z', 'parsing time "2024-8-30T06:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "8-30T06:00:00Z" as "01"'],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-08-30T24:00:00Z', 'parsing time "2024-08-30T24:00:00Z": hour out of range'],
    ['2024-08-30T06:60:00Z', 'parsing time "2024-08-30T06:60:00Z": minute out of range'],
    ['2024-08-30T06:00:00Zjunk', 'parsing time "2024-08-30T06:00:00Zjunk": extra text: "junk"'],
    ['2024-08-30T06:00:00+0200', 'parsing time "2024-08-30T06:00:00+0200" as "2006-01-02T15:04:05Z07:00": cannot parse "+0200" as "Z07:00"'],
    ['"tôt"', 'parsing time "\\"t\\xc3\\xb4t\\"" as "2006-01-02T15:04:05Z07:00": cannot parse "\\"t\\xc3\\xb4t\\"" as "2006"'],
  ])('%s is refused as Go words it', (s, msg) => expect(() => parseRfc3339(s)).toThrow(msg));
});
