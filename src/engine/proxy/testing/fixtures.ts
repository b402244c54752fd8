/** Worked-example objects from REFERENCE.md (web Service, kube-dns, kubernetes) for tests. */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export interface EndpointSpec {
  ip: string;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function service(name: string, spec: Service['spec'], status?: Service['status'], namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec, ...(status ? { status } : {}) };
}

export function slice(service: string, ports: { name?: string; port: number; protocol?: string }[], endpoints: EndpointSpec[], namespace = 'default', name = `${service}-abcde`): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      nodeName: e.node,
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
    })),
  };
}

export const webService = (extra: Partial<NonNullable<Service['spec']>> = {}, status?: Service['status']) =>
  service('web', { type: 'ClusterIP', clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...extra }, status);

export const webSlice = (endpoints: EndpointSpec[] = [{ ip: '10.244.1.5', node: 'node01' }, { ip: '10.244.2.7', node: 'node02' }]) =>
  slice('web', [{ name: 'http', port: 8080 }], endpoints);

export const node01 = { name: 'node01', ips: ['172.18.0.3'] };
export const baseConfig = { clusterCIDR: '10.244.0.0/16' };
