import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../framework/keys';
import { canonicalJson, fnv32a, fnv32aUtf8 } from './computeHash';

/** canonicalJson as first written: the text the pod-template-hash has always hashed. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => reference(x)).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${reference(x)}`).join(',')}}`;
}

describe('computeHash parts (property)', () => {
  it('canonicalJson writes what it always wrote', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('fnv32aUtf8 hashes the bytes utf8() gives, lone surrogates included', () => {
    // Code units (lone surrogates among them) and astral code points (surrogate pairs).
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    );
    const text = fc.array(unit, { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        expect(fnv32aUtf8(s, seed)).toBe(fnv32a(utf8(s), seed));
      }),
      { numRuns: 300 },
    );
  });
});
