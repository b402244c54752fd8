import { callBuiltin } from './builtins';
import { update } from './paths';
import type { JqNode } from './parse';

/** A runtime error; jq prints `jq: error (at <stdin>:N): MESSAGE` and exits 5. */
export class JqRuntimeError extends Error {
  constructor(
    message: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}

type Env = Map<string, unknown>;

export function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** jq's short value rendering in errors: `number (5)`, `object ({"a":1})`, cut at 11 characters. */
function brief(v: unknown): string {
  const json = JSON.stringify(v ?? null);
  return `${typeOf(v)} (${json.length > 11 ? `${json.slice(0, 10)}...` : json})`;
}

function truthy(v: unknown): boolean {
  return v !== false && v !== null && v !== undefined;
}

const TYPE_ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: unknown, b: unknown): number {
  const ta = TYPE_ORDER.indexOf(typeOf(a));
  const tb = TYPE_ORDER.indexOf(typeOf(b));
  if (ta !== tb) return ta - tb;
  if (typeof a === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    for (let i = 0; i < Math.min(a.length, bb.length); i++) {
      const c = compare(a[i], bb[i]);
      if (c !== 0) return c;
    }
    return a.length - bb.length;
  }
  if (a && typeof a === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b as object).sort();
    const c = compare(ka, kb);
    if (c !== 0) return c;
    for (const k of ka) {
      const d = compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
      if (d !== 0) return d;
    }
  }
  return 0;
}

function index(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return null;
  if (typeof key === 'string') {
    if (typeof target === 'object' && !Array.isArray(target)) return (target as Record<string, unknown>)[key] ?? null;
    throw new JqRuntimeError(`Cannot index ${typeOf(target)} with string "${key}"`);
  }
  if (typeof key === 'number') {
    if (Array.isArray(target)) return target[key < 0 ? target.length + Math.floor(key) : Math.floor(key)] ?? null;
    throw new JqRuntimeError(`Cannot index ${typeOf(target)} with number`);
  }
  throw new JqRuntimeError(`Cannot index ${typeOf(target)} with ${typeOf(key)}`);
}

function iterate(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.values(v);
  throw new JqRuntimeError(`Cannot iterate over ${brief(v)}`);
}

function arith(op: string, a: unknown, b: unknown): unknown {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (op === '+') {
    if (a === null) return b;
    if (b === null) return a;
    if (ta === 'number' && tb === 'number') return (a as number) + (b as number);
    if (ta === 'string' && tb === 'string') return (a as string) + (b as string);
    if (ta === 'array' && tb === 'array') return [...(a as unknown[]), ...(b as unknown[])];
    if (ta === 'object' && tb === 'object') return { ...(a as object), ...(b as object) };
  } else if (op === '-') {
    if (ta === 'number' && tb === 'number') return (a as number) - (b as number);
    if (ta === 'array' && tb === 'array') return (a as unknown[]).filter((x) => !(b as unknown[]).some((y) => compare(x, y) === 0));
  } else if (ta === 'number' && tb === 'number') {
    if ((op === '/' || op === '%') && b === 0) throw new JqRuntimeError(`${brief(a)} and ${brief(b)} cannot be divided because the divisor is zero`);
    if (op === '*') return (a as number) * (b as number);
    if (op === '/') return (a as number) / (b as number);
    return Math.trunc(a as number) % Math.trunc(b as number);
  } else if (op === '/' && ta === 'string' && tb === 'string') return (a as string).split(b as string);
  const verb = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' }[op];
  throw new JqRuntimeError(`${brief(a)} and ${brief(b)} cannot be ${verb}`);
}

function tostring(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v ?? null);
}

/** Evaluates `node` against `input`, returning every output in order. */
export function evaluate(node: JqNode, input: unknown, env: Env = new Map()): unknown[] {
  const ev = (n: JqNode, v: unknown = input) => evaluate(n, v, env);
  switch (node.t) {
    case 'identity':
      return [input];
    case 'recurse': {
      const out: unknown[] = [];
      const walk = (v: unknown) => {
        out.push(v);
        if (v && typeof v === 'object') for (const c of Object.values(v)) walk(c);
      };
      walk(input);
      return out;
    }
    case 'literal':
      return [node.value];
    case 'string': {
      let outs = [''];
      for (const part of node.parts) {
        if (typeof part === 'string') outs = outs.map((o) => o + part);
        else outs = outs.flatMap((o) => ev(part).map((v) => o + (node.format ? applyFormat(node.format, v) : tostring(v))));
      }
      return outs;
    }
    case 'format':
      return [applyFormat(node.name, input)];
    case 'index':
      return ev(node.target).flatMap((t) =>
        ev(node.key).flatMap((k) => {
          try {
            return [index(t, k)];
          } catch (e) {
            if (node.optional) return [];
            throw e;
          }
        }),
      );
    case 'slice':
      return ev(node.target).flatMap((t) => {
        if (t === null) return [null];
        if (typeof t !== 'string' && !Array.isArray(t)) {
          if (node.optional) return [];
          throw new JqRuntimeError(`Cannot index ${typeOf(t)} with object`);
        }
        const from = node.from ? (ev(node.from)[0] as number) : 0;
        const to = node.to ? (ev(node.to)[0] as number) : t.length;
        return [t.slice(from ?? 0, to ?? t.length)];
      });
    case 'iterate':
      return ev(node.target).flatMap((t) => {
        try {
          return iterate(t);
        } catch (e) {
          if (node.optional) return [];
          throw e;
        }
      });
    case 'pipe':
      return ev(node.left).flatMap((v) => ev(node.right, v));
    case 'comma':
      return [...ev(node.left), ...ev(node.right)];
    case 'neg':
      return ev(node.expr).map((v) => {
        if (typeof v !== 'number') throw new JqRuntimeError(`${brief(v)} cannot be negated`);
        return -v;
      });
    case 'binary': {
      if (node.op === 'and' || node.op === 'or') {
        return ev(node.left).flatMap((l) => {
          if (node.op === 'and' && !truthy(l)) return [false];
          if (node.op === 'or' && truthy(l)) return [true];
          return ev(node.right).map(truthy);
        });
      }
      if (node.op === '//') {
        let left: unknown[];
        try {
          left = ev(node.left).filter(truthy);
        } catch {
          left = [];
        }
        return left.length > 0 ? left : ev(node.right);
      }
      const rights = ev(node.right);
      return rights.flatMap((r) =>
        ev(node.left).map((l) => {
          const c = ['==', '!=', '<', '<=', '>', '>='].includes(node.op) ? compare(l, r) : 0;
          switch (node.op) {
            case '==':
              return c === 0;
            case '!=':
              return c !== 0;
            case '<':
              return c < 0;
            case '<=':
              return c <= 0;
            case '>':
              return c > 0;
            case '>=':
              return c >= 0;
            default:
              return arith(node.op, l, r);
          }
        }),
      );
    }
    case 'array':
      return [node.expr ? ev(node.expr) : []];
    case 'object': {
      let outs: Record<string, unknown>[] = [{}];
      for (const entry of node.entries) {
        const keys = ev(entry.key);
        const next: Record<string, unknown>[] = [];
        for (const o of outs)
          for (const k of keys) {
            if (typeof k !== 'string') throw new JqRuntimeError(`Object keys must be strings`);
            const values = entry.value ? ev(entry.value) : [index(input, k)];
            for (const v of values) next.push({ ...o, [k]: v });
          }
        outs = next;
      }
      return outs;
    }
    case 'if':
      return ev(node.cond).flatMap((c) => (truthy(c) ? ev(node.then) : node.else ? ev(node.else) : [input]));
    case 'try':
      try {
        return ev(node.body);
      } catch (e) {
        if (!(e instanceof JqRuntimeError)) throw e;
        return node.handler ? ev(node.handler, e.message) : [];
      }
    case 'var': {
      if (node.name === 'ENV' || node.name === '__loc__') return [{}];
      if (!env.has(node.name)) throw new JqRuntimeError(`$${node.name} is not defined`);
      return [env.get(node.name)];
    }
    case 'as':
      return ev(node.source).flatMap((v) => evaluate(node.body, input, new Map(env).set(node.name, v)));
    case 'reduce': {
      let accs = ev(node.init);
      for (const item of ev(node.source)) {
        const scoped = new Map(env).set(node.name, item);
        accs = accs.flatMap((acc) => evaluate(node.update, acc, scoped)).slice(-1);
      }
      return accs;
    }
    case 'call':
      return callBuiltin(node.name, node.args, input, env);
    case 'update':
      return update(node.op, node.target, node.value, input, env);
  }
}

function applyFormat(name: string, v: unknown): string {
  switch (name) {
    case '@text':
      return tostring(v);
    case '@json':
      return JSON.stringify(v ?? null);
    case '@csv':
    case '@tsv': {
      if (!Array.isArray(v)) throw new JqRuntimeError(`${brief(v)} cannot be ${name === '@csv' ? 'csv' : 'tsv'}-formatted, only an array can be`);
      return v.map((x) => (typeof x === 'string' ? (name === '@csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t')) : tostring(x))).join(name === '@csv' ? ',' : '\t');
    }
    case '@sh':
      return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? `'${x.replace(/'/g, "'\\''")}'` : tostring(x))).join(' ');
    case '@base64':
    case '@base64d':
    case '@uri':
    case '@html':
      return formatRegistry[name]!(tostring(v));
    default:
      throw new JqRuntimeError(`${name.slice(1)} is not a valid format`);
  }
}

/** Formats that need helpers from outside this module (base64 lives in the shell's tools). */
export const formatRegistry: Record<string, (s: string) => string> = {
  '@uri': (s) => s.replace(/[^A-Za-z0-9\-_.~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
  '@html': (s) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!),
};
