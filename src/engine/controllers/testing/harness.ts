/** A cluster in a test: the real ApiServer, virtual clock, seeded Rng and every controller. */
import { ApiServer } from '../../api/ApiServer';
import type { ApiClient, DeleteOptions, KubeObject } from '../../api/types';
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import { rfc3339 } from '../framework/keys';
import type { PodObj } from '../framework/objects';
import { startControllers, type ControllerConfig, type ControllerManager } from '../startControllers';

export const START = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface Harness {
  clock: VirtualClock;
  server: ApiServer;
  admin: ApiClient;
  mgr: ControllerManager;
  settle(): void;
  advance(ms: number): void;
  /** What kubelets would do: bind unscheduled pods to node01, give pods an IP, make them Ready. */
  runPods(filter?: (p: PodObj) => boolean): void;
  /** `kubectl delete --cascade=...`, as the API server's registry should handle it (see deleteWithPropagation). */
  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): void;
  all<T extends KubeObject>(resource: string): T[];
}

export function harness(config: ControllerConfig = {}, seed = 'test'): Harness {
  const clock = new VirtualClock(START);
  const rng = new Rng(seed);
  const server = new ApiServer({ clock, rng, serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
  const admin = server.admin();
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const kubelet = server.system('kubelet');
  const mgr = startControllers({ api: server, clock, rng, config });
  let nextIp = 2;
  // Kubelets confirm graceful pod deletions (grace 0); without one, terminating pods would stay.
  kubelet.watch('pods', undefined, (ev) => {
    if (ev.type === 'MODIFIED' && ev.object.metadata.deletionTimestamp && !ev.oldObject?.metadata.deletionTimestamp) {
      clock.schedule(0, 'test kubelet: finish pod deletion', () => {
        try {
          kubelet.delete('pods', ev.object.metadata.namespace, ev.object.metadata.name ?? '', { gracePeriodSeconds: 0 });
        } catch {
          // already gone
        }
      });
    }
  });
  const h: Harness = {
    clock,
    server,
    admin,
    mgr,
    settle: () => {
      mgr.processPending();
      clock.advance(0, () => mgr.processPending());
    },
    advance: (ms) => {
      mgr.processPending();
      clock.advance(ms, () => mgr.processPending());
    },
    runPods(filter = () => true) {
      for (const p of admin.list<PodObj>('pods', undefined).items) {
        if (p.metadata.deletionTimestamp || p.status?.podIP || !filter(p)) continue;
        if (!p.spec?.nodeName) {
          kubelet.patch('pods', p.metadata.namespace, p.metadata.name ?? '', 'merge', { spec: { nodeName: 'node01' } });
        }
        const cur = admin.get<PodObj>('pods', p.metadata.namespace, p.metadata.name ?? '');
        const ip = `10.244.1.${nextIp++}`;
        const now = rfc3339(clock.now());
        kubelet.updateStatus('pods', p.metadata.namespace, {
          ...cur,
          status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] },
        });
      }
      h.settle();
    },
    delete(resource, namespace, name, opts = {}) {
      deleteWithPropagation(admin, resource, namespace, name, opts);
      h.settle();
    },
    all: <T extends KubeObject>(resource: string) => admin.list<T>(resource, undefined).items,
  };
  h.settle();
  return h;
}

/**
 * The registry's BeforeDelete for propagation policies: Orphan adds the `orphan` finalizer,
 * Foreground the `foregroundDeletion` finalizer, then the object is marked deleted and the
 * garbage collector takes over. Our ApiServer does not do this step yet, so tests do it here.
 */
export function deleteWithPropagation(client: ApiClient, resource: string, namespace: string | undefined, name: string, opts: DeleteOptions): void {
  const finalizer = opts.propagationPolicy === 'Orphan' ? 'orphan' : opts.propagationPolicy === 'Foreground' ? 'foregroundDeletion' : undefined;
  if (finalizer) {
    const cur = client.get<KubeObject>(resource, namespace, name);
    if (!(cur.metadata.finalizers ?? []).includes(finalizer)) {
      client.update(resource, namespace, { ...cur, metadata: { ...cur.metadata, finalizers: [...(cur.metadata.finalizers ?? []), finalizer] } });
    }
  }
  client.delete(resource, namespace, name, opts);
}
