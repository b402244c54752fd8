/**
 * Client-side apply's patch (kubectl `CreateThreeWayMergePatch`, simplified to map-level
 * semantics): set what the new configuration changes against the live object, delete (null)
 * what the last applied configuration had and the new one dropped. Lists are replaced whole
 * and merged by key on the server (strategic merge patch).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Returns the patch, or `{}` when applying changes nothing. */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown): Record<string, Json> {
  const patch: Record<string, Json> = {};
  const o = isMap(original) ? original : {};
  const m = isMap(modified) ? modified : {};
  const c = isMap(current) ? current : {};
  for (const [key, value] of Object.entries(m)) {
    if (isMap(value) && isMap(c[key])) {
      const sub = threeWayPatch(o[key], value, c[key]);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (!equal(value, c[key]) && !(Array.isArray(value) && Array.isArray(c[key]) && listCovered(value, c[key] as Json[]))) patch[key] = value;
  }
  for (const key of Object.keys(o)) {
    if (!(key in m) && key in c) patch[key] = null;
  }
  return patch;
}

/** A list is unchanged when every configured item is contained in the live item at the same index (defaults added by the server). */
function listCovered(want: Json[], live: Json[]): boolean {
  if (want.length !== live.length) return false;
  return want.every((w, i) => contained(w, live[i]));
}

function contained(want: Json, live: Json | undefined): boolean {
  if (isMap(want) && isMap(live)) return Object.entries(want).every(([k, v]) => contained(v, live[k]));
  if (Array.isArray(want) && Array.isArray(live)) return listCovered(want, live);
  return equal(want, live);
}
