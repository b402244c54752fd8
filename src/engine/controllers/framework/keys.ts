import { deepEqual } from '../../store/json';
import type { KubeObject } from '../../api/types';

/**
 * Keys of stored objects by their (frozen, so unchanging) metadata: the informer and every
 * handler of a watch event ask for the same object's key, and one string (hashed once) serves
 * all the queue and cache lookups that follow.
 */
const storedKeys = new WeakMap<object, string>();

/** `namespace/name`, or just `name` for cluster-scoped objects: client-go's MetaNamespaceKeyFunc. */
export function keyOf(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const meta = obj.metadata;
  if (!meta || !Object.isFrozen(meta)) return metaKey(meta);
  let key = storedKeys.get(meta);
  if (key === undefined) storedKeys.set(meta, (key = metaKey(meta)));
  return key;
}

function metaKey(meta: { namespace?: string; name?: string } | undefined): string {
  const ns = meta?.namespace;
  return ns ? `${ns}/${meta?.name ?? ''}` : (meta?.name ?? '');
}

/** Splits a key made by {@link keyOf} back into its parts. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Deep copy for plain JSON objects (everything in the store is plain JSON). */
export function clone<T>(obj: T): T {
  return obj === undefined ? obj : (JSON.parse(JSON.stringify(obj)) as T);
}

/** Structural equality of plain JSON values, with key order ignored (`undefined` members count as absent). */
export const jsonEqual: (a: unknown, b: unknown) => boolean = deepEqual;

export { rfc3339 } from '../../api/metadata';

/** Parses a metav1.Time string back to milliseconds (undefined for a missing time). */
export function parseTime(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The object's controller owner reference (`controller: true`), if any. */
export function controllerRef(obj: KubeObject): { apiVersion: string; kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Makes kubernetes-types' read-only metadata fields writable for objects we build ourselves. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** UTF-8 bytes of a string (the engine's lib has no TextEncoder). */
export function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
