/**
 * A machine's filesystem: directories, text files and the character devices of `/dev` in
 * memory, no permissions. Errors carry POSIX codes so each tool can word them the way GNU
 * coreutils does.
 */
import { byteLength } from '../streams/bytes';
import { type DeviceName, DEVICES, deviceRead } from './devices';

export { EndlessRead, type DeviceName } from './devices';

export type VfsErrorCode = 'ENOENT' | 'EEXIST' | 'EISDIR' | 'ENOTDIR' | 'ENOTEMPTY' | 'EINVAL' | 'ENOSPC';

/** The strerror() text of each code, as glibc prints it. */
export const STRERROR: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
};

export class VfsError extends Error {
  constructor(
    readonly code: VfsErrorCode,
    readonly path: string,
  ) {
    super(`${path}: ${STRERROR[code]}`);
    this.name = 'VfsError';
  }
}

interface FileNode {
  kind: 'file';
  content: string;
  mtime: number;
}
interface DirNode {
  kind: 'dir';
  children: Map<string, Node>;
  mtime: number;
}
/** A character device (`mknod c MAJOR MINOR`): what reading and writing do is the driver's. */
interface DeviceNode {
  kind: 'chr';
  device: DeviceName;
  mtime: number;
}
/** A symbolic link: `target` as written (`/proc/self/fd/0`), resolved on each use. */
interface LinkNode {
  kind: 'link';
  target: string;
  mtime: number;
}
type Node = FileNode | DirNode | DeviceNode | LinkNode;

/** Links followed in one path before giving up, as the kernel's MAXSYMLINKS. */
const MAX_LINKS = 40;

export interface Stat {
  /** `link` only from {@link Vfs.lstat}; `stat` follows links. */
  kind: 'file' | 'dir' | 'chr' | 'link';
  size: number;
  mtime: number;
  /** The device numbers of a character device (`ls -l` prints `1, 3` in place of the size). */
  rdev?: { major: number; minor: number };
  /** What a symbolic link points to (lstat only). */
  target?: string;
}

/** A change to the filesystem, for editor tabs and the UI's file list. */
export interface VfsChange {
  type: 'write' | 'mkdir' | 'remove';
  path: string;
}

/** Joins and normalises `path` against `cwd` (handles `.`, `..`, repeated slashes). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
}

export class Vfs {
  private root: DirNode;
  private listeners = new Set<(c: VfsChange) => void>();

  /** `now` stamps modification times; pass the virtual clock's `now`. */
  constructor(private readonly now: () => number = () => 0) {
    this.root = { kind: 'dir', children: new Map(), mtime: now() };
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  onChange(fn: (c: VfsChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(change: VfsChange): void {
    for (const fn of this.listeners) fn(change);
  }

  /** The node at `path`, following symbolic links on the way (and at the end unless `follow` is false). */
  private lookup(path: string, follow = true, depth = 0): Node | undefined {
    if (depth > MAX_LINKS) return undefined;
    let node: Node = this.root;
    let at = '';
    for (const part of path.split('/').filter(Boolean)) {
      if (node.kind === 'link') {
        const target = this.lookup(resolvePath(dirname(at), node.target), true, depth + 1);
        if (!target) return undefined;
        node = target;
      }
      if (node.kind !== 'dir') return undefined;
      const next = node.children.get(part);
      if (!next) return undefined;
      node = next;
      at += `/${part}`;
    }
    if (follow && node.kind === 'link') return this.lookup(resolvePath(dirname(at), node.target), true, depth + 1);
    return node;
  }

  /** The directory that would hold `path`, or the error a syscall would give. */
  private parentOf(path: string): DirNode {
    const parentPath = dirname(path);
    const parent = this.lookup(parentPath);
    if (!parent) throw new VfsError('ENOENT', path);
    if (parent.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    return parent;
  }

  /** What `path` names, following symbolic links (stat(2)). */
  stat(path: string): Stat | undefined {
    return this.describe(this.lookup(path));
  }

  /** What `path` names, a symbolic link itself rather than its target (lstat(2)). */
  lstat(path: string): Stat | undefined {
    return this.describe(this.lookup(path, false));
  }

  /** Creates the symbolic link `path` pointing at `target` (`ln -s target path`). */
  symlink(target: string, path: string): void {
    if (this.lookup(path, false)) throw new VfsError('EEXIST', path);
    this.parentOf(path).children.set(basename(path), { kind: 'link', target, mtime: this.now() });
  }

  private describe(n: Node | undefined): Stat | undefined {
    if (!n) return undefined;
    if (n.kind === 'link') return { kind: 'link', size: byteLength(n.target), mtime: n.mtime, target: n.target };
    if (n.kind === 'chr') return { kind: 'chr', size: 0, mtime: n.mtime, rdev: { major: DEVICES[n.device].major, minor: DEVICES[n.device].minor } };
    return { kind: n.kind, size: n.kind === 'file' ? byteLength(n.content) : 4096, mtime: n.mtime };
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isDir(path: string): boolean {
    return this.lookup(path)?.kind === 'dir';
  }

  /**
   * The whole content of a file, as a program reading to end of file gets it. A device that
   * never ends (`/dev/zero`, `/dev/urandom`) throws {@link EndlessRead} unless `limit` says how
   * many bytes the reader wants (what `head -c` asks for); a file is returned whole either way.
   */
  readFile(path: string, limit?: number): string {
    const n = this.lookup(path);
    if (!n) throw new VfsError('ENOENT', path);
    if (n.kind === 'dir') throw new VfsError('EISDIR', path);
    if (n.kind === 'chr') return deviceRead(n.device, limit, this.random);
    if (n.kind === 'link') throw new VfsError('ENOENT', path);
    return n.content;
  }

  /** Whether reading `path` to its end never finishes (`/dev/zero`, `/dev/random`...). */
  isEndless(path: string): boolean {
    const n = this.lookup(path);
    return n?.kind === 'chr' && DEVICES[n.device].endless;
  }

  /** Creates the character device `name` at `path` (what the container runtime puts in `/dev`). */
  mknod(path: string, device: DeviceName): void {
    if (this.lookup(path)) throw new VfsError('EEXIST', path);
    this.parentOf(path).children.set(basename(path), { kind: 'chr', device, mtime: this.now() });
  }

  /** xorshift32: /dev/urandom's bytes, deterministic per machine (the engine has no entropy). */
  private randomState = 0x2545f491;
  private random = (): number => {
    let x = this.randomState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.randomState = x >>> 0;
    return this.randomState & 0xff;
  };

  writeFile(path: string, content: string): void {
    const existing = this.lookup(path);
    if (existing?.kind === 'dir') throw new VfsError('EISDIR', path);
    if (existing?.kind === 'chr') {
      // The drivers take what is written and keep nothing; /dev/full refuses every write.
      if (existing.device === 'full' && content !== '') throw new VfsError('ENOSPC', path);
      return;
    }
    // A link whose target is missing (or outside this filesystem, like /proc) is not replaced.
    if (existing?.kind === 'link' || (!existing && this.lookup(path, false)?.kind === 'link')) throw new VfsError('ENOENT', path);
    if (existing) {
      existing.content = content;
      existing.mtime = this.now();
    } else {
      const parent = this.parentOf(path);
      parent.children.set(basename(path), { kind: 'file', content, mtime: this.now() });
      parent.mtime = this.now();
    }
    this.emit({ type: 'write', path });
  }

  appendFile(path: string, content: string): void {
    const existing = this.lookup(path);
    if (existing?.kind === 'chr') return this.writeFile(path, content);
    this.writeFile(path, (existing?.kind === 'file' ? existing.content : '') + content);
  }

  /** Updates the modification time, creating an empty file when missing (what `touch` does). */
  touch(path: string): void {
    const n = this.lookup(path);
    if (n) n.mtime = this.now();
    else this.writeFile(path, '');
  }

  mkdir(path: string, parents = false): void {
    if (parents) {
      let cur = '';
      for (const part of path.split('/').filter(Boolean)) {
        cur += `/${part}`;
        const n = this.lookup(cur);
        if (n && n.kind !== 'dir') throw new VfsError(cur === path ? 'EEXIST' : 'ENOTDIR', path);
        // A link to something outside this filesystem (/dev/stdin) is no directory to go into.
        if (!n && cur !== path && this.lookup(cur, false)) throw new VfsError('ENOTDIR', path);
        if (!n) this.mkdir(cur);
      }
      return;
    }
    if (this.lookup(path, false)) throw new VfsError('EEXIST', path);
    const parent = this.parentOf(path);
    parent.children.set(basename(path), { kind: 'dir', children: new Map(), mtime: this.now() });
    this.emit({ type: 'mkdir', path });
  }

  /** Names in a directory, sorted by code point. */
  readdir(path: string): string[] {
    const n = this.lookup(path);
    if (!n) throw new VfsError('ENOENT', path);
    if (n.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...n.children.keys()].sort();
  }

  remove(path: string, recursive = false): void {
    const n = this.lookup(path, false);
    if (!n || path === '/') throw new VfsError(n ? 'EINVAL' : 'ENOENT', path);
    if (n.kind === 'dir' && !recursive && n.children.size > 0) throw new VfsError('ENOTEMPTY', path);
    this.parentOf(path).children.delete(basename(path));
    this.emit({ type: 'remove', path });
  }

  /** Moves a file or directory; `to` must not exist or be a file (replaced). */
  rename(from: string, to: string): void {
    const n = this.lookup(from, false);
    if (!n) throw new VfsError('ENOENT', from);
    if (to === from || to.startsWith(`${from}/`)) throw new VfsError('EINVAL', to);
    const parent = this.parentOf(to);
    this.parentOf(from).children.delete(basename(from));
    parent.children.set(basename(to), n);
    this.emit({ type: 'remove', path: from });
    this.emit({ type: 'write', path: to });
  }

  /**
   * Every regular file under `dir` (absolute paths, depth first, sorted), for `grep -r` and the
   * editor. Devices and symbolic links are left out, as `grep -r` skips those it meets on its way.
   */
  listFiles(dir = '/'): string[] {
    const out: string[] = [];
    const walk = (path: string, node: Node) => {
      if (node.kind === 'chr' || node.kind === 'link') return;
      if (node.kind === 'file') {
        out.push(path);
        return;
      }
      for (const name of [...node.children.keys()].sort()) walk(path === '/' ? `/${name}` : `${path}/${name}`, node.children.get(name)!);
    };
    const start = this.lookup(dir);
    if (start) walk(dir, start);
    return out;
  }
}
