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
 * bytes. Taking the parts separately spares building (and flattening) the joined string. ASCII
 * (every name kube-proxy hashes in practice) is copied in one pass; other text is encoded again.
 */
function load(parts: readonly string[]): number {
  let n = 0;
  for (let p = 0; p < parts.length; p++) n += parts[p]!.length;
  if (buf.length < n + 72) buf = new Uint8Array((n + 72) * 2);
  const b = buf;
  let o = 0;
  let high = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      high |= c;
      b[o++] = c;
    }
  }
  if (high > 0x7f) {
    const bytes = utf8ToBytes(parts.join(''));
    n = bytes.length;
    if (buf.length < n + 72) buf = new Uint8Array((n + 72) * 2);
    buf.set(bytes);
  }
  return pad(n);
}

/** SHA-256 padding after `n` message bytes in `buf`; returns the padded length. */
function pad(n: number): number {
  const b = buf;
  const padded = Math.ceil((n + 9) / 64) * 64;
  // A loop, not fill(): the padding is a few bytes, and fill() is a call into the runtime.
  for (let i = n; i < padded; i++) b[i] = 0;
  b[n] = 0x80;
  // Bit length, big-endian, in the last 8 bytes (inputs stay far below 2^32 bits).
  const bits = n * 8;
  b[padded - 4] = bits >>> 24;
  b[padded - 3] = (bits >>> 16) & 0xff;
  b[padded - 2] = (bits >>> 8) & 0xff;
  b[padded - 1] = bits & 0xff;
  return padded;
}

const SEP_PREFIX = 'KUBE-SEP-';

/** sha256 of the concatenation of `parts` (UTF-8) into `H`. */
function digest(text: string | readonly string[]): void {
  const padded = load(typeof text === 'string' ? [text] : text);
  for (let i = 0; i < 8; i++) H[i] = IV[i]!;
  for (let block = 0; block < padded; block += 64) compress(block);
}

/**
 * The 80 bits the 16 characters encode, written as three words at `out[at..at+2]`: H0, H1 and
 * the top 16 bits of H2. A full sync keeps each KUBE-SEP name this way (three numbers in a
 * shared buffer, not a string per endpoint) and spells it when read ({@link hashWordsToName}).
 */
export function chainHashWords(text: string | readonly string[], out: Int32Array, at: number): void {
  digest(text);
  out[at] = H[0]!;
  out[at + 1] = H[1]!;
  out[at + 2] = H[2]! >>> 16;
}

/**
 * `prefix` followed by the first 16 characters of the RFC 4648 base32 of sha256(UTF-8 of
 * `text`, or of the concatenation of its parts), made as one flat string.
 */
export function chainHash16(text: string | readonly string[], prefix = ''): string {
  digest(text);
  return spell(H[0]!, H[1]!, H[2]! >>> 16, prefix);
}

/** The name {@link chainHash16} gives, from the words {@link chainHashWords} wrote at `at`. */
export function hashWordsToName(words: Int32Array, at: number, prefix = ''): string {
  return spell(words[at]!, words[at + 1]!, words[at + 2]!, prefix);
}

/** True if `name` is `prefix` followed by the 16 characters of the words at `at`, without spelling them. */
export function hashWordsMatch(words: Int32Array, at: number, prefix: string, name: string): boolean {
  const n = prefix.length;
  if (name.length !== n + 16 || !name.startsWith(prefix)) return false;
  const hi = words[at]!;
  const mid = words[at + 1]!;
  const lo = words[at + 2]!;
  for (let k = 0; k < 16; k++) if (name.charCodeAt(n + k) !== ALPHABET_CODES[quintet(hi, mid, lo, k)]) return false;
  return true;
}

/** Base32 digit `k` (0-15) of the 80 bits hi:mid:lo (lo holds 16 bits). */
function quintet(hi: number, mid: number, lo: number, k: number): number {
  const bit = k * 5; // from the top of the 80 bits
  if (bit + 5 <= 32) return (hi >>> (27 - bit)) & 31;
  if (bit < 32) return ((hi << (bit - 27)) | (mid >>> (59 - bit))) & 31;
  if (bit + 5 <= 64) return (mid >>> (59 - bit)) & 31;
  if (bit < 64) return ((mid << (bit - 59)) | (lo >>> (75 - bit))) & 31;
  return (lo >>> (75 - bit)) & 31;
}

/**
 * The 16 characters of the 80 bits hi:mid:lo (five bits each, taken with fixed shifts) after
 * `prefix`, as one flat string.
 */
function spell(hi: number, mid: number, lo: number, prefix: string): string {
  const A = ALPHABET_CODES;
  const c0 = A[hi >>> 27]!, c1 = A[(hi >>> 22) & 31]!, c2 = A[(hi >>> 17) & 31]!, c3 = A[(hi >>> 12) & 31]!;
  const c4 = A[(hi >>> 7) & 31]!, c5 = A[(hi >>> 2) & 31]!, c6 = A[((hi & 3) << 3) | (mid >>> 29)]!, c7 = A[(mid >>> 24) & 31]!;
  const c8 = A[(mid >>> 19) & 31]!, c9 = A[(mid >>> 14) & 31]!, c10 = A[(mid >>> 9) & 31]!, c11 = A[(mid >>> 4) & 31]!;
  const c12 = A[((mid & 15) << 1) | (lo >>> 15)]!, c13 = A[(lo >>> 10) & 31]!, c14 = A[(lo >>> 5) & 31]!, c15 = A[lo & 31]!;
  // Whole argument lists, not apply() over an array: one call makes the flat string.
  if (prefix === SEP_PREFIX) return String.fromCharCode(75, 85, 66, 69, 45, 83, 69, 80, 45, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15);
  const hash = String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15);
  return prefix ? prefix + hash : hash;
}

const ALPHABET_CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
