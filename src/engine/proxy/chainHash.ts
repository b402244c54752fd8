/**
 * The 16-character chain-name hash, `base32(sha256(text))[:16]`, computed without allocating.
 * A full sync at 10,000 Services hashes 110,000 strings; a general-purpose hash object per
 * string (plus its byte array and digest) was a third of the sync and most of its garbage.
 * Sixteen base32 characters are 80 bits, the first 10 bytes of the digest, so only those are
 * encoded. Checked against @noble/hashes' sha256 by a property test.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';

// Int32Array throughout: a Uint32Array read above 2^31 is a double, and the sums then leave
// integer arithmetic. The bits are the same; additions are taken mod 2^32 with `| 0`.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const W = new Int32Array(64);
const H = new Int32Array(8);
/** The padded message; grows for long inputs. */
let buf = new Uint8Array(128);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

function compress(block: number): void {
  for (let i = 0; i < 16; i++) {
    const o = block + i * 4;
    W[i] = (buf[o]! << 24) | (buf[o + 1]! << 16) | (buf[o + 2]! << 8) | buf[o + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!, b = H[1]!, c = H[2]!, d = H[3]!, e = H[4]!, f = H[5]!, g = H[6]!, h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0; H[1] = (H[1]! + b) | 0; H[2] = (H[2]! + c) | 0; H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0; H[5] = (H[5]! + f) | 0; H[6] = (H[6]! + g) | 0; H[7] = (H[7]! + h) | 0;
}

/**
 * Writes the concatenation of `parts` as UTF-8 into `buf` and returns the padded length in
 * bytes. Taking the parts separately spares building (and flattening) the joined string.
 */
function load(parts: readonly string[]): number {
  let n = 0;
  let ascii = true;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    n += part.length;
    for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) > 0x7f) ascii = false;
  }
  const bytes = ascii ? undefined : utf8ToBytes(parts.join(''));
  if (bytes) n = bytes.length;
  const padded = Math.ceil((n + 9) / 64) * 64;
  if (buf.length < padded) buf = new Uint8Array(padded * 2);
  if (bytes) buf.set(bytes);
  else {
    let o = 0;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      for (let i = 0; i < part.length; i++) buf[o++] = part.charCodeAt(i);
    }
  }
  // A loop, not fill(): the padding is a few bytes, and fill() is a call into the runtime.
  for (let i = n; i < padded; i++) buf[i] = 0;
  buf[n] = 0x80;
  // Bit length, big-endian, in the last 8 bytes (inputs stay far below 2^32 bits).
  const bits = n * 8;
  buf[padded - 4] = bits >>> 24;
  buf[padded - 3] = (bits >>> 16) & 0xff;
  buf[padded - 2] = (bits >>> 8) & 0xff;
  buf[padded - 1] = bits & 0xff;
  return padded;
}

/**
 * Character codes of the name being built: the prefix, then 16 slots for the hash. Kept between
 * calls (rebuilt when the prefix changes) and written by index, so a name costs one string and
 * nothing else: emptying and refilling an array reallocates its store, and spreading it into
 * fromCharCode copies it again.
 */
let codes: number[] = [];
let codesPrefix: string | undefined;

/**
 * `prefix` followed by the first 16 characters of the RFC 4648 base32 of sha256(UTF-8 of
 * `text`, or of the concatenation of its parts), made as one string.
 */
export function chainHash16(text: string | readonly string[], prefix = ''): string {
  const padded = load(typeof text === 'string' ? [text] : text);
  for (let i = 0; i < 8; i++) H[i] = IV[i]!;
  for (let block = 0; block < padded; block += 64) compress(block);
  if (prefix !== codesPrefix) {
    codes = Array.from({ length: prefix.length + 16 }, (_, i) => (i < prefix.length ? prefix.charCodeAt(i) : 0));
    codesPrefix = prefix;
  }
  const at = prefix.length;
  // 80 bits: H0, H1 and the top 16 bits of H2, five bits per character.
  const hi = H[0]!;
  const mid = H[1]!;
  const lo = H[2]! >>> 16;
  for (let i = 0; i < 16; i++) {
    const bit = i * 5; // position of the character's first bit in the 80
    let v: number;
    if (bit + 5 <= 32) v = hi >>> (27 - bit);
    else if (bit < 32) v = (hi << (bit - 27)) | (mid >>> (59 - bit));
    else if (bit + 5 <= 64) v = mid >>> (59 - bit);
    else if (bit < 64) v = (mid << (bit - 59)) | (lo >>> (75 - bit));
    else v = lo >>> (75 - bit);
    codes[at + i] = ALPHABET_CODES[v & 31]!;
  }
  return String.fromCharCode.apply(null, codes);
}

const ALPHABET_CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
