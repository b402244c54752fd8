import { evaluate, JqRuntimeError, typeOf } from './evaluate';
import type { JqNode } from './parse';

type Path = (string | number)[];
type Env = Map<string, unknown>;

export function getPath(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || v === undefined) return null;
    v = (v as Record<string | number, unknown>)[k] ?? null;
  }
  return v;
}

/** Returns a copy of `root` with `value` at `path`, creating objects and arrays on the way (jq's setpath). */
export function setPath(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [string | number, ...Path];
  if (typeof k === 'number') {
    if (root !== null && root !== undefined && !Array.isArray(root)) throw new JqRuntimeError(`Cannot index ${typeOf(root)} with number`);
    const arr = [...((root as unknown[] | null) ?? [])];
    const i = k < 0 ? arr.length + k : k;
    while (arr.length < i) arr.push(null);
    arr[i] = setPath(arr[i] ?? null, rest, value);
    return arr;
  }
  if (root !== null && root !== undefined && (typeof root !== 'object' || Array.isArray(root))) throw new JqRuntimeError(`Cannot index ${typeOf(root)} with "${k}"`);
  const obj = { ...((root as Record<string, unknown> | null) ?? {}) };
  obj[k] = setPath(obj[k] ?? null, rest, value);
  return obj;
}

/** The paths a path expression (`.a.b`, `.items[]`, `.[] | select(...)`) designates in `input`. */
export function pathsOf(node: JqNode, input: unknown, env: Env): Path[] {
  const root = input;
  const walk = (n: JqNode, at: Path): Path[] => {
    const here = getPath(root, at);
    switch (n.t) {
      case 'identity':
        return [at];
      case 'recurse': {
        const out: Path[] = [];
        const rec = (p: Path) => {
          out.push(p);
          const v = getPath(root, p);
          if (Array.isArray(v)) v.forEach((_, i) => rec([...p, i]));
          else if (v && typeof v === 'object') Object.keys(v).forEach((k) => rec([...p, k]));
        };
        rec(at);
        return out;
      }
      case 'index':
        return walk(n.target, at).flatMap((p) => evaluate(n.key, here, env).map((k) => [...p, k as string | number]));
      case 'iterate':
        return walk(n.target, at).flatMap((p) => {
          const v = getPath(root, p);
          if (Array.isArray(v)) return v.map((_, i) => [...p, i]);
          if (v && typeof v === 'object') return Object.keys(v).map((k) => [...p, k]);
          if (v === null || n.optional) return [];
          throw new JqRuntimeError(`Cannot iterate over ${typeOf(v)}`);
        });
      case 'pipe':
        return walk(n.left, at).flatMap((p) => walk(n.right, p));
      case 'comma':
        return [...walk(n.left, at), ...walk(n.right, at)];
      case 'try':
        try {
          return walk(n.body, at);
        } catch {
          return [];
        }
      case 'if':
        return evaluate(n.cond, here, env).flatMap((c) => (c !== false && c !== null ? walk(n.then, at) : n.else ? walk(n.else, at) : [at]));
      case 'call':
        if (n.name === 'select') return evaluate(n.args[0]!, here, env).some((c) => c !== false && c !== null) ? [at] : [];
        if (n.name === 'empty') return [];
        if (n.name === 'first' && n.args.length === 1) return walk(n.args[0]!, at).slice(0, 1);
        if (n.name === 'recurse' && n.args.length === 0) return walk({ t: 'recurse' }, at);
        break;
    }
    throw new JqRuntimeError(`Invalid path expression with result ${JSON.stringify(evaluate(n, here, env)[0] ?? null)}`);
  };
  return walk(node, []);
}

/** `=`, `|=`, `+=`, `-=`, `*=`, `/=`, `%=`, `//=`. */
export function update(op: string, target: JqNode, value: JqNode, input: unknown, env: Env): unknown[] {
  const paths = pathsOf(target, input, env);
  if (op === '|=') {
    let out = input;
    for (const p of paths) {
      const r = evaluate(value, getPath(out, p), env);
      out = setPath(out, p, r.length > 0 ? r[0] : null);
    }
    return [out];
  }
  return evaluate(value, input, env).map((rhs) => {
    let out = input;
    for (const p of paths) {
      const old = getPath(out, p);
      let next: unknown = rhs;
      if (op === '//=') next = old !== null && old !== false ? old : rhs;
      else if (op !== '=') next = evaluate({ t: 'binary', op: op.slice(0, -1), left: { t: 'literal', value: old }, right: { t: 'literal', value: rhs } }, null, env)[0];
      out = setPath(out, p, next);
    }
    return out;
  });
}

/** `del(paths)`: removes every designated path, array elements from the back so indexes stay valid. */
export function deletePaths(target: JqNode, input: unknown, env: Env): unknown {
  const paths = pathsOf(target, input, env).sort((a, b) => (String(b[b.length - 1]).localeCompare(String(a[a.length - 1]), undefined, { numeric: true })));
  let out = input;
  for (const p of paths) {
    if (p.length === 0) return null;
    const parent = getPath(out, p.slice(0, -1));
    const last = p[p.length - 1]!;
    let next: unknown;
    if (Array.isArray(parent) && typeof last === 'number') next = parent.filter((_, i) => i !== (last < 0 ? parent.length + last : last));
    else if (parent && typeof parent === 'object') {
      const copy = { ...(parent as Record<string, unknown>) };
      delete copy[last as string];
      next = copy;
    } else continue;
    out = setPath(out, p.slice(0, -1), next);
  }
  return out;
}
