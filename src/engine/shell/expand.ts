import type { Script, Word } from './parser/ast';
import type { Job } from './types';
import type { Vfs } from './vfs/Vfs';
import { globMatches, hasGlobChars } from './glob';

/** A resumable computation: it yields jobs it must wait for and receives their exit codes. */
export type Exec<T> = Generator<Job, T, number>;

/** What word expansion needs from the shell. */
export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  home(user: string): string | undefined;
  /** Runs a command substitution and returns its stdout (the shell strips trailing newlines). */
  substitute(script: Script): Exec<string>;
  fs: Vfs;
  cwd: string;
}

/** Raised by `${VAR?msg}` and friends; the shell prints it and abandons the command. */
export class ExpansionError extends Error {}

interface Seg {
  text: string;
  quoted: boolean;
}

/** Expands a word into fields: parameters, substitutions, splitting on IFS whitespace, globbing. */
export function* expandWord(word: Word, host: ExpandHost): Exec<string[]> {
  const fields: Seg[][] = [[]];
  const push = (seg: Seg) => fields[fields.length - 1]!.push(seg);
  for (const part of word) {
    if (part.type === 'lit') push({ text: part.text, quoted: part.quoted });
    else if (part.type === 'tilde') push({ text: host.home(part.user) ?? `~${part.user}`, quoted: true });
    else {
      const value = part.type === 'param' ? yield* expandParam(part, host) : yield* host.substitute(part.script);
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
    else out += yield* host.substitute(part.script);
  }
  return out;
}

function* expandParam(part: Extract<Word[number], { type: 'param' }>, host: ExpandHost): Exec<string> {
  const value = host.getVar(part.name);
  const op = part.op;
  if (!op) return value ?? '';
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
