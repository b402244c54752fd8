/**
 * Client-side apply's patch (kubectl `CreateThreeWayMergePatch`): set what the new configuration
 * changes against the live object, delete (null) map keys the last applied configuration had and
 * the new one dropped, and for lists with a strategic merge key send the changed items plus
 * `$patch: delete` entries for items that were applied before and are gone now. Lists without a
 * merge key are replaced whole.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The strategic merge key of a list field (the `patchMergeKey` tags of the core types). */
function mergeKey(field: string, path: readonly string[], kind: string): string | undefined {
  if (['containers', 'initContainers', 'ephemeralContainers', 'env', 'volumes', 'imagePullSecrets'].includes(field)) return 'name';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'conditions') return 'type';
  if (field === 'hostAliases') return 'ip';
  if (field === 'ports') {
    if (kind === 'Service' && path.length === 1 && path[0] === 'spec') return 'port';
    if (path.some((p) => p === 'containers' || p === 'initContainers' || p === 'ephemeralContainers')) return 'containerPort';
  }
  return undefined;
}

/** Returns the patch, or `{}` when applying changes nothing. `kind` picks Service vs container port keys. */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown, kind = '', path: string[] = []): JsonMap {
  const patch: JsonMap = {};
  const o = isMap(original) ? original : {};
  const m = isMap(modified) ? modified : {};
  const c = isMap(current) ? current : {};
  for (const [key, value] of Object.entries(m)) {
    if (isMap(value) && isMap(c[key])) {
      const sub = threeWayPatch(o[key], value, c[key], kind, [...path, key]);
      if (Object.keys(sub).length > 0) patch[key] = sub;
      continue;
    }
    if (Array.isArray(value) && Array.isArray(c[key])) {
      const list = listPatch(o[key], value, c[key] as Json[], mergeKey(key, path, kind));
      if (list !== undefined) patch[key] = list;
      continue;
    }
    if (!equal(value, c[key])) patch[key] = value;
  }
  for (const key of Object.keys(o)) {
    if (!(key in m) && key in c) patch[key] = null;
  }
  return patch;
}

function listPatch(original: Json | undefined, want: Json[], live: Json[], key: string | undefined): Json[] | undefined {
  const keyed = key !== undefined && want.every((w) => isMap(w) && w[key] !== undefined);
  if (!keyed) return listCovered(want, live) ? undefined : want;
  const k = key!;
  const wantKeys = new Set(want.map((w) => JSON.stringify((w as JsonMap)[k])));
  const removed = (Array.isArray(original) ? original : []).filter((x) => isMap(x) && !wantKeys.has(JSON.stringify(x[k])) && live.some((l) => isMap(l) && equal(l[k], x[k])));
  // Like kubectl's diff, only items that changed (matched by merge key) go into the patch.
  // Items sharing a key (kube-dns has port 53 twice) pair up in order, as kubectl's sorted diff does.
  const seen = new Map<string, number>();
  const changed = want.filter((w) => {
    const id = JSON.stringify((w as JsonMap)[k]);
    const nth = seen.get(id) ?? 0;
    seen.set(id, nth + 1);
    const match = live.filter((l) => isMap(l) && JSON.stringify(l[k]) === id)[nth];
    return match === undefined || !contained(w, match);
  });
  if (removed.length === 0 && changed.length === 0) return undefined;
  return [...changed, ...removed.map((x) => ({ [k]: (x as JsonMap)[k]!, $patch: 'delete' }) as Json)];
}

/** A list is unchanged when every configured item is contained in the live item at the same index (the server adds defaults). */
function listCovered(want: Json[], live: Json[]): boolean {
  if (want.length !== live.length) return false;
  return want.every((w, i) => contained(w, live[i]));
}

function contained(want: Json, live: Json | undefined): boolean {
  if (isMap(want) && isMap(live)) return Object.entries(want).every(([k, v]) => contained(v, live[k]));
  if (Array.isArray(want) && Array.isArray(live)) return listCovered(want, live);
  return equal(want, live);
}
