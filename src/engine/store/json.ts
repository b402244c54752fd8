/**
 * Plain-JSON helpers. Every stored object is plain data (snapshots and the UI rely on that), so
 * these only need to handle objects, arrays, strings, numbers, booleans and null.
 */

/** A deep copy of plain JSON data; `undefined` members are dropped, as JSON would. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepClone(v);
  }
  return out as T;
}

/**
 * Freezes plain JSON data in place, so objects the store hands out (watch events, informer
 * caches) cannot be corrupted by a consumer that forgot to copy before mutating.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) freezeTree(value);
  return value;
}

/** Freezes an unfrozen object and every unfrozen object under it (a frozen one is frozen throughout). */
function freezeTree(o: object): void {
  Object.freeze(o);
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v: unknown = o[i];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
    }
    return;
  }
  for (const key in o) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
  }
}

/**
 * Structural equality of plain JSON data (`undefined` members count as absent). Allocates
 * nothing: every API write and many controller syncs compare whole objects.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!deepEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Every defined member of a equals b's, and b has no other defined member.
  let defined = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    defined++;
    if (!deepEqual(v, bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined && --defined < 0) return false;
  return defined === 0;
}

/**
 * {@link deepEqual} of two objects with member `skip` left out of both, without the copies
 * (controllers compare endpoints apart from their targetRef's resourceVersion on every sync).
 */
export function deepEqualExcept(x: object, y: object, skip: string): boolean {
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let defined = 0;
  for (const k in a) {
    const v = a[k];
    if (k === skip || v === undefined) continue;
    defined++;
    if (!deepEqual(v, b[k])) return false;
  }
  for (const k in b) if (k !== skip && b[k] !== undefined && --defined < 0) return false;
  return defined === 0;
}

/**
 * Structural sharing for a write: compares `next` (a private, unfrozen tree about to be
 * stored) with `prev` (the stored, deep-frozen version) and puts prev's subtree in place of
 * every subtree of next that equals it, so storing next freezes only what changed and
 * unchanged parts compare by reference afterwards. Returns whether next equals prev as a
 * whole (as {@link deepEqual} would say). `keepOwn` names a member of the top level that must
 * stay next's own object (its members are still shared), e.g. metadata, which the write
 * fills in after comparing.
 */
export function shareUnchanged(next: object, prev: unknown, keepOwn?: string): boolean {
  if (next === prev) return true;
  if (prev === null || typeof prev !== 'object' || Array.isArray(next) !== Array.isArray(prev)) return false;
  if (Object.isFrozen(next)) return deepEqual(next, prev);
  if (Array.isArray(next)) {
    const pa = prev as unknown[];
    let same = next.length === pa.length;
    for (let i = 0; i < next.length; i++) if (!shareMember(next, i, next[i], pa[i], false)) same = false;
    return same;
  }
  const no = next as Record<string, unknown>;
  const po = prev as Record<string, unknown>;
  let same = true;
  let defined = 0;
  for (const k in no) {
    const v = no[k];
    if (v === undefined) continue;
    defined++;
    if (!shareMember(no, k, v, po[k], k === keepOwn)) same = false;
  }
  if (!same) return false;
  for (const k in po) if (po[k] !== undefined && --defined < 0) return false;
  return defined === 0;
}

/** One member of {@link shareUnchanged}: equal objects are replaced by prev's unless kept. */
function shareMember(container: Record<string | number, unknown> | unknown[], key: string | number, v: unknown, p: unknown, keep: boolean): boolean {
  if (v === null || typeof v !== 'object') return v === p;
  if (!shareUnchanged(v, p)) return false;
  if (!keep) (container as Record<string | number, unknown>)[key] = p;
  return true;
}

/** True for a non-null, non-array object. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
