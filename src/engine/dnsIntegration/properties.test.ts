import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { PodObject } from '../sim/kinds';
import { Simulation } from '../sim/Simulation';
import { clusterDns, resolveFromPod } from './resolveFromPod';
import { runPod } from './testing';

describe('CoreDNS follows the coredns Deployment (property)', () => {
  it('after any sequence of scalings, lookups work iff a CoreDNS pod runs, and only running pods answer', () => {
    const sim = new Simulation({ seed: 'prop' });
    clusterDns(sim);
    const place = runPod(sim, 'default', 'client', { image: 'gcr.io/kubernetes-e2e-test-images/dnsutils:1.3' });
    const a = sim.api.admin();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), (counts) => {
        for (const replicas of counts) {
          const d = a.get<KubeObject & { spec: { replicas: number } }>('deployments.apps', 'kube-system', 'coredns');
          a.update('deployments.apps', 'kube-system', { ...d, spec: { ...d.spec, replicas } });
          sim.runUntilSettled(120_000);
          // Readiness is probed every 10 s: give new pods time to become endpoints.
          sim.advance(15_000);
        }
        const want = counts.at(-1)!;
        const running = a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items.filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
        const servers = clusterDns(sim).instances();
        expect(servers.map((s) => s.pod).sort()).toEqual(running.map((p) => p.metadata.name).sort());
        expect(servers).toHaveLength(want);
        const r = resolveFromPod(sim, place, 'kubernetes.default.svc.cluster.local');
        sim.advance(r.elapsedMs);
        if (want === 0) expect(r.status).toBe('refused');
        else {
          expect(r.addresses).toEqual(['10.96.0.1']);
          for (const hop of r.hops) expect(servers.map((s) => `kube-system/${s.pod}`)).toContain(hop.endpoint!.pod);
        }
      }),
      { numRuns: 6, seed: 42 },
    );
  });
});
