import type { CommandContext } from '../types';
import { resolvePath } from '../vfs/Vfs';
import { getopt } from './getopt';
import { splitLines } from './lines';
import { escapeRegExp, posixToJs } from './regex';

const OPTIONS = {
  flags: 'ivEFGcodnwxlLqhHrRsz',
  values: 'emABC',
  long: { 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C', 'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', count: 'c', 'only-matching': 'o', 'line-number': 'n', 'word-regexp': 'w', 'line-regexp': 'x', 'files-with-matches': 'l', quiet: 'q', silent: 'q', recursive: 'r', 'no-filename': 'h', 'with-filename': 'H', 'regexp=': 'e', 'color=': 'color', colour: 'color', color: 'color', 'max-count=': 'm' },
};

const parseGrepArgs = (argv: string[]) => getopt(argv.slice(1), OPTIONS);

/**
 * Whether this grep filters standard input line by line with no state carried between lines
 * (no counts, line numbers, context, -m/-q/-l, files): what it prints for a stream is what it
 * prints for each piece of it, so it can follow `kubectl get pods -w` as lines arrive.
 */
export function grepStreamsLines(argv: string[]): boolean {
  const o = parseGrepArgs(argv);
  if (!o.ok) return false;
  if ([...'cnlLqmABCrRz'].some((f) => o.opts.has(f))) return false;
  const files = o.opts.has('e') ? o.operands : o.operands.slice(1);
  return files.every((f) => f === '-') && (o.opts.has('e') || o.operands.length > 0);
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/**
 * GNU grep: -i -v -E -F -c -o -n -w -x -l -L -q -h -H -r, `-e PATTERN`, context with -A/-B/-C
 * (`--` between groups, `-` instead of `:` after names and numbers on context lines);
 * file-name prefixes when several files are searched; exit 0 on a match, 1 on none, 2 on trouble.
 */
export function grep(ctx: CommandContext): number {
  const o = parseGrepArgs(ctx.argv);
  if (!o.ok) {
    ctx.stderr(`grep: ${o.message}\n${USAGE}`);
    return 2;
  }
  const has = (f: string) => o.opts.has(f);
  const operands = [...o.operands];
  const patterns = o.opts.get('e') ?? (operands.length > 0 ? [operands.shift()!] : undefined);
  if (!patterns) {
    ctx.stderr(USAGE);
    return 2;
  }
  let regex: RegExp;
  try {
    const sources = patterns.flatMap((p) => p.split('\n')).map((p) => (has('F') ? escapeRegExp(p) : posixToJs(p, has('E'))));
    let source = sources.map((s) => `(?:${s})`).join('|');
    if (has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    if (has('x')) source = `^(?:${source})$`;
    regex = new RegExp(source, `g${has('i') ? 'i' : ''}`);
  } catch {
    ctx.stderr(`grep: Unmatched ( or \\(\n`);
    return 2;
  }
  const recursive = has('r') || has('R');
  if (operands.length === 0 && recursive) operands.push('.');
  const files = expandOperands(ctx, operands, recursive);
  const showNames = has('H') || (!has('h') && (files.length > 1 || recursive));
  const maxCount = o.opts.has('m') ? Number(o.opts.get('m')!.at(-1)) : Infinity;
  const context = contextLengths(o.opts);
  if (typeof context === 'string') {
    ctx.stderr(`grep: ${context}: invalid context length argument\n`);
    return 2;
  }
  // Context only accompanies whole printed lines (GNU grep prints none for -c, -l, -L, -q, -o).
  const withContext = !['c', 'l', 'L', 'q', 'o'].some(has);
  const { before, after } = withContext ? context : { before: 0, after: 0 };
  let printedAny = false;
  let matched = false;
  let trouble = false;
  for (const f of files.length === 0 ? [{ name: '(standard input)', path: '-' }] : files) {
    let text: string;
    if (f.path === '-') text = ctx.stdin;
    else {
      const stat = ctx.fs.stat(f.path);
      if (!stat || stat.kind === 'dir') {
        if (!has('s')) ctx.stderr(`grep: ${f.name}: ${stat ? 'Is a directory' : 'No such file or directory'}\n`);
        trouble = true;
        continue;
      }
      text = ctx.fs.readFile(f.path);
    }
    const prefix = showNames ? `${f.name}:` : '';
    const lines = splitLines(text);
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    /** One output line; `--` opens each group that does not touch the previous one. */
    const emit = (i: number, text: string, sep: ':' | '-') => {
      if ((before > 0 || after > 0) && printedAny && (lastPrinted < 0 || i > lastPrinted + 1)) ctx.stdout('--\n');
      ctx.stdout(`${showNames ? `${f.name}${sep}` : ''}${has('n') ? `${i + 1}${sep}` : ''}${text}\n`);
      lastPrinted = i;
      printedAny = true;
    };
    for (const [i, line] of lines.entries()) {
      if (count >= maxCount) {
        // GNU grep stops after the NUMth match but still prints its trailing context.
        if (afterLeft-- <= 0) break;
        emit(i, line, '-');
        continue;
      }
      regex.lastIndex = 0;
      const hit = regex.test(line);
      if (hit === has('v')) {
        if (afterLeft > 0) {
          afterLeft--;
          emit(i, line, '-');
        }
        continue;
      }
      count++;
      matched = true;
      if (has('q')) return 0;
      if (has('c') || has('l') || has('L')) continue;
      for (let j = Math.max(i - before, lastPrinted + 1); j < i; j++) emit(j, lines[j]!, '-');
      if (has('o') && !has('v')) {
        regex.lastIndex = 0;
        for (const m of line.matchAll(regex)) if (m[0] !== '') emit(i, m[0], ':');
      } else emit(i, line, ':');
      afterLeft = after;
    }
    if (has('c')) ctx.stdout(`${prefix}${count}\n`);
    if (has('l') && count > 0) ctx.stdout(`${f.name}\n`);
    if (has('L') && count === 0) ctx.stdout(`${f.name}\n`);
  }
  if (trouble && !(has('q') && matched)) return 2;
  return matched ? 0 : 1;
}

/** -A/-B/-C: explicit -A and -B win over -C whatever their order (GNU grep's default_context). */
function contextLengths(opts: Map<string, string[]>): { before: number; after: number } | string {
  const read = (k: string): number | string | undefined => {
    const v = opts.get(k)?.at(-1);
    if (v === undefined) return undefined;
    return /^\d+$/.test(v) ? Number(v) : v;
  };
  const a = read('A');
  const b = read('B');
  const c = read('C');
  for (const v of [a, b, c]) if (typeof v === 'string') return v;
  return { before: (b ?? c ?? 0) as number, after: (a ?? c ?? 0) as number };
}

function expandOperands(ctx: CommandContext, operands: string[], recursive: boolean): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  for (const name of operands) {
    if (name === '-') {
      out.push({ name: '(standard input)', path: '-' });
      continue;
    }
    const path = ctx.resolve(name);
    if (recursive && ctx.fs.isDir(path)) {
      for (const file of ctx.fs.listFiles(path)) {
        const rel = file.slice(path === '/' ? 1 : path.length + 1);
        out.push({ name: name === '.' && operands.length === 1 && ctx.argv.every((a) => a !== '.') ? rel : `${name.replace(/\/$/, '')}/${rel}`, path: resolvePath('/', file) });
      }
    } else out.push({ name, path });
  }
  return out;
}
