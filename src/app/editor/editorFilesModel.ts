import type { EditorFile } from './fileStore';

/** The editor's files and tabs as plain data; every change is a pure function below. */
export interface EditorFilesState {
  files: EditorFile[];
  /** Paths shown as tabs, in tab order; always a subset of `files`. */
  openPaths: string[];
  /** The tab in front; null only when no tab is open. */
  activePath: string | null;
}

export const EMPTY_FILES: EditorFilesState = { files: [], openPaths: [], activePath: null };

/**
 * Why a name cannot be used, in the words a shell would use, or null if it can. Files live flat in
 * the home folder, so a name is one path segment.
 */
export function fileNameProblem(
  name: string,
  existing: readonly string[],
  current?: string,
): string | null {
  if (name.trim() === '') return 'A file name is required.';
  if (name !== name.trim()) return 'A file name cannot start or end with a space.';
  if (name === '.' || name === '..') return `'${name}' is not a file name.`;
  if (name.includes('/')) return 'A file name cannot contain "/".';
  if (name.includes('\0')) return 'A file name cannot contain a NUL character.';
  if (new TextEncoder().encode(name).length > 255) return 'File name too long.';
  if (name !== current && existing.includes(name)) return `A file named ${name} already exists.`;
  return null;
}

/** `base.yaml`, else `base-1.yaml`, `base-2.yaml`, …: the first name not taken. */
export function uniqueFileName(wanted: string, existing: readonly string[]): string {
  if (!existing.includes(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let i = 1; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!existing.includes(candidate)) return candidate;
  }
}

const paths = (s: EditorFilesState) => s.files.map((f) => f.path);

/** Adds a file (its name made unique), opens it in a new tab after the active one and focuses it. */
export function createFile(
  s: EditorFilesState,
  wanted: string,
  text: string,
): { state: EditorFilesState; path: string } {
  const path = uniqueFileName(wanted, paths(s));
  const at = s.activePath ? s.openPaths.indexOf(s.activePath) + 1 : s.openPaths.length;
  const openPaths = [...s.openPaths.slice(0, at), path, ...s.openPaths.slice(at)];
  return { state: { files: [...s.files, { path, text }], openPaths, activePath: path }, path };
}

/** Replaces a file's text; unknown paths leave the state as it is. */
export function setText(s: EditorFilesState, path: string, text: string): EditorFilesState {
  if (!s.files.some((f) => f.path === path)) return s;
  return { ...s, files: s.files.map((f) => (f.path === path ? { path, text } : f)) };
}

/** Renames a file everywhere it appears, or explains why it cannot. */
export function renameFile(
  s: EditorFilesState,
  from: string,
  to: string,
): { state: EditorFilesState; problem: string | null } {
  if (!s.files.some((f) => f.path === from)) return { state: s, problem: `${from}: No such file` };
  if (isTransientPath(from)) return { state: s, problem: `${from} belongs to the command that opened it and keeps its name.` };
  const problem = fileNameProblem(to, paths(s), from);
  if (problem) return { state: s, problem };
  const swap = (p: string) => (p === from ? to : p);
  return {
    state: {
      files: s.files.map((f) => (f.path === from ? { path: to, text: f.text } : f)),
      openPaths: s.openPaths.map(swap),
      activePath: s.activePath === null ? null : swap(s.activePath),
    },
    problem: null,
  };
}

/** Closes a tab (the file stays in the home folder); the neighbour to its right, else left, comes forward. */
export function closeTab(s: EditorFilesState, path: string): EditorFilesState {
  const i = s.openPaths.indexOf(path);
  if (i < 0) return s;
  const openPaths = s.openPaths.filter((p) => p !== path);
  const activePath =
    s.activePath !== path ? s.activePath : (openPaths[Math.min(i, openPaths.length - 1)] ?? null);
  return { ...s, openPaths, activePath };
}

/** Drops a file and its tab (a kubectl edit that ended); the neighbour comes forward as on close. */
export function removeFile(s: EditorFilesState, path: string): EditorFilesState {
  if (!s.files.some((f) => f.path === path)) return s;
  const closed = closeTab(s, path);
  return { ...closed, files: closed.files.filter((f) => f.path !== path) };
}

/**
 * Files outside the home folder (kubectl edit's `/tmp/kubectl-edit-N.yaml`) are named by their
 * absolute path. They belong to the command that opened them: never stored, never mirrored home.
 */
export function isTransientPath(path: string): boolean {
  return path.startsWith('/');
}

/** Brings a file forward, opening a tab for it at the end if it has none. */
export function openTab(s: EditorFilesState, path: string): EditorFilesState {
  if (!s.files.some((f) => f.path === path)) return s;
  const openPaths = s.openPaths.includes(path) ? s.openPaths : [...s.openPaths, path];
  return { ...s, openPaths, activePath: path };
}

/** Files that exist but have no tab, by name. */
export function closedFiles(s: EditorFilesState): string[] {
  return paths(s)
    .filter((p) => !s.openPaths.includes(p) && !isTransientPath(p))
    .sort();
}

/**
 * Rebuilds the state from stored files and a remembered session, dropping tabs whose files are gone
 * (renamed or removed elsewhere, e.g. from the terminal later).
 */
export function restore(
  files: EditorFile[],
  session: { openPaths?: unknown; activePath?: unknown } | null,
): EditorFilesState {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const known = new Set(sorted.map((f) => f.path));
  const remembered = Array.isArray(session?.openPaths)
    ? session.openPaths.filter((p): p is string => typeof p === 'string')
    : null;
  const openPaths = remembered
    ? [...new Set(remembered)].filter((p) => known.has(p))
    : sorted.map((f) => f.path);
  const active =
    typeof session?.activePath === 'string' && openPaths.includes(session.activePath)
      ? session.activePath
      : null;
  return { files: sorted, openPaths, activePath: active ?? openPaths[0] ?? null };
}
