import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipToInt } from './serviceInfo';

/** The reading ipToInt had before its one-pass fast path. */
const reference = (ip: string) => ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);

describe('ipToInt', () => {
  it('reads any text as Number() of each dotted part did (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ' ', '+', '-', 'e', 'x', 'a'), maxLength: 24 });
    const address = fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(99_999_999_999)).map((p) => p.join('.'));
    fc.assert(fc.property(fc.oneof(text, address), (ip) => {
      expect(ipToInt(ip)).toBe(reference(ip));
    }), { numRuns: 2000 });
    expect(ipToInt('10.96.0.10')).toBe(0x0a60000a);
  });
});
