import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { EditorFile, FileStore } from './fileStore';

/**
 * Files in IndexedDB (one key per path), so buffers survive reloads and a crashed engine worker.
 * Its own database, so nothing else using idb-keyval can clobber the learner's files.
 */
export class IdbFileStore implements FileStore {
  private readonly db: UseStore;

  constructor(dbName = 'kubelab-editor', storeName = 'files') {
    this.db = createStore(dbName, storeName);
  }

  async list(): Promise<EditorFile[]> {
    const all = await entries<string, string>(this.db);
    return all
      .filter(([, text]) => typeof text === 'string')
      .map(([path, text]) => ({ path, text }));
  }

  async write(path: string, text: string): Promise<void> {
    await set(path, text, this.db);
  }

  async rename(from: string, to: string): Promise<void> {
    const text = await get<string>(from, this.db);
    if (text === undefined) return;
    // Write the new name before dropping the old one: a crash in between keeps both, never neither.
    await set(to, text, this.db);
    await del(from, this.db);
  }

  async remove(path: string): Promise<void> {
    await del(path, this.db);
  }
}
