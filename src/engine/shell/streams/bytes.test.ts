import { describe, expect, it } from 'vitest';
import { byteLength, decodeBytes, encodeBytes, forTerminal, headBytes, joinBytes, skipBytes } from './bytes';

/** A small seeded generator, so a failure can be replayed. */
function bytesFrom(seed: number, n: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('bytes carried in strings', () => {
  it('any byte string survives decode then encode, and byteLength counts its bytes (property)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = bytesFrom(seed, seed % 64);
      const text = decodeBytes(bytes);
      expect(encodeBytes(text), `seed ${seed}`).toEqual(bytes);
      expect(byteLength(text), `seed ${seed}`).toBe(bytes.length);
      const cut = seed % 17;
      expect(encodeBytes(headBytes(text, cut)), `seed ${seed}`).toEqual(bytes.subarray(0, cut));
      expect(encodeBytes(skipBytes(text, cut)), `seed ${seed}`).toEqual(bytes.subarray(cut));
    }
  });

  it('valid UTF-8 is text; invalid bytes are escaped one by one (overlong, surrogates, stray continuations)', () => {
    expect(decodeBytes([0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80])).toBe('hé😀');
    expect(decodeBytes([0xc0, 0xaf])).toBe('\udcc0\udcaf');
    expect(decodeBytes([0xed, 0xa0, 0x80])).toBe('\udced\udca0\udc80');
    expect(decodeBytes([0x80, 0x41])).toBe('\udc80A');
    expect(byteLength('hé😀')).toBe(7);
  });

  it('escaped bytes that together are UTF-8 join into the character; the terminal shows the rest as U+FFFD', () => {
    expect(joinBytes('\udcc3\udca9!')).toBe('é!');
    expect(forTerminal('a\udcffb')).toBe('a\ufffdb');
    expect(forTerminal('\udcc3\udca9')).toBe('é');
    expect(forTerminal('😀')).toBe('😀');
  });
});
