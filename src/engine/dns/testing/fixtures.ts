import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Namespace, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { Rng } from '../../sim/Rng';
import { CoreDnsServer } from '../server/CoreDnsServer';
import { staticClusterView } from '../server/ClusterView';
import type { ClusterView } from '../server/ClusterView';
import { UpstreamWorld } from '../server/upstreamWorld';

/** A namespace object. */
export function ns(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A Service as the API server stores it after defaulting and allocation. */
export function svc(namespace: string, name: string, spec: { clusterIP?: string; ports?: ServicePort[]; type?: string; externalName?: string }): Service {
  const ip = spec.clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: {
      type: spec.type ?? 'ClusterIP',
      ...(ip ? { clusterIP: ip, clusterIPs: [ip] } : {}),
      ...(spec.externalName ? { externalName: spec.externalName } : {}),
      ports: spec.ports ?? [],
    },
  };
}

/** An EndpointSlice for `service` with the given endpoints (ready unless said otherwise). */
export function slice(namespace: string, service: string, ports: { name?: string; port: number; protocol?: string }[], endpoints: { ip: string; hostname?: string; pod?: string; ready?: boolean }[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-abcde`, namespace, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', name: e.pod, namespace } } : {}),
    })),
  };
}

function pod(namespace: string, name: string, ip: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, status: { podIP: ip, podIPs: [{ ip }] } };
}

/** The worked-example cluster of REFERENCE.md, plus a headless `db` and an ExternalName `ext`. */
export function exampleCluster(): ClusterView {
  return staticClusterView({
    lastModified: 1768467600,
    namespaces: [ns('default'), ns('kube-system'), ns('prod')],
    services: [
      svc('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }),
      svc('kube-system', 'kube-dns', {
        clusterIP: '10.96.0.10',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      }),
      svc('default', 'web', { clusterIP: '10.96.100.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
      svc('default', 'multi', { clusterIP: '10.96.100.20', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { port: 9000, protocol: 'TCP' }] }),
      svc('default', 'db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
      svc('default', 'empty', { clusterIP: 'None', ports: [{ name: 'x', port: 1, protocol: 'TCP' }] }),
      svc('default', 'ext', { type: 'ExternalName', externalName: 'api.example.com' }),
      svc('prod', 'api', { clusterIP: '10.96.200.5', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }),
    ],
    endpointSlices: [
      slice('default', 'kubernetes', [{ name: 'https', port: 6443 }], [{ ip: '172.18.0.2' }]),
      slice('kube-system', 'kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }], [{ ip: '10.244.0.2', pod: 'coredns-674b8bbfcf-7xq2p' }, { ip: '10.244.0.3', pod: 'coredns-674b8bbfcf-m9w4z' }]),
      slice('default', 'web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.5', pod: 'web-5d78c9b8f6-2xkqz' }, { ip: '10.244.2.7', pod: 'web-5d78c9b8f6-h7v4n' }, { ip: '10.244.2.9', ready: false }]),
      slice('default', 'db', [{ name: 'pg', port: 5432 }], [{ ip: '10.244.1.8', hostname: 'db-0', pod: 'db-0' }, { ip: '10.244.2.8', hostname: 'db-1', pod: 'db-1' }]),
      slice('default', 'empty', [{ name: 'x', port: 1 }], [{ ip: '10.244.1.99', ready: false }]),
    ],
    pods: [pod('default', 'web-5d78c9b8f6-2xkqz', '10.244.1.5'), pod('default', 'web-5d78c9b8f6-h7v4n', '10.244.2.7'), pod('default', 'db-0', '10.244.1.8'), pod('default', 'db-1', '10.244.2.8')],
  });
}

/** A CoreDNS over {@link exampleCluster} with the simulated Internet upstream and a fixed clock. */
export function exampleServer(opts: { corefile?: string; now?: () => number; seed?: string; upstreamDown?: boolean } = {}): CoreDnsServer {
  const world = new UpstreamWorld();
  const rng = new Rng(opts.seed ?? 'dns-test');
  return new CoreDnsServer({
    ...(opts.corefile !== undefined ? { corefile: opts.corefile } : {}),
    cluster: exampleCluster(),
    now: opts.now ?? (() => 1768467600_000),
    random: () => rng.next(),
    upstream: (_server, q) => (opts.upstreamDown ? 'timeout' : world.resolve(q)),
    podIP: '10.244.0.2',
  });
}
