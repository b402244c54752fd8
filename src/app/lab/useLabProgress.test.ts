import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A localStorage for Node: what the module reads at load and writes on every change. */
function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

async function freshStore() {
  vi.resetModules();
  return (await import('./useLabProgress')).useLabProgress;
}

beforeEach(() => vi.unstubAllGlobals());

describe('lab progress', () => {
  it('records done steps per lab, once each, in order, and keeps them for the next visit', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const store = await freshStore();
    store.getState().markDone('02-services', 2);
    store.getState().markDone('02-services', 0);
    store.getState().markDone('02-services', 2);
    store.getState().markDone('01-cluster-dns', 1);
    expect(store.getState().done).toEqual({ '02-services': [0, 2], '01-cluster-dns': [1] });

    const reloaded = await freshStore();
    expect(reloaded.getState().done).toEqual({ '02-services': [0, 2], '01-cluster-dns': [1] });
    reloaded.getState().reset('02-services');
    expect((await freshStore()).getState().done).toEqual({ '01-cluster-dns': [1] });
  });

  it('starts empty when storage is garbled or refused, and still works for the visit', async () => {
    vi.stubGlobal('localStorage', fakeStorage({ 'kubelab.labProgress': '{"a":[1,"x",2.5,3],"b":7' }));
    expect((await freshStore()).getState().done).toEqual({});
    vi.stubGlobal('localStorage', fakeStorage({ 'kubelab.labProgress': '{"a":[1,"x",2.5,3],"b":7}' }));
    expect((await freshStore()).getState().done).toEqual({ a: [1, 3] });
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    });
    const store = await freshStore();
    store.getState().markDone('x', 0);
    expect(store.getState().done).toEqual({ x: [0] });
  });
});
