import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './computeHash';

describe('computeHash', () => {
  it('safe-encodes decimal digits onto the no-vowel alphabet (rand.SafeEncodeString)', () => {
    // '0'..'9' are bytes 48..57; 48 % 27 = 21 → '4': why real hashes like 5d78c9b8f6 use only these ten characters.
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is FNV-1a 32', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a([...'a'].map((c) => c.charCodeAt(0)))).toBe(0xe40c292c);
  });

  it('is stable for equal templates, differs for different ones and for a collision count', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    const same = { spec: { containers: [{ image: 'nginx', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(t)).toBe(computeHash(same));
    expect(computeHash(t)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(computeHash({ ...t, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })).not.toBe(computeHash(t));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
  });
});
