import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/Rng';
import type { ProxyConfig } from '../config';
import { baseConfig, node01, service, slice, webService, webSlice } from '../testing/fixtures';
import type { EndpointSpec } from '../testing/fixtures';
import { evaluateNat } from './evaluate';
import type { NetfilterState } from './evaluate';
import { generateRules } from './generateRules';
import { traceConnection } from './packetFlow';

const NODE_IP = '172.18.0.3';
const POD = '10.244.1.20';
const OUTSIDE = '192.0.2.50';
const state = (nowMs = 0): NetfilterState => ({ nowMs, localAddresses: [NODE_IP], recent: {} });
const rules = (services: Service[], slices: EndpointSlice[], config: ProxyConfig = baseConfig) =>
  generateRules({ node: node01, services, endpointSlices: slices, config });

const web = (extra: Partial<NonNullable<Service['spec']>> = {}, status?: Service['status']) =>
  webService({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }], ...extra }, status);
const BOTH = ['10.244.1.5:8080', '10.244.2.7:8080'];
const LOCAL = ['10.244.1.5:8080'];

interface FlowCase {
  name: string;
  services: Service[];
  slices: EndpointSlice[];
  src: string;
  dst: string;
  port: number;
  local?: boolean;
  expect: { endpoint: string[] } | 'REJECT' | 'DROP' | 'unchanged';
  masquerade: boolean;
}

const noEndpoints = webSlice([{ ip: '10.244.1.5', node: 'node01', ready: false }]);
const remoteOnly = webSlice([{ ip: '10.244.2.7', node: 'node02' }]);
const lb = (extra: Partial<NonNullable<Service['spec']>> = {}) => web({ type: 'LoadBalancer', ...extra }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } });

const cases: FlowCase[] = [
  { name: 'pod → ClusterIP', services: [web()], slices: [webSlice()], src: POD, dst: '10.96.100.10', port: 80, expect: { endpoint: BOTH }, masquerade: false },
  { name: 'node process → ClusterIP', services: [web()], slices: [webSlice()], src: NODE_IP, dst: '10.96.100.10', port: 80, local: true, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'outside → ClusterIP (routed to the node)', services: [web()], slices: [webSlice()], src: OUTSIDE, dst: '10.96.100.10', port: 80, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'pod → ClusterIP wrong port', services: [web()], slices: [webSlice()], src: POD, dst: '10.96.100.10', port: 81, expect: 'unchanged', masquerade: false },
  { name: 'outside → NodePort', services: [web()], slices: [webSlice()], src: OUTSIDE, dst: NODE_IP, port: 30080, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'pod → NodePort on its node', services: [web()], slices: [webSlice()], src: POD, dst: NODE_IP, port: 30080, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'node process → localhost NodePort', services: [web()], slices: [webSlice()], src: '127.0.0.1', dst: '127.0.0.1', port: 30080, local: true, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'pod → ClusterIP, no ready endpoints', services: [web()], slices: [noEndpoints], src: POD, dst: '10.96.100.10', port: 80, expect: 'REJECT', masquerade: false },
  { name: 'node process → ClusterIP, no ready endpoints', services: [web()], slices: [noEndpoints], src: NODE_IP, dst: '10.96.100.10', port: 80, local: true, expect: 'REJECT', masquerade: false },
  { name: 'outside → NodePort, no ready endpoints', services: [web()], slices: [noEndpoints], src: OUTSIDE, dst: NODE_IP, port: 30080, expect: 'REJECT', masquerade: false },
  { name: 'pod → ClusterIP, terminating fallback', services: [web()], slices: [webSlice([{ ip: '10.244.2.7', node: 'node02', ready: false, serving: true, terminating: true }])], src: POD, dst: '10.96.100.10', port: 80, expect: { endpoint: ['10.244.2.7:8080'] }, masquerade: false },
  { name: 'pod → ClusterIP, not-ready pod skipped', services: [web()], slices: [webSlice([{ ip: '10.244.1.5', node: 'node01', ready: false }, { ip: '10.244.2.7', node: 'node02' }])], src: POD, dst: '10.96.100.10', port: 80, expect: { endpoint: ['10.244.2.7:8080'] }, masquerade: false },
  { name: 'hairpin: the only endpoint calls its own Service', services: [web()], slices: [webSlice([{ ip: '10.244.1.5', node: 'node01' }])], src: '10.244.1.5', dst: '10.96.100.10', port: 80, expect: { endpoint: LOCAL }, masquerade: true },
  { name: 'ETP Local: outside → NodePort keeps source, local endpoint only', services: [web({ externalTrafficPolicy: 'Local' })], slices: [webSlice()], src: OUTSIDE, dst: NODE_IP, port: 30080, expect: { endpoint: LOCAL }, masquerade: false },
  { name: 'ETP Local: outside → NodePort, no local endpoint', services: [web({ externalTrafficPolicy: 'Local' })], slices: [remoteOnly], src: OUTSIDE, dst: NODE_IP, port: 30080, expect: 'DROP', masquerade: false },
  { name: 'ETP Local: pod → NodePort short-circuits to any endpoint', services: [web({ externalTrafficPolicy: 'Local' })], slices: [remoteOnly], src: POD, dst: NODE_IP, port: 30080, expect: { endpoint: ['10.244.2.7:8080'] }, masquerade: false },
  { name: 'ITP Local: pod → ClusterIP, no local endpoint', services: [web({ internalTrafficPolicy: 'Local' })], slices: [remoteOnly], src: POD, dst: '10.96.100.10', port: 80, expect: 'DROP', masquerade: false },
  { name: 'LoadBalancer IP from outside', services: [lb()], slices: [webSlice()], src: OUTSIDE, dst: '203.0.113.7', port: 80, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'LoadBalancer, client inside loadBalancerSourceRanges', services: [lb({ loadBalancerSourceRanges: ['192.0.2.0/24'] })], slices: [webSlice()], src: OUTSIDE, dst: '203.0.113.7', port: 80, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'LoadBalancer, client outside loadBalancerSourceRanges', services: [lb({ loadBalancerSourceRanges: ['198.51.100.0/24'] })], slices: [webSlice()], src: OUTSIDE, dst: '203.0.113.7', port: 80, expect: 'DROP', masquerade: false },
  { name: 'externalIP from outside', services: [web({ externalIPs: ['192.0.2.10'] })], slices: [webSlice()], src: OUTSIDE, dst: '192.0.2.10', port: 80, expect: { endpoint: BOTH }, masquerade: true },
  { name: 'pod → another pod directly', services: [web()], slices: [webSlice()], src: POD, dst: '10.244.2.7', port: 8080, expect: 'unchanged', masquerade: false },
];

describe('packet flow through node01 (kube-proxy proxier_test style)', () => {
  it.each(cases)('$name', (c) => {
    const rs = rules(c.services, c.slices);
    for (let seed = 0; seed < 8; seed++) {
      const r = traceConnection(rs, { src: c.src, dst: c.dst, protocol: 'tcp', dport: c.port }, c.local ?? false, new Rng(seed), state());
      if (typeof c.expect === 'object') {
        expect(r.outcome.kind).toBe('endpoint');
        if (r.outcome.kind === 'endpoint') expect(c.expect.endpoint).toContain(`${r.outcome.ip}:${r.outcome.port}`);
      } else if (c.expect === 'unchanged') {
        expect(r.outcome).toEqual({ kind: 'unchanged', ip: c.dst, port: c.port });
      } else {
        expect(r.outcome.kind).toBe(c.expect);
      }
      expect(r.masquerade).toBe(c.masquerade);
    }
  });

  it('reports the rules that matched, with their text and provenance', () => {
    const rs = rules([web()], [webSlice([{ ip: '10.244.2.7', node: 'node02' }])]);
    const r = evaluateNat(rs, { src: POD, dst: '10.96.100.10', protocol: 'tcp', dport: 80 }, 'PREROUTING', new Rng(1), state());
    expect(r.verdict).toEqual({ kind: 'DNAT', ip: '10.244.2.7', port: 8080 });
    expect(r.matched.map((m) => `${m.chain}#${m.index}`)).toEqual(['PREROUTING#1', 'KUBE-SERVICES#1', 'KUBE-SVC-CDGGSHYLG3RE2FKL#2', 'KUBE-SEP-2RIJ5GIYXEFH6G4D#2']);
    expect(r.matched[3]!.text).toBe('-A KUBE-SEP-2RIJ5GIYXEFH6G4D -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.2.7:8080');
    expect(r.matched[3]!.provenance).toEqual({ owner: 'kube-proxy', service: { namespace: 'default', name: 'web', port: 'http', protocol: 'tcp' }, endpoint: { ip: '10.244.2.7', port: 8080, slice: 'web-abcde', nodeName: 'node02' } });
    // PREROUTING(1) + KUBE-SERVICES(1) + SVC masq miss and hit (2) + SEP hairpin miss and DNAT (2).
    expect(r.traversed).toBe(6);
  });
});

describe('load balancing', () => {
  it('splits 30,000 seeded connections over 3 endpoints 1/3 each within 2%', () => {
    const eps: EndpointSpec[] = [{ ip: '10.244.1.5', node: 'node01' }, { ip: '10.244.2.7', node: 'node02' }, { ip: '10.244.2.8', node: 'node02' }];
    const rs = rules([web()], [webSlice(eps)]);
    const rng = new Rng('split');
    const counts = new Map<string, number>();
    const N = 30000;
    for (let i = 0; i < N; i++) {
      const r = evaluateNat(rs, { src: POD, dst: '10.96.100.10', protocol: 'tcp', dport: 80 }, 'PREROUTING', rng, state());
      if (r.verdict.kind === 'DNAT') counts.set(r.verdict.ip, (counts.get(r.verdict.ip) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['10.244.1.5', '10.244.2.7', '10.244.2.8']);
    for (const n of counts.values()) expect(Math.abs(n / N - 1 / 3)).toBeLessThan(0.02);
  });

  it('is deterministic for a seed', () => {
    const rs = rules([web()], [webSlice()]);
    const run = () => Array.from({ length: 20 }, (_, i) => evaluateNat(rs, { src: POD, dst: '10.96.100.10', protocol: 'tcp', dport: 80 }, 'PREROUTING', rngs, state(i)).verdict);
    let rngs = new Rng(42);
    const a = run();
    rngs = new Rng(42);
    expect(run()).toEqual(a);
  });

  it('keeps a client on one endpoint with ClientIP affinity until the timeout passes', () => {
    const svc = web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } });
    const eps: EndpointSpec[] = [{ ip: '10.244.1.5', node: 'node01' }, { ip: '10.244.2.7', node: 'node02' }, { ip: '10.244.2.8', node: 'node02' }];
    const rs = rules([svc], [webSlice(eps)]);
    const rng = new Rng(7);
    const st = state(0);
    const pick = () => {
      const v = evaluateNat(rs, { src: POD, dst: '10.96.100.10', protocol: 'tcp', dport: 80 }, 'PREROUTING', rng, st).verdict;
      return v.kind === 'DNAT' ? v.ip : v.kind;
    };
    const first = pick();
    for (let t = 1; t <= 50; t++) {
      st.nowMs = t * 1000;
      expect(pick()).toBe(first);
    }
    expect(Object.keys(st.recent).length).toBe(1);
    // Long after the last use the entry has expired: choices spread again.
    const later = new Set<string>();
    for (let i = 0; i < 30; i++) {
      st.nowMs = 1_000_000 + i * 100_000;
      later.add(pick());
    }
    expect(later.size).toBeGreaterThan(1);
  });
});

describe('invariants (fast-check)', () => {
  it('ClusterIP traffic reaches a ready endpoint, else a serving terminating one, else is rejected', () => {
    const epArb = fc.record({ host: fc.integer({ min: 2, max: 250 }), ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean(), local: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(epArb, { selector: (e) => e.host, maxLength: 6 }), fc.integer(), (eps, seed) => {
        const specs: EndpointSpec[] = eps.map((e) => ({ ip: `10.244.3.${e.host}`, node: e.local ? 'node01' : 'node02', ready: e.ready, serving: e.serving, terminating: e.terminating }));
        const rs = rules([service('api', { clusterIP: '10.96.5.5', ports: [{ name: 'p', port: 80 }] })], [slice('api', [{ name: 'p', port: 80 }], specs)]);
        const r = traceConnection(rs, { src: POD, dst: '10.96.5.5', protocol: 'tcp', dport: 80 }, false, new Rng(seed), state());
        const ready = specs.filter((s) => s.ready).map((s) => s.ip);
        const fallback = specs.filter((s) => !s.ready && s.serving && s.terminating).map((s) => s.ip);
        const allowed = ready.length ? ready : fallback;
        if (allowed.length === 0) return r.outcome.kind === 'REJECT';
        return r.outcome.kind === 'endpoint' && allowed.includes(r.outcome.ip);
      }),
      { numRuns: 150 },
    );
  });
});
