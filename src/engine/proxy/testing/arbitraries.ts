/** fast-check arbitraries for kube-proxy tests: random Services of every kind with their EndpointSlices. */
import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import { service, slice } from './fixtures';

/** One Service of a random kind; `i` keeps names and addresses apart. */
export const serviceArb = (i: number) =>
  fc.record({
    type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
    ports: fc.uniqueArray(fc.constantFrom(53, 80, 443, 8080), { minLength: 1, maxLength: 2 }),
    udp: fc.boolean(),
    affinity: fc.boolean(),
    externalIP: fc.boolean(),
    local: fc.boolean(),
    endpoints: fc.uniqueArray(fc.integer({ min: 2, max: 12 }), { maxLength: 3 }),
  }).map((s) => {
    const proto = s.udp ? 'UDP' : 'TCP';
    const ports = s.ports.map((port, j) => ({ name: `p${j}`, port, targetPort: 9000 + j, protocol: proto, ...(s.type === 'ClusterIP' ? {} : { nodePort: 30000 + i * 4 + j }) }));
    const spec: Service['spec'] = { type: s.type, clusterIP: `10.96.0.${i + 1}`, ports, ...(s.externalIP ? { externalIPs: [`192.0.2.${i + 1}`] } : {}) };
    if (s.affinity) spec.sessionAffinity = 'ClientIP';
    if (s.local && s.type !== 'ClusterIP') spec.externalTrafficPolicy = 'Local';
    const status = s.type === 'LoadBalancer' ? { loadBalancer: { ingress: [{ ip: `203.0.113.${i + 1}` }] } } : undefined;
    const eps = s.endpoints.map((h) => ({ ip: `10.244.${h % 3}.${10 + i}`, node: h % 2 ? 'node01' : 'node02', ready: h !== 7 }));
    return {
      svc: service(`s${i}`, spec, status),
      slice: slice(`s${i}`, ports.map((p, j) => ({ name: `p${j}`, port: 9000 + j, protocol: proto })), eps),
    };
  });

/** 18 to 30 Services: enough for the shared chains to be indexed. */
export const clusterArb = fc.integer({ min: 18, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(i))));
