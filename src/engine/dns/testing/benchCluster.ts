import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { staticClusterView } from '../server/ClusterView';
import type { ClusterView } from '../server/ClusterView';
import { ns, slice, svc } from './fixtures';

/**
 * A synthetic cluster of `count` ClusterIP Services spread over 50 namespaces, each with one
 * ready endpoint, for measuring lookup throughput (`svc<i>` lives in namespace `ns<i % 50>`).
 */
export function benchCluster(count: number): ClusterView {
  const services: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let i = 0; i < count; i++) {
    const namespace = `ns${i % 50}`;
    services.push(svc(namespace, `svc${i}`, { clusterIP: `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    slices.push(slice(namespace, `svc${i}`, [{ name: 'http', port: 8080 }], [{ ip: `10.244.${(i >> 8) & 255}.${i & 255}` }]));
  }
  return staticClusterView({ namespaces: Array.from({ length: 50 }, (_, i) => ns(`ns${i}`)), services, endpointSlices: slices });
}
