import { compare, evaluate, JqRuntimeError, typeOf } from './evaluate';
import type { JqNode } from './parse';
import { deletePaths, getPath, pathsOf } from './paths';

type Env = Map<string, unknown>;

/** Thrown for an unknown function at compile time, worded as jq's `foo/0 is not defined`. */
export class JqUndefinedFunction extends Error {}

function brief(v: unknown): string {
  const json = JSON.stringify(v ?? null);
  return `${typeOf(v)} (${json.length > 11 ? `${json.slice(0, 10)}...` : json})`;
}

function entries(v: unknown): [string, unknown][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v);
  if (Array.isArray(v)) return v.map((x, i) => [String(i), x]);
  throw new JqRuntimeError(`${brief(v)} has no keys`);
}

function length(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object') return Object.keys(v).length;
  if (typeof v === 'number') return Math.abs(v);
  throw new JqRuntimeError(`${brief(v)} has no length`);
}

function need<T>(v: unknown, type: string, what: string): T {
  if (typeOf(v) !== type) throw new JqRuntimeError(`${brief(v)} ${what}`);
  return v as T;
}

const ARITY: Record<string, number[]> = {
  length: [0], keys: [0], keys_unsorted: [0], values: [0], map: [1], map_values: [1], select: [1], has: [1], contains: [1], to_entries: [0],
  from_entries: [0], with_entries: [1], add: [0], join: [1], first: [0, 1], last: [0, 1], sort: [0], sort_by: [1], group_by: [1], unique: [0],
  unique_by: [1], reverse: [0], tostring: [0], tonumber: [0], type: [0], not: [0], empty: [0], test: [1, 2], startswith: [1], endswith: [1],
  ascii_downcase: [0], ascii_upcase: [0], split: [1, 2], min: [0], max: [0], min_by: [1], max_by: [1], any: [0, 1], all: [0, 1], range: [1, 2], flatten: [0, 1],
  tojson: [0], fromjson: [0], ltrimstr: [1], rtrimstr: [1], error: [0, 1], arrays: [0], objects: [0], strings: [0], numbers: [0], booleans: [0],
  nulls: [0], iterables: [0], scalars: [0], floor: [0], sqrt: [0], del: [1], env: [0], indices: [1], index: [1],
  splits: [1], limit: [2], isempty: [1], recurse: [0], paths: [0], leaf_paths: [0], getpath: [1], in: [1], inside: [1],
  capture: [1], match: [1], sub: [2], gsub: [2], null: [0], true: [0], false: [0],
};

/** Fails at compile time like jq when a function name or arity is unknown. */
export function checkCalls(node: JqNode): void {
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as JqNode;
    if (node.t === 'call' && !(ARITY[node.name] ?? []).includes(node.args.length)) throw new JqUndefinedFunction(`${node.name}/${node.args.length} is not defined`);
    for (const v of Object.values(node)) {
      if (Array.isArray(v)) v.forEach(visit);
      else visit(v);
    }
  };
  visit(node);
}

export function callBuiltin(name: string, args: JqNode[], input: unknown, env: Env): unknown[] {
  const ev = (n: JqNode, v: unknown = input) => evaluate(n, v, env);
  const arg0 = () => ev(args[0]!);
  switch (name) {
    case 'empty':
      return [];
    case 'null':
      return [null];
    case 'true':
      return [true];
    case 'false':
      return [false];
    case 'not':
      return [input === false || input === null];
    case 'length':
      return [length(input)];
    case 'keys':
    case 'keys_unsorted': {
      if (Array.isArray(input)) return [input.map((_, i) => i)];
      const ks = entries(input).map(([k]) => k);
      return [name === 'keys' ? ks.sort() : ks];
    }
    case 'values':
      return input === null ? [] : [input];
    case 'map':
      return [ev({ t: 'iterate', target: { t: 'identity' }, optional: false }).flatMap((x) => ev(args[0]!, x))];
    case 'map_values': {
      if (Array.isArray(input)) return [input.flatMap((x) => ev(args[0]!, x).slice(0, 1))];
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries(input)) {
        const r = ev(args[0]!, v);
        if (r.length > 0) out[k] = r[0];
      }
      return [out];
    }
    case 'select':
      return arg0().filter((c) => c !== false && c !== null).map(() => input);
    case 'has':
      return arg0().map((k) => {
        if (Array.isArray(input) && typeof k === 'number') return k >= 0 && k < input.length;
        if (input && typeof input === 'object' && !Array.isArray(input) && typeof k === 'string') return Object.prototype.hasOwnProperty.call(input, k);
        throw new JqRuntimeError(`Cannot check whether ${typeOf(input)} has a ${typeOf(k)} key`);
      });
    case 'contains':
      return arg0().map((b) => contains(input, b));
    case 'inside':
      return arg0().map((b) => contains(b, input));
    case 'in':
      return arg0().map((o) => callBuiltin('has', [{ t: 'literal', value: input }], o, env)[0]);
    case 'to_entries':
      return [entries(input).map(([key, value]) => ({ key, value }))];
    case 'from_entries': {
      const out: Record<string, unknown> = {};
      for (const e of need<unknown[]>(input, 'array', 'cannot be iterated over')) {
        const o = e as Record<string, unknown>;
        const k = o.key ?? o.k ?? o.name ?? o.Name ?? o.Key ?? o.K;
        out[typeof k === 'string' ? k : JSON.stringify(k)] = o.value ?? o.v ?? o.Value ?? o.V ?? null;
      }
      return [out];
    }
    case 'with_entries':
      return callBuiltin('to_entries', [], input, env).flatMap((es) => callBuiltin('map', args, es, env)).flatMap((m) => callBuiltin('from_entries', [], m, env));
    case 'add':
      return [(input === null ? [] : Object.values(input as object)).reduce((acc: unknown, x) => (acc === null ? x : evaluate({ t: 'binary', op: '+', left: { t: 'literal', value: acc }, right: { t: 'literal', value: x } }, null)[0]), null)];
    case 'join':
      return arg0().map((sep) => need<unknown[]>(input, 'array', 'cannot be iterated over').map((x) => (x === null ? '' : typeof x === 'string' ? x : typeof x === 'object' ? (() => { throw new JqRuntimeError(`Cannot join with ${typeOf(x)}`); })() : String(x))).join(sep as string));
    case 'first':
      return args.length ? ev(args[0]!).slice(0, 1) : [(input as unknown[])[0] ?? null];
    case 'last':
      return args.length ? ev(args[0]!).slice(-1) : [(input as unknown[])[(input as unknown[]).length - 1] ?? null];
    case 'limit': {
      const n = ev(args[0]!)[0] as number;
      return ev(args[1]!).slice(0, Math.max(0, n));
    }
    case 'isempty':
      return [arg0().length === 0];
    case 'sort':
      return [[...need<unknown[]>(input, 'array', 'cannot be sorted, as it is not an array')].sort(compare)];
    case 'sort_by':
    case 'group_by':
    case 'unique_by':
    case 'min_by':
    case 'max_by': {
      const arr = need<unknown[]>(input, 'array', 'cannot be sorted, as it is not an array');
      const keyed = arr.map((x) => ({ x, k: ev(args[0]!, x) })).sort((a, b) => compare(a.k, b.k));
      if (name === 'sort_by') return [keyed.map((e) => e.x)];
      if (name === 'min_by') return [keyed[0]?.x ?? null];
      if (name === 'max_by') return [keyed[keyed.length - 1]?.x ?? null];
      const groups: unknown[][] = [];
      keyed.forEach((e, i) => (i > 0 && compare(keyed[i - 1]!.k, e.k) === 0 ? groups[groups.length - 1]!.push(e.x) : groups.push([e.x])));
      return [name === 'group_by' ? groups : groups.map((g) => g[0])];
    }
    case 'unique':
      return [[...need<unknown[]>(input, 'array', 'cannot be sorted, as it is not an array')].sort(compare).filter((x, i, a) => i === 0 || compare(a[i - 1], x) !== 0)];
    case 'min':
    case 'max': {
      const arr = [...need<unknown[]>(input, 'array', 'cannot be sorted, as it is not an array')].sort(compare);
      return [(name === 'min' ? arr[0] : arr[arr.length - 1]) ?? null];
    }
    case 'reverse':
      return [typeof input === 'string' ? [...input].reverse().join('') : input === null ? [] : [...(input as unknown[])].reverse()];
    case 'tostring':
      return [typeof input === 'string' ? input : JSON.stringify(input)];
    case 'tojson':
      return [JSON.stringify(input)];
    case 'fromjson':
      return [JSON.parse(need<string>(input, 'string', 'cannot be parsed as JSON'))];
    case 'tonumber': {
      if (typeof input === 'number') return [input];
      const n = Number(input);
      if (typeof input !== 'string' || input.trim() === '' || Number.isNaN(n)) throw new JqRuntimeError(`Cannot parse '${String(input)}' as JSON`);
      return [n];
    }
    case 'type':
      return [typeOf(input)];
    case 'test':
    case 'match':
    case 'capture':
      return arg0().map((re) => {
        const flags = args[1] ? String(ev(args[1])[0]) : '';
        const m = new RegExp(re as string, flags.replace(/[^gimsux]/g, '').replace('x', '')).exec(need<string>(input, 'string', 'cannot be matched, as it is not a string'));
        if (name === 'test') return m !== null;
        if (!m) return null;
        if (name === 'capture') return { ...(m.groups ?? {}) };
        return { offset: m.index, length: m[0].length, string: m[0], captures: m.slice(1).map((c) => ({ offset: c === undefined ? -1 : m.index, length: c?.length ?? 0, string: c ?? null, name: null })) };
      });
    case 'sub':
    case 'gsub': {
      const re = String(ev(args[0]!)[0]);
      const s = need<string>(input, 'string', 'cannot be matched, as it is not a string');
      return [s.replace(new RegExp(re, name === 'gsub' ? 'g' : ''), (...m) => String(ev(args[1]!, { ...((m[m.length - 1] as object | undefined) ?? {}) })[0]))];
    }
    case 'startswith':
    case 'endswith':
      return arg0().map((p) => {
        if (typeof input !== 'string' || typeof p !== 'string') throw new JqRuntimeError(`${name}() requires string inputs`);
        return name === 'startswith' ? input.startsWith(p) : input.endsWith(p);
      });
    case 'ltrimstr':
    case 'rtrimstr':
      return arg0().map((p) => (typeof input === 'string' && typeof p === 'string' ? (name === 'ltrimstr' ? (input.startsWith(p) ? input.slice(p.length) : input) : input.endsWith(p) ? input.slice(0, input.length - p.length) : input) : input));
    case 'ascii_downcase':
      return [need<string>(input, 'string', 'cannot be ascii_downcased').replace(/[A-Z]/g, (c) => c.toLowerCase())];
    case 'ascii_upcase':
      return [need<string>(input, 'string', 'cannot be ascii_upcased').replace(/[a-z]/g, (c) => c.toUpperCase())];
    case 'split':
      return arg0().map((sep) => need<string>(input, 'string', 'cannot be split').split(args.length > 1 ? new RegExp(sep as string) : (sep as string)));
    case 'splits':
      return callBuiltin('split', args, input, env).flatMap((a) => a as unknown[]);
    case 'indices':
    case 'index':
      return arg0().map((x) => {
        const found: number[] = [];
        if (typeof input === 'string' && typeof x === 'string' && x !== '') for (let i = input.indexOf(x); i >= 0; i = input.indexOf(x, i + 1)) found.push(i);
        if (Array.isArray(input)) input.forEach((y, i) => compare(y, x) === 0 && found.push(i));
        return name === 'index' ? (found[0] ?? null) : found;
      });
    case 'any':
    case 'all': {
      const items = iterateAll(input);
      const test = (x: unknown) => (args.length ? ev(args[0]!, x).some((c) => c !== false && c !== null) : x !== false && x !== null);
      return [name === 'any' ? items.some(test) : items.every(test)];
    }
    case 'range': {
      const [from, to] = args.length === 1 ? [0, ev(args[0]!)[0] as number] : [ev(args[0]!)[0] as number, ev(args[1]!)[0] as number];
      const out: number[] = [];
      for (let i = from; i < to && out.length < 1_000_000; i++) out.push(i);
      return out;
    }
    case 'flatten': {
      const depth = args.length ? (ev(args[0]!)[0] as number) : 1e9;
      if (depth < 0) throw new JqRuntimeError('flatten depth must not be negative');
      return [(need<unknown[]>(input, 'array', 'cannot be flattened') as unknown[]).flat(depth)];
    }
    case 'floor':
      return [Math.floor(need<number>(input, 'number', 'number required'))];
    case 'sqrt':
      return [Math.sqrt(need<number>(input, 'number', 'number required'))];
    case 'error':
      throw new JqRuntimeError(args.length ? String(arg0()[0]) : String(input));
    case 'del':
      return [deletePaths(args[0]!, input, env)];
    case 'recurse':
      return evaluate({ t: 'recurse' }, input, env);
    case 'arrays':
    case 'objects':
    case 'strings':
    case 'numbers':
    case 'booleans':
    case 'nulls':
      return typeOf(input) === name.slice(0, -1) || (name === 'nulls' && input === null) ? [input] : [];
    case 'iterables':
      return input && typeof input === 'object' ? [input] : [];
    case 'scalars':
      return input && typeof input === 'object' ? [] : [input];
    case 'env':
      return [{}];
    case 'paths':
    case 'leaf_paths':
      return pathsOf({ t: 'recurse' }, input, env)
        .filter((p) => p.length > 0)
        .filter((p) => name === 'paths' || typeOf(getPath(input, p)) !== 'object' && typeOf(getPath(input, p)) !== 'array');
    case 'getpath':
      return arg0().map((p) => getPath(input, need<(string | number)[]>(p, 'array', 'Path must be specified as an array')));
    default:
      throw new JqUndefinedFunction(`${name}/${args.length} is not defined`);
  }
}

function iterateAll(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.values(v);
  throw new JqRuntimeError(`Cannot iterate over ${brief(v)}`);
}

function contains(a: unknown, b: unknown): boolean {
  if (typeOf(a) !== typeOf(b)) throw new JqRuntimeError(`${brief(a)} and ${brief(b)} cannot have their containment checked`);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a)) return (b as unknown[]).every((y) => a.some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (a && typeof a === 'object') return Object.entries(b as object).every(([k, v]) => k in a && typeOf((a as Record<string, unknown>)[k]) === typeOf(v) && contains((a as Record<string, unknown>)[k], v));
  return compare(a, b) === 0;
}
