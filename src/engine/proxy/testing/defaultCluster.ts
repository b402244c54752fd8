/** The default kubelab cluster's Services as node01's kube-proxy sees them (DESIGN.md). */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { service, slice, webSlice } from './fixtures';

export function defaultClusterServices(): { services: Service[]; slices: EndpointSlice[] } {
  const kubernetes = service('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] });
  const kubeDns = service('kube-dns', {
    type: 'ClusterIP',
    clusterIP: '10.96.0.10',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
    ],
  }, undefined, 'kube-system');
  const web = service('web', { type: 'NodePort', clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
  const coredns = [{ ip: '10.244.0.2', node: 'controlplane' }, { ip: '10.244.0.3', node: 'controlplane' }];
  return {
    services: [kubernetes, kubeDns, web],
    slices: [
      { ...slice('kubernetes', [{ name: 'https', port: 6443 }], [{ ip: '172.18.0.2', node: 'controlplane' }], 'default', 'kubernetes') },
      slice('kube-dns', [{ name: 'metrics', port: 9153 }, { name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }], coredns, 'kube-system', 'kube-dns-x7k2p'),
      webSlice(),
    ],
  };
}
