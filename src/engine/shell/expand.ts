import type { Script, Word } from './parser/ast';
import type { Job } from './types';
import type { Vfs } from './vfs/Vfs';
import { ArithmeticError, evaluateArithmetic } from './arithmetic';
import { globMatches, hasGlobChars } from './glob';

/** A resumable computation: it yields jobs it must wait for and receives their exit codes. */
export type Exec<T> = Generator<Job, T, number>;

/** What word expansion needs from the shell. */
export interface ExpandHost {
  getVar(name: string): string | undefined;
  /** `$1 $2 ...` for `"$@"`. */
  positional?(): string[];
  /** With `set -u`, the error for using unset `name`; undefined when unset names expand to ''. */
  unbound?(name: string, arithmetic?: boolean): ExpansionError | undefined;
  /** The elements of an array (bash's PIPESTATUS); a set plain variable is a one-element array. */
  getArray(name: string): string[];
  setVar(name: string, value: string): void;
  home(user: string): string | undefined;
  /** Runs a command substitution and returns its stdout (the shell strips trailing newlines). */
  substitute(script: Script): Exec<string>;
  fs: Vfs;
  cwd: string;
  /** Whether `{a,b}` expands: bash and busybox ash do, dash (POSIX sh) leaves it as it is. */
  braces?: boolean;
}

/**
 * Raised by `${VAR?msg}` and friends; the shell prints it and abandons the command. `status` is
 * what a script exits with, `prefix` replaces the shell's usual error start (bash -c's nounset).
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly prefix?: string,
  ) {
    super(message);
  }
}

/** `NAME[@]`, `NAME[*]`, `NAME[N]` taken apart; undefined for a plain name. */
function subscripted(name: string): { base: string; index: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([@*]|\d+)\]$/.exec(name);
  return m ? { base: m[1]!, index: m[2]! } : undefined;
}

/** A parameter's value: a variable, or an array's element(s) joined by spaces. */
function paramValue(name: string, host: ExpandHost): string | undefined {
  const sub = subscripted(name);
  if (!sub) return host.getVar(name);
  const items = host.getArray(sub.base);
  if (sub.index === '@' || sub.index === '*') return items.length > 0 ? items.join(' ') : undefined;
  return items[Number(sub.index)];
}

interface Seg {
  text: string;
  quoted: boolean;
}

/**
 * Brace expansion (`{a,b}`, `{1..3}`, `{a..c}`), the first step of bash's word expansion. Only
 * braces inside one unquoted literal piece are recognised (`x{a,b}y`, not `{"a",b}`).
 */
export function braceExpand(word: Word): Word[] {
  for (const [i, part] of word.entries()) {
    if (part.type !== 'lit' || part.quoted) continue;
    const m = /\{([^{}]*)\}/.exec(part.text);
    if (!m) continue;
    const body = m[1]!;
    let items: string[] | undefined;
    const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
    if (range) {
      const numeric = /\d/.test(range[1]!);
      const [a, b] = numeric ? [Number(range[1]), Number(range[2])] : [range[1]!.charCodeAt(0), range[2]!.charCodeAt(0)];
      if (numeric === /\d/.test(range[2]!) && Math.abs(b - a) < 100_000) {
        items = [];
        for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1) items.push(numeric ? String(v) : String.fromCharCode(v));
      }
    } else if (body.includes(',')) items = body.split(',');
    if (!items) continue;
    const before = part.text.slice(0, m.index);
    const after = part.text.slice(m.index + m[0].length);
    return items.flatMap((item) => braceExpand([...word.slice(0, i), { type: 'lit', text: `${before}${item}${after}`, quoted: false }, ...word.slice(i + 1)]));
  }
  return [word];
}

/** Expands a word into fields: parameters, substitutions, splitting on IFS whitespace, globbing. */
export function* expandWord(word: Word, host: ExpandHost): Exec<string[]> {
  const braced = host.braces === false ? [word] : braceExpand(word);
  if (braced.length > 1) {
    const out: string[] = [];
    for (const w of braced) out.push(...(yield* expandWord(w, host)));
    return out;
  }
  const fields: Seg[][] = [[]];
  const push = (seg: Seg) => fields[fields.length - 1]!.push(seg);
  const parts = [...word];
  while (parts.length > 0) {
    const part = parts.shift()!;
    if (part.type === 'lit') push({ text: part.text, quoted: part.quoted });
    else if (part.type === 'tilde') push({ text: host.home(part.user) ?? `~${part.user}`, quoted: true });
    else {
      // An unquoted `${X:-word}` expands `word` in place, keeping its own quoting (`${X:-"a  b"}`).
      if (part.type === 'param' && !part.quoted && part.op && part.op.kind !== 'length' && part.op.kind !== '?') {
        const v = paramValue(part.name, host);
        const missing = v === undefined || (part.op.colon && v === '');
        // `=` assigns, then its value is split like any expansion.
        const useArg = part.op.kind === '+' ? !missing : part.op.kind === '-' && missing;
        if (part.op.kind === '=' && missing) host.setVar(part.name, yield* expandString(part.op.arg, host));
        if (useArg) {
          parts.unshift(...part.op.arg);
          continue;
        }
        if (part.op.kind === '+') continue;
      }
      // "$@": each positional parameter its own field; none gives no field at all.
      if (part.type === 'param' && part.quoted && !part.op && part.name === '@' && host.positional) {
        const args = host.positional();
        args.forEach((item, i) => {
          if (i > 0) fields.push([]);
          push({ text: item, quoted: true });
        });
        continue;
      }
      // "${A[@]}": each element its own field, as "$@" gives each argument.
      if (part.type === 'param' && part.quoted && !part.op && subscripted(part.name)?.index === '@') {
        host.getArray(subscripted(part.name)!.base).forEach((item, i) => {
          if (i > 0) fields.push([]);
          push({ text: item, quoted: true });
        });
        continue;
      }
      const value = part.type === 'param' ? yield* expandParam(part, host) : part.type === 'arith' ? arith(part.expr, host) : yield* host.substitute(part.script);
      if (part.quoted) {
        push({ text: value, quoted: true });
        continue;
      }
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) fields.push([]);
        push({ text: piece, quoted: false });
      });
    }
  }
  const out: string[] = [];
  for (const f of fields) {
    if (!f.some((s) => s.quoted || s.text !== '')) continue;
    const text = f.map((s) => s.text).join('');
    if (f.some((s) => !s.quoted && hasGlobChars(s.text))) {
      const pattern = f.map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, '\\$&') : s.text)).join('');
      const matches = globMatches(host.fs, host.cwd, pattern);
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
    }
    out.push(text);
  }
  return out;
}

/** Expands a word to one string without splitting or globbing (assignments, redirect targets, heredocs). */
export function* expandString(word: Word, host: ExpandHost): Exec<string> {
  let out = '';
  for (const part of word) {
    if (part.type === 'lit') out += part.text;
    else if (part.type === 'tilde') out += host.home(part.user) ?? `~${part.user}`;
    else if (part.type === 'param') out += yield* expandParam(part, host);
    else if (part.type === 'arith') out += arith(part.expr, host);
    else out += yield* host.substitute(part.script);
  }
  return out;
}

function* expandParam(part: Extract<Word[number], { type: 'param' }>, host: ExpandHost): Exec<string> {
  const value = paramValue(part.name, host);
  const op = part.op;
  // nounset: a plain or length expansion of an unset name is an error; `${x-d}` and friends are not.
  if (value === undefined && (!op || op.kind === 'length')) {
    const err = host.unbound?.(part.name);
    if (err) throw err;
  }
  if (!op) return value ?? '';
  const sub = subscripted(part.name);
  if (op.kind === 'length' && (sub?.index === '@' || sub?.index === '*')) return String(host.getArray(sub.base).length);
  if (op.kind === 'length') return String([...(value ?? '')].length);
  const missing = value === undefined || (op.colon && value === '');
  switch (op.kind) {
    case '-':
      return missing ? yield* expandString(op.arg, host) : value!;
    case '=': {
      if (!missing) return value!;
      const v = yield* expandString(op.arg, host);
      host.setVar(part.name, v);
      return v;
    }
    case '+':
      return missing ? '' : yield* expandString(op.arg, host);
    case '?': {
      if (!missing) return value!;
      const msg = yield* expandString(op.arg, host);
      throw new ExpansionError(`${part.name}: ${msg || (value === undefined ? 'parameter null or not set' : 'parameter null or not set')}`);
    }
  }
}

function arith(expr: string, host: ExpandHost): string {
  try {
    return String(
      evaluateArithmetic(expr, (n) => {
        const v = host.getVar(n);
        // bash's nounset reaches names inside $((...)); dash and busybox ash read them as 0.
        const err = v === undefined ? host.unbound?.(n, true) : undefined;
        if (err) throw err;
        return v;
      }),
    );
  } catch (e) {
    if (e instanceof ArithmeticError) throw new ExpansionError(e.message);
    throw e;
  }
}
