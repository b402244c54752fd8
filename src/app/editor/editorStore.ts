import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  closeTab,
  createFile,
  EMPTY_FILES,
  openTab,
  renameFile,
  isTransientPath,
  removeFile,
  restore,
  setText,
  type EditorFilesState,
} from './editorFilesModel';
import type { FileStore } from './fileStore';
import { STARTER_MANIFEST } from './starterManifest';
import { WriteBehind } from './writeBehind';

/** Remembers which tabs were open and which was in front, between visits. */
export interface SessionMemory {
  load(): { openPaths?: unknown; activePath?: unknown } | null;
  save(session: { openPaths: string[]; activePath: string | null }): void;
}

/** The editor's UI state: files and tabs, plus loading and storage health. */
export interface EditorState extends EditorFilesState {
  status: 'loading' | 'ready';
  /** Set when the browser refused to store a file; shown so nobody trusts a save that failed. */
  storageError: string | null;
  load(): Promise<void>;
  setText(path: string, text: string): void;
  /** Creates a file (name made unique) in a new tab; returns its path. */
  newFile(name: string, text: string): string;
  /** Renames a file; returns why it cannot, or null when done. */
  rename(from: string, to: string): string | null;
  close(path: string): void;
  /** Forgets a transient file (its kubectl edit ended) and closes its tab. */
  discard(path: string): void;
  open(path: string): void;
  /** Writes every pending change now (the page is being hidden or closed). */
  flush(): Promise<void>;
}

/** The file a learner finds on a first visit. */
export const FIRST_FILE = { path: 'web.yaml', text: STARTER_MANIFEST } as const;

/** Builds an editor store over any FileStore; the app uses IndexedDB, tests use memory. */
export function createEditorStore(
  files: FileStore,
  session: SessionMemory,
  writeDelayMs = 250,
): StoreApi<EditorState> {
  return createStore<EditorState>((set, get) => {
    const reportError = (error: unknown) =>
      set({ storageError: `Could not save your files: ${String(error)}` });
    const writes = new WriteBehind(files, writeDelayMs, reportError);
    const persist = (op: Promise<void>) => void op.catch(reportError);
    /** Applies a new files state and remembers the tabs. */
    const commit = (next: EditorFilesState) => {
      set(next);
      session.save({ openPaths: next.openPaths, activePath: next.activePath });
    };

    let loading: Promise<void> | null = null;
    const loadOnce = async () => {
      let stored = await files.list().catch((e: unknown) => {
        reportError(e);
        return [];
      });
      if (stored.length === 0) {
        stored = [{ ...FIRST_FILE }];
        persist(files.write(FIRST_FILE.path, FIRST_FILE.text));
      }
      commit(restore(stored, session.load()));
      set({ status: 'ready' });
    };

    return {
      ...EMPTY_FILES,
      status: 'loading',
      storageError: null,
      // Idempotent: React's development double effects (and any second caller) share one load.
      load: () => (loading ??= loadOnce()),
      setText(path, text) {
        const next = setText(get(), path, text);
        if (next === get()) return;
        set(next);
        if (!isTransientPath(path)) writes.write(path, text);
      },
      newFile(name, text) {
        const { state, path } = createFile(get(), name, text);
        commit(state);
        if (!isTransientPath(path)) persist(files.write(path, text));
        return path;
      },
      rename(from, to) {
        const { state, problem } = renameFile(get(), from, to);
        if (problem) return problem;
        if (from === to) return null;
        const pending = writes.drop(from);
        commit(state);
        persist(
          files
            .rename(from, to)
            .then(() => (pending === undefined ? undefined : files.write(to, pending))),
        );
        return null;
      },
      close(path) {
        void writes.flush();
        commit(closeTab(get(), path));
      },
      discard(path) {
        if (isTransientPath(path)) commit(removeFile(get(), path));
      },
      open(path) {
        commit(openTab(get(), path));
      },
      flush: () => writes.flush(),
    };
  });
}

/** Session memory in localStorage; private windows that refuse it just forget the tabs. */
export function localSessionMemory(key = 'kubelab.editor.session'): SessionMemory {
  return {
    load() {
      try {
        const raw = localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as { openPaths?: unknown; activePath?: unknown }) : null;
      } catch {
        return null;
      }
    },
    save(s) {
      try {
        localStorage.setItem(key, JSON.stringify(s));
      } catch {
        // Not fatal: files are in IndexedDB; only the tab order is forgotten.
      }
    },
  };
}
