/**
 * Test helpers: an ApiServer on a fixed virtual clock and seed, with the namespaces a kubeadm
 * cluster starts with.
 */
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import { ApiServer } from '../ApiServer';
import type { KubeObject } from '../types';

export const START = Date.UTC(2026, 0, 15, 9, 0, 0);

export function newTestServer(seed = 'test'): { server: ApiServer; clock: VirtualClock } {
  const clock = new VirtualClock(START);
  const server = new ApiServer({ clock, rng: new Rng(seed), serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
  const admin = server.system('bootstrap');
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return { server, clock };
}

export function svc(name: string, spec: Record<string, unknown>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

/** What the thrown error's message is (or '' when nothing was thrown). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
