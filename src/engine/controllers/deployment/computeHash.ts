import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

/** The alphabet of apimachinery rand.String / SafeEncodeString: no vowels, no 0/1/3. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each byte of `s` mapped onto the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** FNV-1a 32-bit (hash/fnv New32a) over bytes. */
export function fnv32a(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted, so equal templates always serialise the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
    return `${out}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '{';
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(x)}`;
    first = false;
  }
  return `${out}}`;
}

/** One byte into an fnv32a hash. */
function fnvByte(h: number, b: number): number {
  return Math.imul(h ^ b, 0x01000193) >>> 0;
}

/** {@link fnv32a} over the UTF-8 bytes of `s`, without materialising them. */
export function fnv32aUtf8(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    // A surrogate pair is one code point (as for..of over the string reads it).
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) h = fnvByte(h, c);
    else if (c < 0x800) {
      h = fnvByte(h, 0xc0 | (c >> 6));
      h = fnvByte(h, 0x80 | (c & 63));
    } else if (c < 0x10000) {
      h = fnvByte(h, 0xe0 | (c >> 12));
      h = fnvByte(h, 0x80 | ((c >> 6) & 63));
      h = fnvByte(h, 0x80 | (c & 63));
    } else {
      h = fnvByte(h, 0xf0 | (c >> 18));
      h = fnvByte(h, 0x80 | ((c >> 12) & 63));
      h = fnvByte(h, 0x80 | ((c >> 6) & 63));
      h = fnvByte(h, 0x80 | (c & 63));
    }
  }
  return h;
}

/**
 * controller.ComputeHash: fnv32a of the pod template, then the collision count as 8
 * little-endian bytes, printed in decimal and safe-encoded (so `web-5d78c9b8f6` style names).
 * The real controller feeds fnv the go-spew dump of the Go PodTemplateSpec; we feed it the
 * canonical JSON of the same template, so the hash has the real shape and stability (same
 * template, same name) but not the byte-identical value of a real cluster.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32aUtf8(canonicalJson(template));
  if (collisionCount !== undefined) {
    const bytes = [collisionCount & 0xff, (collisionCount >>> 8) & 0xff, (collisionCount >>> 16) & 0xff, (collisionCount >>> 24) & 0xff, 0, 0, 0, 0];
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
