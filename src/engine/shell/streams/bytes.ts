/**
 * How the shell carries bytes in strings. Text is Unicode; a byte that is not part of valid
 * UTF-8 (what /dev/urandom mostly gives, or half of a character `head -c` cut) is kept as the
 * lone surrogate U+DC80..U+DCFF, as Python's `surrogateescape` does. So any byte string survives
 * a round trip, `wc -c` and `head -c` count and cut bytes, `od` and `base64` see the real bytes,
 * and text stays text for grep and sed. The terminal shows an escaped byte as U+FFFD, as a UTF-8
 * terminal shows an invalid byte.
 */

const ESCAPE_BASE = 0xdc00;

/** The bytes `s` stands for: UTF-8 for characters, the byte itself for an escaped byte. */
export function encodeBytes(s: string): Uint8Array {
  const out = new Uint8Array(byteLength(s));
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 63);
      out[n++] = 0x80 | ((cp >> 6) & 63);
      out[n++] = 0x80 | (cp & 63);
    } else if (isEscapedByte(c)) out[n++] = c - ESCAPE_BASE;
    else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out;
}

/** Bytes to the shell's string: valid UTF-8 becomes characters, any other byte an escaped byte. */
export function decodeBytes(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let cp = len === 0 ? -1 : b & (0xff >> (len + 1));
    for (let k = 1; k < len && cp >= 0; k++) {
      const c = bytes[i + k];
      cp = c !== undefined && (c & 0xc0) === 0x80 ? (cp << 6) | (c & 63) : -1;
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not valid UTF-8.
    const valid = cp >= 0 && !(len === 3 && cp < 0x800) && !(len === 4 && (cp < 0x10000 || cp > 0x10ffff)) && !(cp >= 0xd800 && cp <= 0xdfff);
    if (valid) {
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      out += String.fromCharCode(ESCAPE_BASE + b);
      i++;
    }
  }
  return out;
}

/** How many bytes `s` stands for. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHigh(c) && isLow(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += isEscapedByte(c) ? 1 : 3;
  }
  return n;
}

/** The first `count` bytes of `s` (a character cut in two leaves its first bytes, escaped). */
export function headBytes(s: string, count: number): string {
  if (count <= 0) return '';
  // Plain ASCII (the usual case) needs no encoding.
  if (s.length <= count && byteLength(s) <= count) return s;
  if (/^[\0-\x7f]*$/.test(s)) return s.slice(0, count);
  return decodeBytes(encodeBytes(s).subarray(0, count));
}

/** All but the first `count` bytes of `s`. */
export function skipBytes(s: string, count: number): string {
  if (count <= 0) return s;
  if (/^[\0-\x7f]*$/.test(s)) return s.slice(count);
  return decodeBytes(encodeBytes(s).subarray(count));
}

/** The byte `b` as the shell carries it: itself below 0x80, else an escaped byte. */
export function byteChar(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : ESCAPE_BASE + b);
}

/** Escaped bytes that together are valid UTF-8 become the character (`printf '\303\251'` is é). */
export function joinBytes(s: string): string {
  return /[\udc80-\udcff]/.test(s) ? decodeBytes(encodeBytes(s)) : s;
}

/** Escaped bytes become what a UTF-8 terminal shows for them (U+FFFD), bytes that join into a character that character. */
export function forTerminal(s: string): string {
  if (!/[\udc80-\udcff]/.test(s)) return s;
  return decodeBytes(encodeBytes(s)).replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd');
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A lone low surrogate U+DC80..U+DCFF: one raw byte. */
function isEscapedByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}
