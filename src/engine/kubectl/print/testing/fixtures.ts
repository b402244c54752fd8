/**
 * The REFERENCE.md worked-example cluster as plain objects, for golden tests of the printers.
 * `NOW` is the moment every sample was "captured"; ages are expressed relative to it.
 */
import type { KubeObject } from '../../../api/types';

export const NOW = Date.UTC(2026, 0, 20, 12, 0, 0);

/** An RFC 3339 timestamp `seconds` before {@link NOW}. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const DAY = 86400;

export function service(name: string, spec: Record<string, unknown>, ageSeconds: number, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', creationTimestamp: ago(ageSeconds), ...(extra.metadata ?? {}) },
    spec: { sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ...spec },
    status: { loadBalancer: {} },
  };
}

export const kubernetesSvc = service(
  'kubernetes',
  { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  5 * DAY,
  { metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } } },
);

export const webSvc = service(
  'web',
  {
    type: 'ClusterIP',
    clusterIP: '10.96.100.10',
    clusterIPs: ['10.96.100.10'],
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
  },
  12,
  { metadata: { name: 'web', labels: { app: 'web' } } },
);

export function pod(name: string, ip: string, node: string, ageSeconds: number, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(ageSeconds), labels: { app: 'web', 'pod-template-hash': '5d78c9b8f6' } },
    spec: { nodeName: node, containers: [{ name: 'nginx', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: { startedAt: ago(ageSeconds - 5) } } }],
      ...status,
    },
  };
}

export const webPods = [pod('web-5d78c9b8f6-2xkqz', '10.244.1.5', 'worker1', 30), pod('web-5d78c9b8f6-h7v4n', '10.244.2.7', 'worker2', 30)];

export const webEndpoints: KubeObject = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(12), labels: { app: 'web' } },
  subsets: [
    {
      addresses: [
        { ip: '10.244.1.5', nodeName: 'worker1', targetRef: { kind: 'Pod', name: 'web-5d78c9b8f6-2xkqz', namespace: 'default' } },
        { ip: '10.244.2.7', nodeName: 'worker2', targetRef: { kind: 'Pod', name: 'web-5d78c9b8f6-h7v4n', namespace: 'default' } },
      ],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ],
};

export const webSlice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: 'web-7xk2p',
    namespace: 'default',
    creationTimestamp: ago(12),
    generateName: 'web-',
    labels: { app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' },
  },
  addressType: 'IPv4',
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker1', targetRef: { kind: 'Pod', name: 'web-5d78c9b8f6-2xkqz', namespace: 'default' } },
    { addresses: ['10.244.2.7'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'worker2', targetRef: { kind: 'Pod', name: 'web-5d78c9b8f6-h7v4n', namespace: 'default' } },
  ],
};

export const kubernetesSlice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: ago(5 * DAY), labels: { 'kubernetes.io/service-name': 'kubernetes' } },
  addressType: 'IPv4',
  ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
};

export const webDeployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(30), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } },
  },
  status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
};

export function namespace(name: string, ageSeconds: number, phase = 'Active'): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: ago(ageSeconds), labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase } };
}
