import { byteLength } from '../streams/bytes';
import type { CommandContext, CommandOutcome } from '../types';
import { basename, resolvePath, STRERROR, VfsError } from '../vfs/Vfs';
import { getopt, usageError } from './getopt';
import { readInputs } from './lines';

/** `cat [-n] [FILE...]` */
export function touch(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'acm' });
  if (!o.ok) return usageError(ctx.stderr, 'touch', o.message);
  if (o.operands.length === 0) return usageError(ctx.stderr, 'touch', 'missing file operand');
  let code = 0;
  for (const name of o.operands) {
    try {
      ctx.fs.touch(ctx.resolve(name));
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`touch: cannot touch '${name}': ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  return code;
}

export function mkdir(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'pv', long: { parents: 'p' } });
  if (!o.ok) return usageError(ctx.stderr, 'mkdir', o.message);
  if (o.operands.length === 0) return usageError(ctx.stderr, 'mkdir', 'missing operand');
  let code = 0;
  for (const name of o.operands) {
    try {
      const path = ctx.resolve(name);
      if (o.opts.has('p') && ctx.fs.isDir(path)) continue;
      ctx.fs.mkdir(path, o.opts.has('p'));
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`mkdir: cannot create directory ‘${name}’: ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  return code;
}

export function rm(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'rRfvid', long: { recursive: 'r', force: 'f' } });
  if (!o.ok) return usageError(ctx.stderr, 'rm', o.message);
  const force = o.opts.has('f');
  const recursive = o.opts.has('r') || o.opts.has('R');
  if (o.operands.length === 0) return force ? 0 : usageError(ctx.stderr, 'rm', 'missing operand');
  let code = 0;
  for (const name of o.operands) {
    const path = ctx.resolve(name);
    // rm removes a symbolic link itself, never what it points to.
    const stat = ctx.fs.lstat(path);
    if (!stat) {
      if (!force) {
        ctx.stderr(`rm: cannot remove '${name}': No such file or directory\n`);
        code = 1;
      }
      continue;
    }
    if (stat.kind === 'dir' && !recursive) {
      ctx.stderr(`rm: cannot remove '${name}': Is a directory\n`);
      code = 1;
      continue;
    }
    if (path === '/') {
      ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      code = 1;
      continue;
    }
    ctx.fs.remove(path, true);
  }
  return code;
}

export function rmdir(ctx: CommandContext): number {
  if (ctx.argv.length < 2) return usageError(ctx.stderr, 'rmdir', 'missing operand');
  let code = 0;
  for (const name of ctx.argv.slice(1)) {
    const path = ctx.resolve(name);
    const stat = ctx.fs.stat(path);
    const reason = !stat ? STRERROR.ENOENT : stat.kind !== 'dir' ? STRERROR.ENOTDIR : ctx.fs.readdir(path).length > 0 ? STRERROR.ENOTEMPTY : undefined;
    if (reason) {
      ctx.stderr(`rmdir: failed to remove '${name}': ${reason}\n`);
      code = 1;
    } else ctx.fs.remove(path);
  }
  return code;
}

/** `cp` and `mv` share operand handling: the last operand is the destination (or a directory to copy into). */
function copyOrMove(ctx: CommandContext, tool: 'cp' | 'mv'): number {
  const o = getopt(ctx.argv.slice(1), { flags: tool === 'cp' ? 'rRafvip' : 'fvin', long: { recursive: 'r' } });
  if (!o.ok) return usageError(ctx.stderr, tool, o.message);
  const ops = o.operands;
  if (ops.length === 0) return usageError(ctx.stderr, tool, 'missing file operand');
  if (ops.length === 1) return usageError(ctx.stderr, tool, `missing destination file operand after '${ops[0]}'`);
  const dest = ops[ops.length - 1]!;
  const destPath = ctx.resolve(dest);
  const sources = ops.slice(0, -1);
  const intoDir = ctx.fs.isDir(destPath);
  if (sources.length > 1 && !intoDir) {
    ctx.stderr(`${tool}: target '${dest}' is not a directory\n`);
    return 1;
  }
  const recursive = tool === 'mv' || o.opts.has('r') || o.opts.has('R') || o.opts.has('a');
  let code = 0;
  for (const src of sources) {
    const srcPath = ctx.resolve(src);
    const stat = ctx.fs.stat(srcPath);
    if (!stat) {
      ctx.stderr(`${tool}: cannot stat '${src}': No such file or directory\n`);
      code = 1;
      continue;
    }
    if (stat.kind === 'dir' && !recursive) {
      ctx.stderr(`cp: -r not specified; omitting directory '${src}'\n`);
      code = 1;
      continue;
    }
    const target = intoDir ? resolvePath(destPath, basename(srcPath)) : destPath;
    if (target === srcPath || target.startsWith(`${srcPath}/`)) {
      ctx.stderr(target === srcPath ? `${tool}: '${src}' and '${dest}' are the same file\n` : `${tool}: cannot ${tool === 'cp' ? 'copy' : 'move'} '${src}' to a subdirectory of itself, '${dest}'\n`);
      code = 1;
      continue;
    }
    try {
      if (tool === 'mv') ctx.fs.rename(srcPath, target);
      else copyTree(ctx, srcPath, target);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`${tool}: cannot create regular file '${dest}': ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  return code;
}

function copyTree(ctx: CommandContext, from: string, to: string): void {
  if (!ctx.fs.isDir(from)) {
    ctx.fs.writeFile(to, ctx.fs.readFile(from));
    return;
  }
  if (!ctx.fs.isDir(to)) ctx.fs.mkdir(to);
  for (const name of ctx.fs.readdir(from)) copyTree(ctx, `${from}/${name}`, `${to}/${name}`);
}

export const cp = (ctx: CommandContext) => copyOrMove(ctx, 'cp');
export const mv = (ctx: CommandContext) => copyOrMove(ctx, 'mv');

/** `tee [-a] FILE...`: copies stdin to stdout and to each file. */
export function tee(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'ai', long: { append: 'a' } });
  if (!o.ok) return usageError(ctx.stderr, 'tee', o.message);
  let code = 0;
  // Reading stdin consumes it: take it once for every file and stdout.
  const input = ctx.stdin;
  for (const name of o.operands) {
    try {
      const path = ctx.resolve(name);
      if (o.opts.has('a')) ctx.fs.appendFile(path, input);
      else ctx.fs.writeFile(path, input);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr(`tee: ${name}: ${STRERROR[e.code]}\n`);
      code = 1;
    }
  }
  ctx.stdout(input);
  return code;
}

/** `vi FILE`, `vim FILE`, `nano FILE`: the UI opens the file in its editor pane. */
export function editor(ctx: CommandContext): CommandOutcome {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (name === undefined) {
    ctx.stderr(`${ctx.argv[0]}: kubelab opens files in the editor pane: give a file name, e.g. ${ctx.argv[0]} web.yaml\n`);
    return 1;
  }
  const path = ctx.resolve(name);
  if (ctx.fs.isDir(path)) {
    ctx.stderr(`${ctx.argv[0]}: ${name}: Is a directory\n`);
    return 1;
  }
  return { exitCode: 0, openInEditor: path };
}

/** `wc [-lwc] [FILE...]`, with GNU's column widths and `total` line. */
export function wc(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (!o.ok) return usageError(ctx.stderr, 'wc', o.message);
  const { inputs, failed } = readInputs(ctx, 'wc', o.operands);
  // GNU's column order: lines, words, characters, bytes.
  let which = ['l', 'w', 'm', 'c'].filter((f) => o.opts.has(f));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const rows = inputs.map((i) => ({ name: o.operands.length === 0 ? '' : i.name === '(standard input)' ? '-' : i.name, counts: countText(i.text, which) }));
  if (rows.length > 1) rows.push({ name: 'total', counts: rows.reduce((acc, r) => acc.map((v, k) => v + r.counts[k]!), which.map(() => 0)) });
  // GNU sizes the columns from the files' total byte size (7 when reading a pipe); one count of one input is bare.
  const fromStdin = o.operands.length === 0 || o.operands.includes('-');
  const fileBytes = inputs.filter((i) => i.name !== '(standard input)').reduce((n, i) => n + countText(i.text, ['c'])[0]!, 0);
  const width = which.length === 1 && inputs.length === 1 ? 1 : Math.max(fromStdin ? 7 : 1, String(fileBytes).length);
  for (const r of rows) ctx.stdout(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`);
  return failed ? 1 : 0;
}

function countText(text: string, which: string[]): number[] {
  return which.map((f) => {
    if (f === 'l') return (text.match(/\n/g) ?? []).length;
    if (f === 'w') return text.split(/\s+/).filter(Boolean).length;
    // A byte that is not UTF-8 is a byte but not a character (coreutils' wc).
    if (f === 'm') return [...text].length - (text.match(/(?<![\ud800-\udbff])[\udc80-\udcff]/g)?.length ?? 0);
    return byteLength(text);
  });
}
