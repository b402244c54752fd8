import { describe, expect, it, vi } from 'vitest';
import { createEditorStore, FIRST_FILE, type SessionMemory } from './editorStore';
import { MemoryFileStore } from './fileStore';

function memorySession(initial: ReturnType<SessionMemory['load']> = null) {
  let saved = initial;
  return {
    load: () => saved,
    save: (s: { openPaths: string[]; activePath: string | null }) => {
      saved = s;
    },
    get saved() {
      return saved;
    },
  };
}

describe('editor store', () => {
  it('on a first visit writes the starter file and opens it', async () => {
    const files = new MemoryFileStore();
    const store = createEditorStore(files, memorySession());
    expect(store.getState().status).toBe('loading');
    await store.getState().load();
    expect(store.getState()).toMatchObject({
      status: 'ready',
      openPaths: ['web.yaml'],
      activePath: 'web.yaml',
    });
    expect(await files.list()).toEqual([{ ...FIRST_FILE }]);
  });

  it('survives a reload: text, names and tabs come back from the stores', async () => {
    const files = new MemoryFileStore();
    const session = memorySession();
    const first = createEditorStore(files, session);
    await first.getState().load();
    first.getState().setText('web.yaml', 'kind: Service\n');
    const svc = first.getState().newFile('svc.yaml', 'apiVersion: v1\n');
    expect(first.getState().rename(svc, 'ent.yaml')).toBeNull();
    first.getState().close('web.yaml');
    await first.getState().flush();

    const second = createEditorStore(files, session);
    await second.getState().load();
    expect(second.getState().files).toEqual([
      { path: 'ent.yaml', text: 'apiVersion: v1\n' },
      { path: 'web.yaml', text: 'kind: Service\n' },
    ]);
    expect(second.getState()).toMatchObject({ openPaths: ['ent.yaml'], activePath: 'ent.yaml' });
  });

  it('a rename right after typing keeps the typed text under the new name', async () => {
    const files = new MemoryFileStore();
    const store = createEditorStore(files, memorySession(), 60_000);
    await store.getState().load();
    store.getState().setText('web.yaml', 'typed');
    expect(store.getState().rename('web.yaml', 'svc.yaml')).toBeNull();
    await vi.waitFor(async () =>
      expect(await files.list()).toEqual([{ path: 'svc.yaml', text: 'typed' }]),
    );
  });

  it('refuses a taken name and says why', async () => {
    const store = createEditorStore(new MemoryFileStore(), memorySession());
    await store.getState().load();
    store.getState().newFile('a.yaml', '');
    expect(store.getState().rename('a.yaml', 'web.yaml')).toBe(
      'A file named web.yaml already exists.',
    );
  });

  it('shows a storage error when the browser refuses to save', async () => {
    const files = new MemoryFileStore();
    vi.spyOn(files, 'write').mockRejectedValue(new Error('QuotaExceededError'));
    const store = createEditorStore(files, memorySession(), 1);
    await store.getState().load();
    store.getState().setText('web.yaml', 'x');
    await store.getState().flush();
    expect(store.getState().storageError).toBe(
      'Could not save your files: Error: QuotaExceededError',
    );
  });

  it('keeps a kubectl edit file out of storage, refuses to rename it, and discards it when its command ends', async () => {
    const files = new MemoryFileStore();
    const store = createEditorStore(files, memorySession(), 1);
    await store.getState().load();
    const path = store.getState().newFile('/tmp/kubectl-edit-1.yaml', 'kind: Service\n');
    expect(path).toBe('/tmp/kubectl-edit-1.yaml');
    store.getState().setText(path, 'kind: Service # edited\n');
    await store.getState().flush();
    expect((await files.list()).map((f) => f.path)).toEqual(['web.yaml']);
    expect(store.getState().rename(path, 'svc.yaml')).toMatch(/keeps its name/);
    store.getState().discard(path);
    expect(store.getState()).toMatchObject({ openPaths: ['web.yaml'], activePath: 'web.yaml' });
    expect(store.getState().files.map((f) => f.path)).toEqual(['web.yaml']);
    store.getState().discard('web.yaml');
    expect(store.getState().files.map((f) => f.path)).toEqual(['web.yaml']);
  });
});
