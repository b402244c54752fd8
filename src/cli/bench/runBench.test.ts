import { describe, expect, it } from 'vitest';
import { formatTable, meetsTarget } from './runBench';

describe('bench table', () => {
  it('aligns columns and marks figures that miss their target', () => {
    const text = formatTable([
      { benchmark: 'bundle', metric: 'initial JS (gzip)', value: 250.5, unit: 'KiB', target: { max: 300 } },
      { benchmark: 'dns', metric: 'lookups', value: 1000, unit: '/s', target: { min: 300000 } },
    ]);
    expect(text).toBe(
      [
        'BENCHMARK   METRIC              VALUE       TARGET         OK',
        'bundle      initial JS (gzip)   250.5 KiB   <= 300 KiB     yes',
        'dns         lookups             1000 /s     >= 300000 /s   NO',
        '',
      ].join('\n'),
    );
  });

  it('has no verdict without a target', () => {
    expect(meetsTarget({ benchmark: 'a', metric: 'b', value: 1, unit: 'ms' })).toBeUndefined();
  });
});
