import { describe, expect, it } from 'vitest';
import { ApiError, type KubeObject } from './types';
import { errorOf, newTestServer, svc } from './testing/newTestServer';

describe('ApiServer CRUD', () => {
  it('creates with system metadata from the clock and the seeded rng', () => {
    const { server } = newTestServer();
    const created = server.admin().create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    expect(created.metadata.creationTimestamp).toBe('2026-01-15T09:00:00Z');
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it('returns private copies of writes, or the stored frozen object to a component asking for shared results', () => {
    const { server } = newTestServer();
    const mine = server.admin().create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    expect(Object.isFrozen(mine)).toBe(false);
    mine.metadata.labels = { changed: 'locally' };
    expect(server.admin().get('services', 'default', 'web').metadata.labels).toBeUndefined();
    const component = server.system('test-controller', { sharedResults: true });
    const seen: KubeObject[] = [];
    component.watch('services', 'default', (ev) => seen.push(ev.object));
    const shared = component.update('services', 'default', { ...mine, metadata: { ...mine.metadata, labels: { app: 'web' } } });
    expect(Object.isFrozen(shared) && Object.isFrozen(shared.metadata.labels)).toBe(true);
    expect(shared).toBe(seen[0]);
    expect(server.system('other').update('services', 'default', { ...shared, metadata: { ...shared.metadata, labels: {} } })).not.toBe(seen[1]);
  });

  it('is deterministic for the same seed and commands', () => {
    const run = (): unknown => {
      const { server } = newTestServer('same');
      return server.admin().create('services', 'default', svc('web', { type: 'NodePort', ports: [{ port: 80 }] }));
    };
    expect(run()).toEqual(run());
  });

  it('generates names from generateName with the no-vowel alphabet', () => {
    const { server } = newTestServer();
    const pod = server.admin().create<KubeObject>('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it.each([
    ['services', 'x', 'services "x" not found'],
    ['deployments.apps', 'x', 'deployments.apps "x" not found'],
    ['endpointslices.discovery.k8s.io', 'x', 'endpointslices.discovery.k8s.io "x" not found'],
    ['namespaces', 'nope', 'namespaces "nope" not found'],
  ])('get %s %s → NotFound', (resource, name, message) => {
    const { server } = newTestServer();
    let err: unknown;
    try {
      server.admin().get(resource, 'default', name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).reason).toBe('NotFound');
    expect((err as ApiError).code).toBe(404);
    expect((err as ApiError).message).toBe(message);
  });

  it('tryGet returns undefined for a missing object', () => {
    const { server } = newTestServer();
    expect(server.admin().tryGet('services', 'default', 'nope')).toBeUndefined();
  });

  it('AlreadyExists', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    expect(errorOf(() => a.create('services', 'default', svc('web', { ports: [{ port: 80 }] })))).toBe('services "web" already exists');
  });

  it('Conflict on a stale resourceVersion', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const v1 = a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    a.update('services', 'default', { ...v1, metadata: { ...v1.metadata, labels: { a: 'b' } } });
    expect(errorOf(() => a.update('services', 'default', { ...v1, metadata: { ...v1.metadata, labels: { a: 'c' } } }))).toBe(
      'Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('refuses to create in a missing namespace', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().create('services', 'nope', svc('web', { ports: [{ port: 80 }] }, 'nope')))).toBe('namespaces "nope" not found');
  });

  it('lists across namespaces and by namespace', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('a', { ports: [{ port: 80 }] }));
    a.create('services', 'kube-system', svc('b', { ports: [{ port: 80 }] }, 'kube-system'));
    expect(a.list('services', undefined).items.map((s) => s.metadata.name)).toEqual(['a', 'b']);
    expect(a.list('services', 'kube-system').items.map((s) => s.metadata.name)).toEqual(['b']);
  });

  it('returns copies: mutating a result does not change the store', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    created.metadata.name = 'changed';
    expect(a.get('services', 'default', 'web').metadata.name).toBe('web');
  });

  it('no-op updates keep the resourceVersion', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    const again = a.update('services', 'default', created);
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('adds the Endpoints deprecation warning', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.list('endpoints', 'default');
    expect(a.takeWarnings()).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
    expect(a.takeWarnings()).toEqual([]);
    a.list('services', 'default');
    expect(a.takeWarnings()).toEqual([]);
  });
});
