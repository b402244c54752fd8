/**
 * A running default cluster with a `web` Deployment (nginx, 2 replicas) behind Services of each
 * type, for the packet engine's tests. Objects go through the API server as the admin, and the
 * cluster is settled, so pods have IPs, EndpointSlices and kube-proxy rules as on a real node.
 */
import type { KubeObject } from '../../api/types';
import type { PodObject } from '../../sim/kinds';
import { Simulation } from '../../sim/Simulation';
import { networkOf } from '../Network';
import type { Network } from '../Network';

export interface LabCluster {
  sim: Simulation;
  net: Network;
  pods(selector: string, namespace?: string): PodObject[];
  apply(obj: KubeObject): void;
}

const deployment = (name: string, image: string, replicas: number, labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default', labels },
  spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image, ...extra }] } } },
});

export function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

/** The cluster with `web` (nginx ×2), a `client` busybox pod, and the given Services. */
export function labCluster(services: KubeObject[] = [], opts: { seed?: string; webReplicas?: number; ipvs?: boolean } = {}): LabCluster {
  const sim = new Simulation({ seed: opts.seed ?? 'network-tests' });
  const admin = sim.api.admin();
  const apply = (obj: KubeObject) => {
    const resource = obj.kind === 'Deployment' ? 'deployments.apps' : obj.kind === 'Service' ? 'services' : obj.kind === 'Pod' ? 'pods' : `${obj.kind.toLowerCase()}s`;
    admin.create(resource, obj.metadata.namespace ?? 'default', obj);
  };
  if (opts.ipvs) {
    const cm = admin.get('configmaps', 'kube-system', 'kube-proxy') as KubeObject & { data: Record<string, string> };
    cm.data['config.conf'] = cm.data['config.conf']!.replace('mode: ""', 'mode: ipvs');
    admin.update('configmaps', 'kube-system', cm);
  }
  apply(deployment('web', 'nginx', opts.webReplicas ?? 2, { app: 'web' }, { ports: [{ containerPort: 80 }] }));
  apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default', labels: { run: 'client' } }, spec: { nodeName: 'node01', containers: [{ name: 'client', image: 'busybox', command: ['sleep', '3600'] }] } });
  for (const s of services) apply(s);
  sim.runUntilSettled();
  // Servers need a moment after start before they listen (apps' listenAfterMs).
  sim.advance(5000);
  const net = networkOf(sim);
  const pods = (selector: string, namespace = 'default') =>
    admin.list<PodObject>('pods', namespace, { labelSelector: selector }).items.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  return { sim, net, pods, apply };
}
