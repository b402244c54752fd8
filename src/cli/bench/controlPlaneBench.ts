/**
 * Issue 3's control-plane figures, measured in Node on the real engine: a 1,000-object apply
 * settled, 10,000 Services with 100,000 endpoints loaded (time and heap), and one EndpointSlice
 * update from a pod's readiness change to the watcher that sees the rewritten slice.
 */
import type { KubeObject } from '../../engine/api/types';
import { Simulation } from '../../engine/sim/Simulation';
import type { Benchmark, Figure } from './types';

const deployment = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
});

const service = (name: string, selector?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ...(selector ? { selector } : {}), ports: [{ name: 'http', port: 80, targetPort: 80 }] },
});

/** 250 Deployments × 3 replicas + 250 Services, created through the API and settled. */
export function applyAndSettle(): number {
  const sim = new Simulation({ seed: 'bench-apply' });
  const admin = sim.api.admin();
  const start = performance.now();
  for (let i = 0; i < 250; i++) {
    admin.create('deployments.apps', 'default', deployment(`app-${i}`, 3));
    admin.create('services', 'default', service(`app-${i}`, { app: `app-${i}` }));
  }
  sim.runUntilSettled();
  return performance.now() - start;
}

/** Heap in use, after a full collection when node runs with --expose-gc (otherwise as it stands). */
function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * 10,000 selector-less Services, each with one EndpointSlice of 10 endpoints, created through
 * the API server (not restored from a snapshot) and drained, so every controller has seen them.
 */
export function loadLarge(): { ms: number; heapMB: number } {
  const sim = new Simulation({ seed: 'bench-large' });
  const admin = sim.api.admin();
  const heapBefore = heapUsed();
  const start = performance.now();
  for (let i = 0; i < 10_000; i++) {
    admin.create('services', 'default', service(`svc-${i}`));
    const endpoints = Array.from({ length: 10 }, (_, j) => ({ addresses: [`10.${100 + Math.floor(i / 250)}.${i % 250}.${j + 1}`], conditions: { ready: true } }));
    admin.create('endpointslices.discovery.k8s.io', 'default', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: `svc-${i}-abcde`, labels: { 'kubernetes.io/service-name': `svc-${i}` } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      endpoints,
    });
  }
  sim.drain();
  const ms = performance.now() - start;
  const heapMB = Math.round((heapUsed() - heapBefore) / 1e6);
  // Touch the cluster after measuring, so the collector cannot have freed it before the reading.
  if (admin.list('services', 'default').items.length < 10_000) throw new Error('Services missing');
  return { ms, heapMB };
}

/**
 * A ready pod turns not-ready; time until a watcher sees its Service's slice rewritten. The
 * median over each of the Deployment's pods, so one collector pause does not make the figure.
 */
function sliceUpdate(): number {
  const sim = new Simulation({ seed: 'bench-slice' });
  const admin = sim.api.admin();
  admin.create('deployments.apps', 'default', deployment('web', 5));
  admin.create('services', 'default', service('web', { app: 'web' }));
  sim.runUntilSettled();
  const seen = { at: 0 };
  admin.watch('endpointslices.discovery.k8s.io', 'default', (ev) => {
    if (ev.type === 'MODIFIED') seen.at = performance.now();
  });
  type ProbedPod = KubeObject & { status: { conditions: { type: string; status: string }[] } };
  const times: number[] = [];
  for (const pod of admin.list<ProbedPod>('pods', 'default', { labelSelector: 'app=web' }).items) {
    const conditions = pod.status.conditions.map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' } : c));
    seen.at = 0;
    const start = performance.now();
    admin.updateStatus('pods', 'default', { ...pod, status: { ...pod.status, conditions } });
    sim.drain();
    if (!seen.at) throw new Error('the EndpointSlice was not rewritten');
    times.push(seen.at - start);
  }
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
}

const round = (v: number) => Math.round(v * 10) / 10;

export const controlPlaneBench: Benchmark = {
  name: 'control-plane',
  run(): Figure[] {
    // The large load last: its garbage would otherwise land in the smaller figures.
    const apply = applyAndSettle();
    const slice = sliceUpdate();
    const large = loadLarge();
    return [
      { benchmark: 'control-plane', metric: 'apply and settle 1,000 objects (250 Deployments × 3 + Services)', value: round(apply), unit: 'ms', target: { max: 1000 } },
      { benchmark: 'control-plane', metric: 'load 10,000 Services with 100,000 endpoints (through the API)', value: round(large.ms), unit: 'ms', target: { max: 1000 } },
      { benchmark: 'control-plane', metric: 'heap for 10,000 Services with 100,000 endpoints', value: large.heapMB, unit: 'MB', target: { max: 300 } },
      { benchmark: 'control-plane', metric: 'one EndpointSlice update, end to end', value: round(slice), unit: 'ms', target: { max: 5 } },
    ];
  },
};
