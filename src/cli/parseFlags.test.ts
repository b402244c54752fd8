import { describe, expect, it } from 'vitest';
import { parseFlags } from './parseFlags';

describe('parseFlags', () => {
  it('reads string and boolean flags in both spellings and keeps positional words', () => {
    const r = parseFlags(['--only', 'bundle', 'x', '--json', '--name=a=b'], { only: 'string', json: 'boolean', name: 'string' });
    expect(r).toEqual({ ok: true, values: { only: 'bundle', json: true, name: 'a=b' }, positional: ['x'] });
  });

  it('names unknown flags and missing values', () => {
    expect(parseFlags(['--nope'], {})).toEqual({ ok: false, error: 'unknown flag --nope' });
    expect(parseFlags(['--only'], { only: 'string' })).toEqual({ ok: false, error: 'flag --only needs a value' });
  });
});
