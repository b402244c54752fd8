/**
 * System-populated metadata (apiserver `rest.FillObjectMetaSystemFields` and name generation),
 * drawn from the virtual clock and the seeded Rng so runs are reproducible.
 */
import type { Rng } from '../sim/Rng';

/** apimachinery `util/rand`: no vowels (no accidental words), no 0/1/3 (look like o/l/e). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

/** `SimpleNameGenerator.GenerateName`: truncates long bases so the result fits 63 characters. */
export function generateName(base: string, rng: Rng): string {
  const b = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return b + rng.string(RANDOM_LENGTH, NAME_SUFFIX_ALPHABET);
}

const HEX = '0123456789abcdef';

/** A random (version 4) UUID, as the apiserver assigns to `metadata.uid`. */
export function newUid(rng: Rng): string {
  const variant = '89ab'[rng.int(4)]!;
  return `${rng.string(8, HEX)}-${rng.string(4, HEX)}-4${rng.string(3, HEX)}-${variant}${rng.string(3, HEX)}-${rng.string(12, HEX)}`;
}

/** The last second formatted: writes within one virtual second all stamp the same time. */
let lastSecond = NaN;
let lastText = '';

/** RFC 3339 with whole seconds, as `metav1.Time` serialises: `2026-01-15T09:00:00Z`. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}
