import { describe, expect, it } from 'vitest';
import type { ApiClient, KubeObject, WatchEvent } from '../../api/types';
import { ns, slice, svc } from '../testing/fixtures';
import { ApiClusterView } from './apiClusterView';
import { CoreDnsServer } from './CoreDnsServer';

/** Just enough of an API server for the view: list and watch over in-memory arrays. */
function fakeApi() {
  const data: Record<string, KubeObject[]> = { namespaces: [], services: [], 'endpointslices.discovery.k8s.io': [], pods: [] };
  const handlers: Record<string, ((e: WatchEvent) => void)[]> = {};
  let rv = 0;
  let lists = 0;
  const api = {
    user: { name: 'system:serviceaccount:kube-system:coredns', groups: [] },
    list: (r: string) => {
      lists++;
      return { items: data[r] ?? [], resourceVersion: rv };
    },
    watch: (r: string, _ns: string | undefined, h: (e: WatchEvent) => void) => {
      (handlers[r] ??= []).push(h);
      return () => undefined;
    },
  } as unknown as ApiClient;
  const add = (r: string, obj: KubeObject) => {
    data[r]!.push(obj);
    rv++;
    for (const h of handlers[r] ?? []) h({ type: 'ADDED', object: obj, resourceVersion: rv, source: 'user:admin' });
  };
  return { api, add, listCalls: () => lists };
}

describe('ApiClusterView', () => {
  it('follows API changes: a Service created after CoreDNS started resolves, lists are re-read only after a change', () => {
    const { api, add, listCalls } = fakeApi();
    let now = 1_768_467_600_000;
    add('namespaces', ns('default') as unknown as KubeObject);
    const view = new ApiClusterView(api, () => now);
    const server = new CoreDnsServer({ cluster: view, now: () => now, random: () => 0.5, upstream: () => 'timeout' });
    expect(server.ask('web.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    const calls = listCalls();
    server.ask('web.default.svc.cluster.local.', 'A');
    expect(listCalls()).toBe(calls);
    now += 60_000;
    add('services', svc('default', 'web', { clusterIP: '10.96.100.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }) as unknown as KubeObject);
    add('endpointslices.discovery.k8s.io', slice('default', 'web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.5' }]) as unknown as KubeObject);
    expect(server.ask('web.default.svc.cluster.local.', 'A').answer[0]).toMatchObject({ address: '10.96.100.10' });
    const soa = server.ask('nope.default.svc.cluster.local.', 'A').authority[0];
    expect(soa?.type === 'SOA' && soa.serial).toBe(1_768_467_660);
  });
});
