/**
 * Strategic merge patch, with the patch merge keys declared on the Kubernetes types: lists of
 * containers, volumes, env merge by name; container ports by containerPort; Service ports by
 * port; volumeMounts by mountPath; conditions by type. Lists without a merge key (tolerations,
 * args, ...) are replaced. Supports the `$patch: delete|replace` directives.
 */
import { deepClone, isPlainObject } from '../../store/json';

/** Merge key for a list, given its field name and the path of its parent object. */
function mergeKeyFor(field: string, parentPath: readonly string[], kind: string): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'conditions':
      return 'type';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'ports': {
      const last = parentPath[parentPath.length - 1];
      if (kind === 'Service' && parentPath.length === 1 && last === 'spec') return 'port';
      if (parentPath.some((p) => p === 'containers' || p === 'initContainers' || p === 'ephemeralContainers')) return 'containerPort';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Primitive lists declared `patchStrategy:"merge"` (set union). */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

export function applyStrategicMergePatch(target: unknown, patch: unknown, kind: string): unknown {
  return mergeValue(target, patch, [], kind);
}

function mergeValue(target: unknown, patch: unknown, path: string[], kind: string): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return deepClone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
      out[field] = cur.filter((x) => !(v as unknown[]).includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    if (Array.isArray(v)) {
      const key = mergeKeyFor(k, path, kind);
      if (key) out[k] = mergeList(Array.isArray(out[k]) ? (out[k] as unknown[]) : [], v, key, [...path, k], kind);
      else if (MERGED_PRIMITIVE_LISTS.has(k)) {
        const cur = Array.isArray(out[k]) ? (out[k] as unknown[]) : [];
        out[k] = [...cur, ...v.filter((x) => !cur.includes(x))];
      } else out[k] = deepClone(v.filter((x) => !(isPlainObject(x) && x.$patch)));
      continue;
    }
    const merged = mergeValue(out[k], v, [...path, k], kind);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  return out;
}

function mergeList(target: unknown[], patch: unknown[], key: string, path: string[], kind: string): unknown[] {
  if (patch.some((p) => isPlainObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'replace')).map((p) => deepClone(p));
  }
  const out = target.map((x) => x);
  for (const item of patch) {
    if (!isPlainObject(item)) {
      out.push(deepClone(item));
      continue;
    }
    const idx = out.findIndex((x) => isPlainObject(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeValue(out[idx], item, path, kind);
    else out.push(mergeValue(undefined, item, path, kind));
  }
  return out;
}
