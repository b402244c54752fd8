import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEndpointKeys, EndpointInfo, ipToInt } from './serviceInfo';

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

describe('compareEndpointKeys', () => {
  it('orders endpoints as their `ip:port` strings compare (fast-check)', () => {
    const ip = fc.string({ unit: fc.constantFrom('1', '0', '2', '9', '.', ':', 'a'), maxLength: 12 });
    const endpoint = fc.tuple(ip, fc.integer({ min: 0, max: 70000 })).map(([a, p]) => new EndpointInfo(a, p, String(p), undefined, undefined, true, true, false, false));
    fc.assert(
      fc.property(endpoint, endpoint, (a, b) => {
        const want = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        expect(Math.sign(compareEndpointKeys(a, b))).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
});
