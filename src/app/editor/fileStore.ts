/** One editor buffer: a file in the learner's home folder. */
export interface EditorFile {
  /** Name relative to the home folder, e.g. `web.yaml`. */
  path: string;
  text: string;
}

/**
 * Where the editor keeps its files. Asynchronous on purpose: today IndexedDB backs it; later the
 * engine's virtual filesystem (the learner's home folder, which the terminal sees) can back it
 * through the worker without the editor changing.
 */
export interface FileStore {
  /** Every file, in no particular order. */
  list(): Promise<EditorFile[]>;
  /** Creates or overwrites a file. */
  write(path: string, text: string): Promise<void>;
  /** Moves a file; the caller has checked that `to` is free. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** A FileStore in memory: for tests, and the fallback when the browser refuses IndexedDB. */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, string>();

  constructor(initial: readonly EditorFile[] = []) {
    for (const f of initial) this.files.set(f.path, f.text);
  }

  async list(): Promise<EditorFile[]> {
    return [...this.files].map(([path, text]) => ({ path, text }));
  }

  async write(path: string, text: string): Promise<void> {
    this.files.set(path, text);
  }

  async rename(from: string, to: string): Promise<void> {
    const text = this.files.get(from);
    if (text === undefined) return;
    this.files.delete(from);
    this.files.set(to, text);
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }
}
