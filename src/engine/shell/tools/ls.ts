import type { CommandContext } from '../types';
import { resolvePath, type Stat } from '../vfs/Vfs';
import { getopt, usageError } from './getopt';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 / 2) * 24 * 3600 * 1000;

interface Entry {
  name: string;
  path: string;
  stat: Stat;
}

/**
 * `ls [-laA1dR]`: GNU's layout. On a terminal names go in columns (column-major, as wide as
 * `COLUMNS`, default 80); into a pipe or file, one per line; `-l` gives the long listing.
 */
export function ls(ctx: CommandContext): number {
  const o = getopt(ctx.argv.slice(1), { flags: 'laA1dhrtSFC', long: { all: 'a', 'almost-all': 'A', directory: 'd', 'color=': 'color', color: 'color' } });
  if (!o.ok) return usageError(ctx.stderr, 'ls', o.message, 2);
  const has = (f: string) => o.opts.has(f);
  const operands = o.operands.length === 0 ? ['.'] : o.operands;
  let code = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = ctx.resolve(name);
    // A link named on the command line is followed, except in the long format and with -d/-F (or when it dangles).
    const stat = has('l') || has('d') || has('F') ? ctx.fs.lstat(path) : (ctx.fs.stat(path) ?? ctx.fs.lstat(path));
    if (!stat) {
      ctx.stderr(`ls: cannot access '${name}': No such file or directory\n`);
      code = 2;
    } else if (stat.kind === 'dir' && !has('d')) dirs.push({ name, path, stat });
    else files.push({ name, path, stat });
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(ctx, sortEntries(files, has), has, false));
  const headers = operands.length > 1 || code !== 0;
  for (const d of sortEntries(dirs, has)) {
    const entries = readDir(ctx, d.path, has('a') ? 'all' : has('A') ? 'almost' : 'visible');
    const body = render(ctx, sortEntries(entries, has), has, true);
    sections.push(headers ? `${d.name}:\n${body}` : body);
  }
  ctx.stdout(sections.join('\n'));
  return code;
}

function readDir(ctx: CommandContext, dir: string, mode: 'all' | 'almost' | 'visible'): Entry[] {
  const out: Entry[] = [];
  if (mode === 'all') {
    for (const name of ['.', '..']) {
      const path = resolvePath(dir, name);
      out.push({ name, path, stat: ctx.fs.stat(path)! });
    }
  }
  for (const name of ctx.fs.readdir(dir)) {
    if (name.startsWith('.') && mode === 'visible') continue;
    const path = resolvePath(dir, name);
    out.push({ name, path, stat: ctx.fs.lstat(path)! });
  }
  return out;
}

function sortEntries(entries: Entry[], has: (f: string) => boolean): Entry[] {
  const sorted = [...entries].sort((a, b) => {
    if (has('t') && a.stat.mtime !== b.stat.mtime) return b.stat.mtime - a.stat.mtime;
    if (has('S') && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return collate(a.name, b.name);
  });
  return has('r') ? sorted.reverse() : sorted;
}

/** C.UTF-8 collation is by code point; leading dots of hidden files count. */
function collate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function render(ctx: CommandContext, entries: Entry[], has: (f: string) => boolean, isDirListing: boolean): string {
  const label = (e: Entry) => (has('F') && e.stat.kind === 'dir' ? `${e.name}/` : has('F') && e.stat.kind === 'link' && !has('l') ? `${e.name}@` : e.name);
  if (has('l')) return longListing(ctx, entries, isDirListing, has('h'), label);
  const names = entries.map(label);
  if (names.length === 0) return '';
  if (has('1') || (!ctx.isTTY && !has('C'))) return names.map((n) => `${n}\n`).join('');
  return columns(names, Number(ctx.env.get('COLUMNS') ?? 80) || 80);
}

/**
 * GNU's vertical layout: the most columns that fit in `lineWidth`, each as wide as its longest
 * name plus two, filled top to bottom; padding uses tabs to 8-column stops as coreutils does.
 */
export function columns(names: string[], lineWidth: number): string {
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(lineWidth / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (cols > 1 && Math.ceil(names.length / rows) < cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)) + (c === cols - 1 ? 0 : 2));
    if (cols > 1 && widths.reduce((a, b) => a + b, 0) >= lineWidth) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      let line = '';
      let pos = 0;
      let target = 0;
      for (let c = 0; c < cols; c++) {
        const n = names[c * rows + r];
        if (n === undefined) break;
        line += indent(pos, target);
        pos = target;
        line += n;
        pos += n.length;
        target += widths[c]!;
      }
      out += `${line}\n`;
    }
    return out;
  }
  return '';
}

/** Moves from column `from` to `to` with tabs (8-column stops) and spaces, like coreutils' indent(). */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

function longListing(ctx: CommandContext, entries: Entry[], withTotal: boolean, human: boolean, label: (e: Entry) => string): string {
  const links = (e: Entry) => (e.stat.kind === 'dir' ? 2 + ctx.fs.readdir(e.path).filter((n) => ctx.fs.isDir(resolvePath(e.path, n))).length : 1);
  // A device shows `MAJOR, MINOR` where a file shows its size, each number in its own column
  // (coreutils' major/minor_device_number_width), the pair right-aligned with the sizes.
  const majorWidth = Math.max(0, ...entries.map((e) => (e.stat.rdev ? String(e.stat.rdev.major).length : 0)));
  const minorWidth = Math.max(0, ...entries.map((e) => (e.stat.rdev ? String(e.stat.rdev.minor).length : 0)));
  const size = (e: Entry) =>
    e.stat.rdev ? `${String(e.stat.rdev.major).padStart(majorWidth)}, ${String(e.stat.rdev.minor).padStart(minorWidth)}` : human ? humanSize(e.stat.size) : String(e.stat.size);
  const linkWidth = Math.max(...entries.map((e) => String(links(e)).length), 1);
  const sizeWidth = Math.max(...entries.map((e) => size(e).length), 1);
  const blocks = entries.reduce((n, e) => n + (e.stat.kind === 'dir' ? 4 : e.stat.kind === 'file' ? Math.ceil(e.stat.size / 4096) * 4 : 0), 0);
  const user = ctx.machine.user;
  let out = withTotal ? `total ${blocks}\n` : '';
  for (const e of entries) {
    const mode = e.stat.kind === 'dir' ? 'drwxr-xr-x' : e.stat.kind === 'chr' ? 'crw-rw-rw-' : e.stat.kind === 'link' ? 'lrwxrwxrwx' : '-rw-r--r--';
    // The runtime creates /dev's nodes and links as root, whoever the container runs as.
    const owner = e.stat.kind === 'chr' || e.stat.kind === 'link' ? 'root' : user;
    const arrow = e.stat.kind === 'link' ? ` -> ${e.stat.target}` : '';
    out += `${mode} ${String(links(e)).padStart(linkWidth)} ${owner} ${owner} ${size(e).padStart(sizeWidth)} ${lsDate(e.stat.mtime, ctx.now())} ${label(e)}${arrow}\n`;
  }
  return out;
}

function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : Math.ceil(v)}${units[u]}`;
}

/** `Jan 15 09:00` for recent files, `Jan 15  2025` for ones older than six months (or in the future). */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mtime < SIX_MONTHS_MS && mtime <= now + 3600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}
