/** Plain-object builders for controller tests. */
import type { Container } from 'kubernetes-types/core/v1';
import type { NodeObj, PodObj, ServiceObj } from '../framework/objects';

export interface PodOpts {
  namespace?: string;
  labels?: Record<string, string>;
  ip?: string;
  node?: string;
  ready?: boolean;
  phase?: string;
  deleting?: boolean;
  hostname?: string;
  subdomain?: string;
  containers?: Container[];
  uid?: string;
  readySince?: string;
}

export function pod(name: string, o: PodOpts = {}): PodObj {
  const p: PodObj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-${name}`, labels: o.labels ?? { app: 'web' }, creationTimestamp: '2026-01-15T09:00:00Z' },
    spec: { containers: o.containers ?? [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
    status: { phase: o.phase ?? 'Running', conditions: [{ type: 'Ready', status: (o.ready ?? true) ? 'True' : 'False', lastTransitionTime: o.readySince ?? '2026-01-15T09:00:05Z' }] },
  };
  if (o.node !== undefined || o.ip) p.spec!.nodeName = o.node ?? 'node01';
  if (o.ip) {
    p.status!.podIP = o.ip;
    p.status!.podIPs = [{ ip: o.ip }];
  }
  if (o.hostname) p.spec!.hostname = o.hostname;
  if (o.subdomain) p.spec!.subdomain = o.subdomain;
  if (o.deleting) (p.metadata as { deletionTimestamp?: string }).deletionTimestamp = '2026-01-15T09:01:00Z';
  return p;
}

export interface ServiceOpts {
  namespace?: string;
  selector?: Record<string, string> | null;
  ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string; appProtocol?: string }[];
  clusterIP?: string;
  labels?: Record<string, string>;
  publishNotReadyAddresses?: boolean;
  type?: string;
  uid?: string;
}

export function service(name: string, o: ServiceOpts = {}): ServiceObj {
  const s: ServiceObj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-svc-${name}`, labels: o.labels ?? { app: name }, creationTimestamp: '2026-01-15T09:00:00Z' },
    spec: {
      type: o.type ?? 'ClusterIP',
      clusterIP: o.clusterIP ?? '10.96.100.10',
      clusterIPs: [o.clusterIP ?? '10.96.100.10'],
      ipFamilies: ['IPv4'],
      ports: (o.ports ?? [{ name: 'http', port: 80, targetPort: 8080 }]).map((p) => ({ protocol: 'TCP', ...p, targetPort: p.targetPort ?? p.port })),
    },
  };
  if (o.selector !== null) s.spec!.selector = o.selector ?? { app: name };
  if (o.publishNotReadyAddresses) s.spec!.publishNotReadyAddresses = true;
  return s;
}

export function node(name: string, o: { zone?: string; ready?: boolean; taints?: { key: string; effect: string; value?: string }[]; labels?: Record<string, string> } = {}): NodeObj {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(o.labels ?? {}) };
  if (o.zone) labels['topology.kubernetes.io/zone'] = o.zone;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-node-${name}`, labels },
    spec: o.taints ? { taints: o.taints } : {},
    status: { conditions: [{ type: 'Ready', status: (o.ready ?? true) ? 'True' : 'False', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
  };
}
