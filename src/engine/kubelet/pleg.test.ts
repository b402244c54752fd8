import fc from 'fast-check';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { createLearnerSession } from '../cluster/learnerSession';
import type { PodObject } from '../sim/kinds';
import { Simulation } from '../sim/Simulation';
import { nextRelistAt } from './pleg';
import { kubeletHarness } from './testing/harness';

const ready = (p: PodObject) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

describe('kubelet PLEG: starts and exits reach the API after a relist', () => {
  it.each(['pleg-a', 'pleg-b', 'pleg-c', 'pleg-d'])('rollout status, then curl the pod and the Service through kubectl proxy (seed %s)', (seed) => {
    const sim = new Simulation({ seed });
    const s = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
    expect(s.execute('kubectl create deployment nginx --image=nginx').output).toBe('deployment.apps/nginx created\n');
    expect(s.execute('kubectl rollout status deploy/nginx').output).toMatch(/deployment "nginx" successfully rolled out\n$/);
    const pod = sim.api.admin().list<PodObject>('pods', 'default', { labelSelector: 'app=nginx' }).items[0]!;
    // The commands run back to back at one virtual instant, as when piped into `kubelab shell`.
    const at = sim.clock.now();
    expect(s.execute(`curl -I ${pod.status!.podIP}`).output).toMatch(/^HTTP\/1\.1 200 OK\r?\nServer: nginx\/1\.29\.1\r?\n/);
    expect(s.execute('kubectl expose deploy nginx --port 80').output).toBe('service/nginx exposed\n');
    s.execute('kubectl proxy &');
    const page = s.execute('curl -s localhost:8001/api/v1/namespaces/default/services/nginx/proxy/').output;
    expect(page).toContain('<title>Welcome to nginx!</title>');
    expect(sim.clock.now()).toBe(at);
  });

  it('posts Ready (no readiness probe) and exits at the pod sync after the next relist, never sooner', () => {
    for (const seed of ['r1', 'r2', 'r3']) {
      const h = kubeletHarness(seed);
      const readyAt = new Map<string, number>();
      const exitAt = new Map<string, number>();
      h.admin.watch('pods', 'default', (ev) => {
        const p = ev.object as PodObject;
        if (ready(p) && !readyAt.has(p.metadata.name!)) readyAt.set(p.metadata.name!, h.clock.now());
        if (p.status?.containerStatuses?.[0]?.state?.terminated && !exitAt.has(p.metadata.name!)) exitAt.set(p.metadata.name!, h.clock.now());
      });
      const images = ['nginx', 'redis', 'registry:2', 'gcr.io/kuar-demo/kuard-amd64:blue'];
      images.forEach((image, i) => h.pod(`app${i}`, [{ image }]));
      h.pod('job', [{ image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 3'] }], { restartPolicy: 'Never' });
      h.advance(60_000);
      for (const name of [...images.map((_, i) => `app${i}`), 'job']) {
        const k = h.kubeletOf(name);
        const phase = k.save().pleg!.phaseMs;
        const c = k.container('default', name)!.container;
        if (name === 'job') {
          const relist = nextRelistAt(c.finishedAt!, phase);
          expect(exitAt.get(name)! - relist, `${seed} ${name}`).toBeGreaterThanOrEqual(50);
          expect(exitAt.get(name)! - relist, `${seed} ${name}`).toBeLessThan(150);
          continue;
        }
        const relist = nextRelistAt(c.startedAt!, phase);
        expect(readyAt.get(name)! - relist, `${seed} ${name}`).toBeGreaterThanOrEqual(50);
        expect(readyAt.get(name)! - relist, `${seed} ${name}`).toBeLessThan(150);
      }
      expect(h.get('job').status!.phase).toBe('Failed');
    }
  });

  it('keeps events at the runtime call: Started is recorded when the container starts, before the API shows it running', () => {
    const h = kubeletHarness('events');
    let startedSeen = -1;
    let runningSeen = -1;
    h.admin.watch('events', 'default', (ev) => {
      if ((ev.object as KubeObject)['reason'] === 'Started' && startedSeen < 0) startedSeen = h.clock.now();
    });
    h.admin.watch('pods', 'default', (ev) => {
      if ((ev.object as PodObject).status?.containerStatuses?.[0]?.state?.running && runningSeen < 0) runningSeen = h.clock.now();
    });
    h.pod('web', [{ image: 'nginx' }]);
    h.advance(10_000);
    expect(startedSeen).toBe(h.kubeletOf('web').container('default', 'web')!.container.startedAt);
    expect(runningSeen).toBeGreaterThan(startedSeen + 50);
  });

  it('runs a readiness probe first at the sync that reports the container running, not at its start', () => {
    const h = kubeletHarness('probe');
    h.pod('web', [{ image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }]);
    h.pod('late', [{ image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }]);
    const readyAt = new Map<string, number>();
    h.admin.watch('pods', 'default', (ev) => {
      const p = ev.object as PodObject;
      if (ready(p) && !readyAt.has(p.metadata.name!)) readyAt.set(p.metadata.name!, h.clock.now());
    });
    h.advance(30_000);
    const timing = (name: string) => {
      const k = h.kubeletOf(name);
      const startedAt = k.container('default', name)!.container.startedAt!;
      const relist = nextRelistAt(startedAt, k.save().pleg!.phaseMs);
      const probes = k.logs('default', name)!.filter((l) => l.line.includes('kube-probe/1.34')).map((l) => l.at);
      return { startedAt, relist, firstProbe: probes[0]!, ready: readyAt.get(name)! };
    };
    // The prober saw nginx listening (50 ms after its start): no failure, Ready at that sync.
    const web = timing('web');
    expect(web.firstProbe - web.relist).toBeGreaterThanOrEqual(50);
    expect(web.firstProbe - web.relist).toBeLessThan(150);
    expect(web.ready).toBe(web.firstProbe);
    // With an initial delay, the sync's trigger finds it still running: the worker's own tick probes.
    const late = timing('late');
    expect(late.firstProbe - late.startedAt).toBe(5000);
    expect(late.ready).toBe(late.firstProbe);
    expect([...h.events('web'), ...h.events('late')].filter((e) => e.includes('Unhealthy'))).toEqual([]);
  });

  it('runs the readiness probe as soon as the startup probe succeeds (the sync that result triggers)', () => {
    const h = kubeletHarness('startup');
    h.pod('r', [{ name: 'redis', image: 'redis', startupProbe: { tcpSocket: { port: 6379 }, periodSeconds: 1 }, readinessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 30 } }]);
    const at: Record<string, number> = {};
    h.admin.watch('pods', 'default', (ev) => {
      const s = (ev.object as PodObject).status?.containerStatuses?.[0];
      if (s?.started && at['started'] === undefined) at['started'] = h.clock.now();
      if (s?.ready && at['ready'] === undefined) at['ready'] = h.clock.now();
    });
    h.advance(20_000);
    // Not one readiness period (30s) after the start: at the instant the container counts as started.
    expect(at['started']).toBeDefined();
    expect(at['ready']).toBe(at['started']);
  });

  it('carries a start no relist has seen through a snapshot: the restored cluster reports it as the original does', () => {
    const run = (restoreMidway: boolean) => {
      const sim = new Simulation({ seed: 'pleg-snap' });
      const admin = sim.api.admin();
      admin.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
      // Step until the container has started but the API does not show it running yet.
      for (let i = 0; i < 10_000; i++) {
        const rt = sim.kubelets.flatMap((k) => k.runningPods()).find((p) => p.name === 'web');
        if (rt?.containers[0]!.state === 'running') break;
        sim.advance(10);
      }
      expect(admin.get<PodObject>('pods', 'default', 'web').status!.containerStatuses![0]!.state!.waiting).toBeDefined();
      if (restoreMidway) sim.restore(JSON.parse(JSON.stringify(sim.snapshot())));
      sim.advance(2000);
      // A restore builds a new API server: ask the current one.
      return sim.api.admin().get<PodObject>('pods', 'default', 'web').status;
    };
    const straight = run(false);
    expect(straight!.containerStatuses![0]!.ready).toBe(true);
    expect(run(true)).toEqual(straight);
  });

  it('never publishes a Service endpoint before its pod can accept, for apps that listen within the sync delay (property)', () => {
    // nginx listens 50 ms after its start, redis 20 ms; the pod sync after a relist takes 50 ms or more.
    const apps = [
      { image: 'nginx', port: 80 },
      { image: 'redis', port: 6379 },
    ];
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom(...apps), fc.integer({ min: 1, max: 4 }), (seed, app, replicas) => {
        const sim = new Simulation({ seed: `endpoints/${seed}` });
        const admin = sim.api.admin();
        const published: string[] = [];
        admin.watch('endpointslices.discovery.k8s.io', 'default', (ev) => {
          for (const e of (ev.object as unknown as EndpointSlice).endpoints ?? []) {
            if (!e.conditions?.ready) continue;
            const accepted = sim.kubelet(e.nodeName!)?.accepts(e.addresses[0]!, app.port) ?? 'refused';
            published.push(`${e.addresses[0]} ${accepted === 'refused' ? 'refused' : 'accepts'}`);
          }
        });
        const labels = { app: 'web' };
        admin.create('deployments.apps', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: app.image }] } } } });
        admin.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: labels, ports: [{ port: app.port }] } });
        sim.runUntilSettled();
        sim.advance(5000);
        expect(published.length).toBeGreaterThanOrEqual(replicas);
        expect(published.filter((p) => p.endsWith('refused'))).toEqual([]);
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
