/**
 * JSON patch (RFC 6902) with the error texts of evanphx/json-patch v4, which the apiserver
 * uses and passes through as the cause of a 422 response.
 */
import { deepClone, deepEqual, isPlainObject } from '../../store/json';

export class JsonPatchError extends Error {}

interface Op {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

type Container = Record<string, unknown> | unknown[];

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Parent container and last key of `path`, or undefined when the parent is missing. */
function findObject(doc: unknown, path: string): [Container, string] | undefined {
  const parts = path.split('/').slice(1).map(unescape);
  const key = parts.pop();
  if (key === undefined) return undefined;
  let cur: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^\d+$/.test(p) || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (isPlainObject(cur)) cur = cur[p];
    else return undefined;
    if (cur === undefined || cur === null) return undefined;
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) return undefined;
  return [cur, key];
}

function arrayIndex(arr: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return arr.length;
  const i = Number(key);
  const max = forAdd ? arr.length : arr.length - 1;
  if (!/^-?\d+$/.test(key) || i < 0 || i > max) throw new JsonPatchError(`Unable to access invalid index: ${i}: invalid index referenced`);
  return i;
}

function getAt(c: Container, key: string): unknown {
  if (Array.isArray(c)) return c[arrayIndex(c, key, false)];
  return c[key];
}

function add(c: Container, key: string, value: unknown): void {
  if (Array.isArray(c)) c.splice(arrayIndex(c, key, true), 0, value);
  else c[key] = value;
}

function remove(c: Container, key: string): void {
  if (Array.isArray(c)) c.splice(arrayIndex(c, key, false), 1);
  else {
    if (!(key in c)) throw new JsonPatchError(`Unable to remove nonexistent key: ${key}: missing value`);
    delete c[key];
  }
}

/** Applies `ops` to a copy of `doc`; throws {@link JsonPatchError} with the library's message. */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const root: { '': unknown } = { '': deepClone(doc) };
  const resolve = (path: string): [Container, string] | undefined => findObject(root, `/${path}`);
  for (const raw of ops as Op[]) {
    const path = raw.path ?? '';
    switch (raw.op) {
      case 'add': {
        const f = resolve(path);
        if (!f) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
        add(f[0], f[1], deepClone(raw.value));
        break;
      }
      case 'remove': {
        const f = resolve(path);
        if (!f) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
        try {
          remove(f[0], f[1]);
        } catch (e) {
          throw new JsonPatchError(`error in remove for path: '${path}': ${(e as Error).message}`);
        }
        break;
      }
      case 'replace': {
        const f = resolve(path);
        if (!f) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
        if (Array.isArray(f[0])) f[0][arrayIndex(f[0], f[1], false)] = deepClone(raw.value);
        else {
          if (!(f[1] in f[0])) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          f[0][f[1]] = deepClone(raw.value);
        }
        break;
      }
      case 'move':
      case 'copy': {
        const from = raw.from ?? '';
        const src = resolve(from);
        if (!src) throw new JsonPatchError(`${raw.op} operation does not apply: doc is missing from path: ${from}: missing value`);
        const value = getAt(src[0], src[1]);
        if (value === undefined) throw new JsonPatchError(`${raw.op} operation does not apply: doc is missing from path: ${from}: missing value`);
        if (raw.op === 'move') remove(src[0], src[1]);
        const dst = resolve(path);
        if (!dst) throw new JsonPatchError(`${raw.op} operation does not apply: doc is missing destination path: ${path}: missing value`);
        add(dst[0], dst[1], deepClone(value));
        break;
      }
      case 'test': {
        const f = resolve(path);
        const actual = f ? (Array.isArray(f[0]) ? f[0][Number(f[1])] : f[0][f[1]]) : undefined;
        if (!f || !deepEqual(actual ?? null, raw.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${raw.op}`);
    }
  }
  return root[''];
}
