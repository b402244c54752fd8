import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchEvent } from '../api/types';
import { ObjectStore, type StoreWatcher } from './ObjectStore';

const cm = (store: ObjectStore, name: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, resourceVersion: String(store.nextResourceVersion()) },
});

function watcher(resource: string, seen: string[], namespace?: string, extra?: (ev: WatchEvent) => void): StoreWatcher {
  return { resource, namespace, matches: () => true, handler: (ev) => (seen.push(`${resource}:${ev.type}:${ev.object.metadata.name}`), extra?.(ev)) };
}

describe('ObjectStore watch fan-out', () => {
  it('delivers only to watchers of the written resource and namespace, in registration order', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    store.watch(watcher('configmaps', seen));
    store.watch(watcher('secrets', seen));
    store.watch(watcher('configmaps', seen, 'other'));
    store.watch({ ...watcher('configmaps', seen), handler: (ev) => seen.push(`second:${ev.object.metadata.name}`) });
    store.put('configmaps', cm(store, 'a'), 'ADDED', 'test');
    store.put('configmaps', cm(store, 'b', 'other'), 'ADDED', 'test');
    expect(seen).toEqual(['configmaps:ADDED:a', 'second:a', 'configmaps:ADDED:b', 'configmaps:ADDED:b', 'second:b']);
  });

  it('a watcher removed during a fan-out gets nothing more; one added during it waits for the next event', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    let stopLater: () => void = () => {};
    store.watch(
      watcher('configmaps', seen, undefined, () => {
        stopLater();
        if (seen.length === 1) store.watch(watcher('configmaps', seen));
      }),
    );
    stopLater = store.watch({ ...watcher('configmaps', seen), handler: () => seen.push('removed watcher called') });
    store.put('configmaps', cm(store, 'a'), 'ADDED', 'test');
    expect(seen).toEqual(['configmaps:ADDED:a']);
    store.put('configmaps', cm(store, 'b'), 'ADDED', 'test');
    expect(seen).toEqual(['configmaps:ADDED:a', 'configmaps:ADDED:b', 'configmaps:ADDED:b']);
  });

  it('closing the watches tells each watcher once, and nothing reaches it afterwards', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    const unsubscribe = store.watch({ ...watcher('configmaps', seen), onClose: () => seen.push('closed') });
    store.watch(watcher('secrets', seen));
    store.closeWatches();
    store.closeWatches();
    unsubscribe();
    store.put('configmaps', cm(store, 'a'), 'ADDED', 'test');
    expect(seen).toEqual(['closed']);
    store.watch(watcher('configmaps', seen));
    store.put('configmaps', cm(store, 'b'), 'ADDED', 'test');
    expect(seen).toEqual(['closed', 'configmaps:ADDED:b']);
  });

  it('unsubscribing twice is harmless and leaves the other watchers of the resource', () => {
    const store = new ObjectStore();
    const seen: string[] = [];
    const stop = store.watch(watcher('configmaps', seen));
    store.watch({ ...watcher('configmaps', seen), handler: (ev) => seen.push(`kept:${ev.object.metadata.name}`) });
    stop();
    stop();
    store.put('configmaps', cm(store, 'a'), 'ADDED', 'test');
    expect(seen).toEqual(['kept:a']);
  });
});

describe('ObjectStore lists', () => {
  it('come in namespace then name order (code units) through any history of adds, updates and removals', () => {
    const op = fc.record({ name: fc.constantFrom('a', 'B', 'b-1', 'b', 'a0', 'z'), namespace: fc.constantFrom('default', 'dev', ''), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = new ObjectStore();
        const model = new Map<string, [string, string]>();
        for (const o of ops) {
          const key = `${o.namespace}/${o.name}`;
          const obj = cm(store, o.name, o.namespace);
          if (!o.namespace) delete obj.metadata.namespace;
          if (o.remove) {
            store.remove('configmaps', obj, 'test');
            model.delete(key);
          } else {
            store.put('configmaps', obj, model.has(key) ? 'MODIFIED' : 'ADDED', 'test');
            model.set(key, [o.namespace, o.name]);
          }
          const want = (ns?: string) =>
            [...model.values()]
              .filter(([n]) => ns === undefined || n === ns)
              .sort(([n1, a], [n2, b]) => (n1 === n2 ? (a < b ? -1 : 1) : n1 < n2 ? -1 : 1))
              .map(([n, name]) => `${n}/${name}`);
          const got = (ns?: string) => store.list('configmaps', ns).map((x) => `${x.metadata.namespace ?? ''}/${x.metadata.name}`);
          for (const ns of [undefined, 'default', 'dev', '']) expect(got(ns)).toEqual(want(ns));
        }
      }),
      { numRuns: 100 },
    );
  });
});
