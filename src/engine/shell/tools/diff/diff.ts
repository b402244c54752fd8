/**
 * GNU `diff` (diffutils 3.8, Debian's): two files or two directories, normal or unified output
 * (`-u`, `-U N`, `--unified[=N]`), `-N` (absent files as empty, what `kubectl diff` runs), `-q`, `-s`,
 * `-r`, and the `-i`/`-b`/`-w` line comparisons. Exit 0 identical, 1 different, 2 trouble.
 */
import type { CommandContext } from '../../types';
import { STRERROR, VfsError } from '../../vfs/Vfs';
import { formatDate } from '../sysTools';
import { diffLines } from './analyze';
import { fileLines, normalFormat, unifiedHunks } from './format';

interface Options {
  unified?: number;
  newFile: boolean;
  brief: boolean;
  reportIdentical: boolean;
  recursive: boolean;
  ignoreCase: boolean;
  ignoreSpaceChange: boolean;
  ignoreAllSpace: boolean;
  /** The options as typed, joined: GNU prints them in `diff SWITCHES A/x B/x` between directory entries. */
  switches: string;
}

const SHORT_FLAGS: Record<string, (o: Options) => void> = {
  u: (o) => (o.unified = o.unified ?? 3),
  N: (o) => (o.newFile = true),
  q: (o) => (o.brief = true),
  s: (o) => (o.reportIdentical = true),
  r: (o) => (o.recursive = true),
  i: (o) => (o.ignoreCase = true),
  b: (o) => (o.ignoreSpaceChange = true),
  w: (o) => (o.ignoreAllSpace = true),
};

const LONG_FLAGS: Record<string, string> = {
  'new-file': 'N', brief: 'q', 'report-identical-files': 's', recursive: 'r', 'ignore-case': 'i',
  'ignore-space-change': 'b', 'ignore-all-space': 'w',
};

class UsageFailure extends Error {}

function contextNumber(v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageFailure(`invalid context length '${v}'`);
  return Number(v);
}

function parse(args: string[]): { o: Options; operands: string[] } {
  const o: Options = { newFile: false, brief: false, reportIdentical: false, recursive: false, ignoreCase: false, ignoreSpaceChange: false, ignoreAllSpace: false, switches: '' };
  const typed: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      typed.push(a);
      if (name === 'unified') o.unified = value === undefined ? 3 : contextNumber(value);
      else if (LONG_FLAGS[name] && value === undefined) SHORT_FLAGS[LONG_FLAGS[name]]!(o);
      else if (LONG_FLAGS[name]) throw new UsageFailure(`option '--${name}' doesn't allow an argument`);
      else throw new UsageFailure(`unrecognized option '${a}'`);
      continue;
    }
    if (a.length < 2 || !a.startsWith('-')) {
      operands.push(a);
      continue;
    }
    typed.push(a);
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'U') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) throw new UsageFailure("option requires an argument -- 'U'");
        if (j + 1 >= a.length) typed.push(v);
        o.unified = contextNumber(v);
        break;
      }
      const set = SHORT_FLAGS[c];
      if (!set) throw new UsageFailure(`invalid option -- '${c}'`);
      set(o);
    }
  }
  o.switches = typed.map((t) => ` ${t}`).join('');
  return { o, operands };
}

/** The comparison key of a line under -i/-b/-w (the newline stays part of it). */
function keyer(o: Options): ((l: string) => string) | undefined {
  if (!o.ignoreCase && !o.ignoreSpaceChange && !o.ignoreAllSpace) return undefined;
  return (l) => {
    let k = o.ignoreCase ? l.toLowerCase() : l;
    if (o.ignoreAllSpace) k = k.replace(/[ \t\v\f\r]+/g, '');
    else if (o.ignoreSpaceChange) k = k.replace(/[ \t\v\f\r]+/g, ' ').replace(/ (?=\n|$)/, '');
    return k;
  };
}

interface Side {
  name: string;
  path: string;
  /** undefined: absent (only possible with -N). */
  text?: string;
  mtime: number;
}

function stamp(s: Side): string {
  return `${s.name}\t${formatDate(s.text === undefined ? 0 : s.mtime, '%Y-%m-%d %H:%M:%S.%N')} +0000`;
}

/** Compares two files; returns 0 or 1. `header` is printed first when they differ (directory entries). */
function compareFiles(ctx: CommandContext, o: Options, a: Side, b: Side, header: string): number {
  const left = fileLines(a.text ?? '');
  const right = fileLines(b.text ?? '');
  const key = keyer(o);
  // diff keeps as many identical end lines in play as the output shows context (horizon_lines).
  const horizon = o.unified ?? 0;
  const script = key ? diffLines(left.map(key), right.map(key), horizon) : diffLines(left, right, horizon);
  if (script.length === 0) {
    if (o.reportIdentical) ctx.stdout(`Files ${a.name} and ${b.name} are identical\n`);
    return 0;
  }
  if (o.brief) {
    ctx.stdout(`Files ${a.name} and ${b.name} differ\n`);
    return 1;
  }
  let out = header;
  if (o.unified !== undefined) out += `--- ${stamp(a)}\n+++ ${stamp(b)}\n${unifiedHunks(left, right, script, o.unified)}`;
  else out += normalFormat(left, right, script);
  ctx.stdout(out);
  return 1;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function side(ctx: CommandContext, name: string): Side {
  if (name === '-') return { name, path: name, mtime: ctx.now(), text: ctx.stdin };
  const path = ctx.resolve(name);
  const st = ctx.fs.stat(path);
  return { name, path, mtime: st?.mtime ?? 0, ...(st?.kind === 'file' ? { text: ctx.fs.readFile(path) } : {}) };
}

function compareDirs(ctx: CommandContext, o: Options, a: string, b: string): number {
  const left = ctx.fs.readdir(ctx.resolve(a));
  const right = ctx.fs.readdir(ctx.resolve(b));
  const names = [...new Set([...left, ...right])].sort();
  let worst = 0;
  for (const n of names) {
    const pa = join(a, n);
    const pb = join(b, n);
    const inA = left.includes(n);
    const inB = right.includes(n);
    const dirA = inA && ctx.fs.isDir(ctx.resolve(pa));
    const dirB = inB && ctx.fs.isDir(ctx.resolve(pb));
    let code: number;
    if (dirA && dirB) {
      if (o.recursive) code = compareDirs(ctx, o, pa, pb);
      else {
        ctx.stdout(`Common subdirectories: ${pa} and ${pb}\n`);
        code = 0;
      }
    } else if ((!inA || !inB) && (!o.newFile || dirA || dirB)) {
      ctx.stdout(`Only in ${inA ? a : b}: ${n}\n`);
      code = 1;
    } else if (dirA !== dirB) {
      ctx.stdout(`File ${dirA ? pa : pb} is a directory while file ${dirA ? pb : pa} is a regular file\n`);
      code = 1;
    } else code = compareFiles(ctx, o, side(ctx, pa), side(ctx, pb), `diff${o.switches} ${pa} ${pb}\n`);
    worst = Math.max(worst, code);
  }
  return worst;
}

export function diff(ctx: CommandContext): number {
  let parsed;
  try {
    parsed = parse(ctx.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageFailure)) throw e;
    ctx.stderr(`diff: ${e.message}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const { o, operands } = parsed;
  if (operands.length < 2 || operands.length > 2) {
    const msg = operands.length === 0 ? "missing operand after 'diff'" : operands.length === 1 ? `missing operand after '${operands[0]}'` : `extra operand '${operands[2]}'`;
    ctx.stderr(`diff: ${msg}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  let [a, b] = operands as [string, string];
  const fs = ctx.fs;
  const exists = (n: string) => n === '-' || fs.exists(ctx.resolve(n));
  for (const n of [a, b]) {
    if (!exists(n) && !(o.newFile && exists(n === a ? b : a))) {
      ctx.stderr(`diff: ${n}: ${STRERROR.ENOENT}\n`);
      return 2;
    }
  }
  const dirA = a !== '-' && fs.isDir(ctx.resolve(a));
  const dirB = b !== '-' && fs.isDir(ctx.resolve(b));
  try {
    if (dirA && dirB) return compareDirs(ctx, o, a, b);
    // A file against a directory means the file of the same name in that directory.
    if (dirA) a = join(a, b.split('/').pop()!);
    if (dirB) b = join(b, a.split('/').pop()!);
    for (const n of [a, b]) {
      if (!exists(n) && !o.newFile) {
        ctx.stderr(`diff: ${n}: ${STRERROR.ENOENT}\n`);
        return 2;
      }
    }
    return compareFiles(ctx, o, side(ctx, a), side(ctx, b), '');
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
    ctx.stderr(`diff: ${e.message}\n`);
    return 2;
  }
}
