/** A cluster in a test: fake API server, virtual clock, seeded Rng and every controller. */
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import type { KubeObject } from '../../api/types';
import { startControllers, type ControllerConfig, type ControllerManager } from '../startControllers';
import { FakeApiServer } from './FakeApiClient';
import type { PodObj } from '../framework/objects';
import { rfc3339 } from '../framework/keys';

export const START = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface Harness {
  clock: VirtualClock;
  server: FakeApiServer;
  admin: ReturnType<FakeApiServer['client']>;
  mgr: ControllerManager;
  settle(): void;
  advance(ms: number): void;
  /** What the kubelet would do: give every scheduled-or-not pod an IP and make it Ready. */
  runPods(filter?: (p: PodObj) => boolean): void;
  all<T extends KubeObject>(resource: string): T[];
}

export function harness(config: ControllerConfig = {}, seed = 'test'): Harness {
  const clock = new VirtualClock(START);
  const rng = new Rng(seed);
  const server = new FakeApiServer(clock, rng);
  const admin = server.client();
  const mgr = startControllers({ api: server, clock, rng, config });
  let nextIp = 2;
  const h: Harness = {
    clock,
    server,
    admin,
    mgr,
    settle: () => void mgr.processPending(),
    advance: (ms) => clock.advance(ms, () => mgr.processPending()),
    runPods(filter = () => true) {
      for (const p of server.all<PodObj>('pods')) {
        if (p.metadata.deletionTimestamp || p.status?.podIP || !filter(p)) continue;
        const ip = `10.244.1.${nextIp++}`;
        const now = rfc3339(clock.now());
        const placed = p.spec?.nodeName ? p : admin.update<PodObj>('pods', p.metadata.namespace, { ...p, spec: { ...p.spec!, nodeName: 'node01' } });
        admin.updateStatus('pods', p.metadata.namespace, {
          ...placed,
          status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] },
        });
      }
      mgr.processPending();
    },
    all: (resource) => server.all(resource),
  };
  h.settle();
  return h;
}
