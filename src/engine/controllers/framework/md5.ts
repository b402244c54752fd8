import { md5 } from '@noble/hashes/legacy.js';
import { utf8 } from './keys';

/** Hashed strings kept (go-spew renderings of ports and subsets repeat from sync to sync). */
const MAX_REMEMBERED = 4096;
const remembered = new Map<string, string>();

/**
 * Hex md5 of the UTF-8 bytes of `s` (hashutil.DeepHashObjectToString in Kubernetes ≤ 1.34),
 * remembered for recently hashed strings: controllers hash the same port renderings on every sync.
 */
export function md5Hex(s: string): string {
  let h = remembered.get(s);
  if (h === undefined) {
    h = Array.from(md5(Uint8Array.from(utf8(s))), (b) => b.toString(16).padStart(2, '0')).join('');
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(s, h);
  }
  return h;
}

/** `items` ordered by the md5 of each one's rendering (a new array; one item needs no hashing). */
export function sortByMd5<T>(items: readonly T[], render: (x: T) => string): T[] {
  if (items.length < 2) return [...items];
  return items
    .map((x) => ({ x, h: md5Hex(render(x)) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .map((e) => e.x);
}
