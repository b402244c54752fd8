import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchEvent } from './types';
import { errorOf, newTestServer, svc } from './testing/newTestServer';

const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...extra },
});

describe('deletion', () => {
  it('a scheduled Pod is only marked; the kubelet finishes with grace 0', () => {
    const { server, clock } = newTestServer();
    const a = server.admin();
    a.create('pods', 'default', pod('p', { nodeName: 'node01' }));
    clock.advance(5000);
    const marked = a.delete('pods', 'default', 'p');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-15T09:00:35Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(a.tryGet('pods', 'default', 'p')).toBeDefined();
    server.system('kubelet').delete('pods', 'default', 'p', { gracePeriodSeconds: 0 });
    expect(a.tryGet('pods', 'default', 'p')).toBeUndefined();
  });

  it('an unscheduled Pod goes at once', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('pods', 'default', pod('p'));
    a.delete('pods', 'default', 'p');
    expect(a.tryGet('pods', 'default', 'p')).toBeUndefined();
  });

  it('finalizers hold an object until they are removed', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['example.com/hold'] }, data: { k: 'v' } });
    const marked = a.delete('configmaps', 'default', 'c');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-15T09:00:00Z');
    const current = a.get('configmaps', 'default', 'c');
    a.update('configmaps', 'default', { ...current, metadata: { ...current.metadata, finalizers: [] } });
    expect(a.tryGet('configmaps', 'default', 'c')).toBeUndefined();
  });

  it('a Namespace goes Terminating, refuses new content, and is removed when finalized', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    const ns = a.delete('namespaces', undefined, 'dev');
    expect((ns.status as { phase: string }).phase).toBe('Terminating');
    expect(errorOf(() => a.create('services', 'dev', svc('web', { ports: [{ port: 80 }] }, 'dev')))).toBe(
      'services "web" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
    const current = a.get('namespaces', undefined, 'dev');
    a.update('namespaces/finalize', undefined, { ...current, spec: { finalizers: [] } });
    expect(a.tryGet('namespaces', undefined, 'dev')).toBeUndefined();
  });

  it('propagationPolicy Foreground and Orphan become finalizers for the garbage collector', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: {} });
    a.create('configmaps', 'default', cm('fg'));
    a.create('configmaps', 'default', cm('or'));
    a.create('configmaps', 'default', cm('bg'));
    expect(a.delete('configmaps', 'default', 'fg', { propagationPolicy: 'Foreground' }).metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(a.delete('configmaps', 'default', 'or', { propagationPolicy: 'Orphan' }).metadata.finalizers).toEqual(['orphan']);
    a.delete('configmaps', 'default', 'bg', { propagationPolicy: 'Background' });
    expect(a.list('configmaps', 'default').items.map((c) => c.metadata.name)).toEqual(['fg', 'or']);
  });

  it('the default and kube-system namespaces may not be deleted', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().delete('namespaces', undefined, 'default'))).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    expect(errorOf(() => server.admin().delete('namespaces', undefined, 'kube-system'))).toBe('namespaces "kube-system" is forbidden: this namespace may not be deleted');
  });

  it('deleting a Service releases its ClusterIP and NodePorts', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30080 }] }));
    a.delete('services', 'default', 'web');
    expect(server.clusterIPs.isAllocated('10.96.5.5')).toBe(false);
    expect(server.nodePorts.isAllocated(30080)).toBe(false);
  });
});

describe('pods/binding', () => {
  it('binds once, with the PodScheduled condition', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('pods', 'default', pod('p'));
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'node01' } };
    const bound = server.system('kube-scheduler').create<KubeObject>('pods/binding', 'default', binding);
    expect((bound.spec as { nodeName: string }).nodeName).toBe('node01');
    expect((bound.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-15T09:00:00Z' },
    ]);
    expect(errorOf(() => server.system('kube-scheduler').create('pods/binding', 'default', binding))).toBe(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node01"',
    );
  });
});

describe('status subresource', () => {
  it('update ignores status; updateStatus changes only status', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('pods', 'default', pod('p'));
    const withStatus = a.update('pods', 'default', { ...created, status: { phase: 'Running' } });
    expect((withStatus.status as { phase: string }).phase).toBe('Pending');
    const status = a.updateStatus('pods', 'default', { ...withStatus, metadata: { ...withStatus.metadata, labels: { x: 'y' } }, status: { phase: 'Running' } });
    expect((status.status as { phase: string }).phase).toBe('Running');
    expect(status.metadata.labels).toEqual({ app: 'web' });
  });

  it('generation bumps on spec changes only', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const d = a.create<KubeObject>('deployments.apps', 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    expect(d.metadata.generation).toBe(1);
    const labelled = a.update<KubeObject>('deployments.apps', 'default', { ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = a.patch('deployments.apps', 'default', 'web', 'merge', { spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });
});

describe('watch', () => {
  it('streams ADDED/MODIFIED/DELETED with sources, and resumes from a resourceVersion', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const seen: string[] = [];
    const { resourceVersion } = a.list('services', 'default');
    a.watch('services', 'default', (ev: WatchEvent) => seen.push(`${ev.type} ${ev.object.metadata.name} ${ev.source}`), { fromResourceVersion: resourceVersion });
    a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    a.patch('services', 'default', 'web', 'merge', { metadata: { labels: { a: 'b' } } });
    server.system('endpointslice').delete('services', 'default', 'web');
    expect(seen).toEqual(['ADDED web user:kubernetes-admin', 'MODIFIED web user:kubernetes-admin', 'DELETED web controller:endpointslice']);

    const replay: string[] = [];
    a.watch('services', undefined, (ev) => replay.push(ev.type), { fromResourceVersion: resourceVersion });
    expect(replay).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('label-selected watches see objects leave as DELETED', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const seen: string[] = [];
    a.watch('services', 'default', (ev) => seen.push(ev.type), { labelSelector: 'app=web' });
    a.create('services', 'default', { ...svc('web', { ports: [{ port: 80 }] }), metadata: { name: 'web', labels: { app: 'web' } } });
    a.patch('services', 'default', 'web', 'merge', { metadata: { labels: { app: 'other' } } });
    expect(seen).toEqual(['ADDED', 'DELETED']);
  });
});

describe('patch', () => {
  it('strategic merge merges containers by name and service ports by port', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] }));
    const patched = a.patch('services', 'default', 'web', 'strategic', { spec: { ports: [{ port: 80, targetPort: 8080 }] } });
    expect((patched.spec as { ports: unknown[] }).ports).toEqual([
      { port: 80, name: 'http', protocol: 'TCP', targetPort: 8080 },
      { port: 443, name: 'https', protocol: 'TCP', targetPort: 443 },
    ]);
  });

  it('JSON patch failures carry the library message as a cause', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    let cause = '';
    const msg = errorOf(() => {
      try {
        a.patch('services', 'default', 'web', 'json', [{ op: 'remove', path: '/spec/nope' }]);
      } catch (e) {
        cause = (e as { details: { causes: { message: string }[] } }).details.causes[0]!.message;
        throw e;
      }
    });
    expect(msg).toBe('the server rejected our request due to an error in our request');
    expect(cause).toBe("error in remove for path: '/spec/nope': Unable to remove nonexistent key: nope: missing value");
  });

  it('changing a Deployment selector is refused (immutable, JSON value)', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('deployments.apps', 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', v: '2' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    expect(errorOf(() => a.patch('deployments.apps', 'default', 'web', 'merge', { spec: { selector: { matchLabels: { v: '2' } } } }))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable',
    );
  });
});

describe('snapshot', () => {
  it('restores objects, the resourceVersion counter and allocations', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('web', { type: 'NodePort', ports: [{ port: 80 }] }));
    const snap = JSON.parse(JSON.stringify(server.snapshot()));
    const { server: other } = newTestServer('other');
    other.restore(snap);
    expect(other.admin().get('services', 'default', 'web')).toEqual(a.get('services', 'default', 'web'));
    expect(other.store.resourceVersion).toBe(server.store.resourceVersion);
    expect(other.nodePorts.allocated()).toEqual(server.nodePorts.allocated());
    expect(errorOf(() => other.admin().watch('services', undefined, () => {}, { fromResourceVersion: 1 }))).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });
});
