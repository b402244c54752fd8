import type { Deployment } from 'kubernetes-types/apps/v1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { buildExposedService, portsFor, protocolsFor } from './exposeService';
import { rfc3339NanoFixed } from './logTimestamps';
import { equalIgnoreHash } from './rollout/deploymentHistory';
import { deploymentStatus } from './rollout/rolloutStatus';

const deploymentWithPorts = (ports: { containerPort: number; protocol: string }[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', labels: { app: 'd' } },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { spec: { containers: [{ name: 'c', image: 'x', ports }] } } },
});

describe('invariants', () => {
  it('expose: one service port per distinct container port; unnamed alone, port-N together; targetPort = port; protocol kept', () => {
    const portArb = fc.uniqueArray(fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }), { selector: (p) => p.containerPort, minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(portArb, (ports) => {
        const d = deploymentWithPorts(ports);
        const found = portsFor(d);
        const svc = buildExposedService({ name: 'd', selector: 'app=d', labels: '', port: found.length === 1 ? found[0]! : '', ports: found.length > 1 ? found.join(',') : '', protocol: '', protocols: protocolsFor(d), targetPort: '', externalIP: '', type: '', loadBalancerIP: '', sessionAffinity: '', clusterIP: '' });
        const out = (svc.spec as { ports: { name?: string; port: number; targetPort: number; protocol: string }[] }).ports;
        expect(out.map((p) => p.port)).toEqual(ports.map((p) => p.containerPort));
        out.forEach((p, i) => {
          expect(p.targetPort).toBe(p.port);
          expect(p.protocol).toBe(ports[i]!.protocol);
          expect(p.name).toBe(ports.length === 1 ? undefined : `port-${i + 1}`);
        });
      }),
    );
  });

  it('--timestamps: RFC3339NanoFixed has nine fraction digits, the millisecond first, then the nanoseconds past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: 999_999 }), (ms, ns) => {
        const s = rfc3339NanoFixed(ms, ns);
        expect(s).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
        expect(Date.parse(s)).toBe(ms);
        expect(Number(s.slice(23, 29))).toBe(ns);
      }),
    );
  });

  it('rollback: templates that differ only in pod-template-hash are equal, any other label difference is not', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^[a-z0-9]{0,5}$/)), fc.string(), fc.string(), (labels, h1, h2) => {
        const t = (extra: Record<string, string>) => ({ metadata: { labels: { ...labels, ...extra } }, spec: { containers: [{ name: 'c', image: 'i' }] } });
        expect(equalIgnoreHash(t({ 'pod-template-hash': h1 }), t({ 'pod-template-hash': h2 }))).toBe(true);
        expect(equalIgnoreHash(t({ 'x-extra-label': 'a' }), t({}))).toBe(false);
      }),
    );
  });

  it('rollout status: done exactly when observed, fully updated, no old replicas and all available', () => {
    const n = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(n, n, n, n, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), (want, updated, total, available, gen, observed) => {
        const d = { metadata: { name: 'd', generation: gen }, spec: { replicas: want }, status: { observedGeneration: observed, updatedReplicas: updated, replicas: total, availableReplicas: available } } as unknown as Deployment;
        const r = deploymentStatus(d);
        const done = observed >= gen && updated >= want && total <= updated && available >= updated;
        expect('done' in r && r.done).toBe(done);
      }),
    );
  });
});
