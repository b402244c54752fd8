import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './RequestLog';
import { errorOf, newTestServer, svc } from './testing/newTestServer';

describe('discovery', () => {
  const { server } = newTestServer();
  it.each([
    ['svc', 'services', ''],
    ['services', 'services', ''],
    ['service', 'services', ''],
    ['Service', 'services', ''],
    ['deploy', 'deployments', 'apps'],
    ['deployments.apps', 'deployments', 'apps'],
    ['deployments.v1.apps', 'deployments', 'apps'],
    ['endpointslices.discovery.k8s.io', 'endpointslices', 'discovery.k8s.io'],
    ['ep', 'endpoints', ''],
    ['po', 'pods', ''],
    ['ns', 'namespaces', ''],
    ['no', 'nodes', ''],
    ['cm', 'configmaps', ''],
    ['sa', 'serviceaccounts', ''],
    ['ev', 'events', ''],
    ['rs', 'replicasets', 'apps'],
    ['ds', 'daemonsets', 'apps'],
    ['clusterrolebindings', 'clusterrolebindings', 'rbac.authorization.k8s.io'],
  ])('%s → %s', (arg, resource, group) => {
    const info = server.resolveResource(arg);
    expect([info.resource, info.group]).toEqual([resource, group]);
  });

  it('unknown names and kinds give the real errors', () => {
    expect(errorOf(() => server.resolveResource('foos'))).toBe('the server doesn\'t have a resource type "foos"');
    expect(errorOf(() => server.resourceFor('apps/v1', 'Deploymnet'))).toBe('no matches for kind "Deploymnet" in version "apps/v1"');
    expect(server.resourceFor('discovery.k8s.io/v1', 'EndpointSlice').resource).toBe('endpointslices');
  });

  it('lists namespaced flags and verbs like kubectl api-resources', () => {
    const ns = server.resources().find((r) => r.resource === 'namespaces')!;
    expect(ns).toMatchObject({ namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] });
    expect(server.resources().filter((r) => r.categories?.includes('all')).map((r) => r.resource)).toEqual(['pods', 'services', 'daemonsets', 'deployments', 'replicasets']);
  });
});

describe('request log', () => {
  it('records every stage of a create, and where a request stopped', () => {
    const { server } = newTestServer();
    const log: RequestRecord[] = [];
    server.onRequest((r) => log.push(r));
    server.admin().create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    expect(log[0]).toMatchObject({ verb: 'create', resource: 'services', namespace: 'default', name: 'web', user: { name: 'kubernetes-admin' }, status: 200 });
    expect(log[0]!.stages.map((s) => `${s.stage}:${s.ok}`)).toEqual(['authentication:true', 'authorization:true', 'admission:true', 'validation:true', 'storage:true', 'watch:true']);

    errorOf(() => server.client({ name: 'jane', groups: [] }).list('services', 'default'));
    expect(log[1]!.status).toBe(403);
    expect(log[1]!.stages.map((s) => `${s.stage}:${s.ok}`)).toEqual(['authentication:true', 'authorization:false']);

    errorOf(() => server.admin().create('services', 'default', svc('Bad', { ports: [{ port: 80 }] })));
    expect(log[2]!.status).toBe(422);
    expect(log[2]!.stages.at(-1)).toMatchObject({ stage: 'validation', ok: false });
  });

  it('selector errors are BadRequest with the parser text', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().list('services', 'default', { fieldSelector: 'spec.nodeName=x' }))).toBe('field label not supported: spec.nodeName');
    expect(errorOf(() => server.admin().list('pods', 'default', { labelSelector: 'app in' }))).toBe("unable to parse requirement: found '' expected: '('");
  });
});
