import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/Rng';
import { clusterArb } from '../testing/arbitraries';
import { baseConfig, node01, service, slice } from '../testing/fixtures';
import type { Hook, NetfilterState, Packet } from './evaluate';
import { evaluateTable } from './evaluate';
import { generateRules } from './generateRules';
import { chainNamed } from './ruleIndex';

const NODE_IP = '172.18.0.3';

const packetArb = fc.record({
  src: fc.constantFrom('10.244.1.20', '10.244.0.10', NODE_IP, '192.0.2.50', '127.0.0.1'),
  dstHost: fc.integer({ min: 1, max: 32 }),
  dstKind: fc.constantFrom('10.96.0.', '192.0.2.', '203.0.113.', 'node', '10.244.1.'),
  dport: fc.constantFrom(53, 80, 443, 8080, 9000, 30000, 30001, 30041, 30080),
  udp: fc.boolean(),
  hook: fc.constantFrom<[Hook, 'nat' | 'filter']>(['PREROUTING', 'nat'], ['OUTPUT', 'nat'], ['POSTROUTING', 'nat'], ['INPUT', 'filter'], ['FORWARD', 'filter'], ['OUTPUT', 'filter']),
  mark: fc.constantFrom(0, 0x4000),
  seed: fc.integer(),
});

describe('rule index', () => {
  it('evaluates exactly as a rule-by-rule scan: verdict, matched rules, rules traversed, marks, random draws, recent lists (fast-check)', () => {
    fc.assert(
      fc.property(clusterArb, fc.array(packetArb, { minLength: 1, maxLength: 8 }), (cluster, packets) => {
        const rs = generateRules({ node: node01, services: cluster.map((c) => c.svc), endpointSlices: cluster.map((c) => c.slice), config: baseConfig });
        // Only clusters whose shared chains are long enough to be indexed test the index (a
        // cluster drawn with almost no endpoints has a short KUBE-SERVICES; seed -98559151).
        fc.pre(chainNamed(rs.tables[2]!, 'KUBE-SERVICES')!.rules.length > 16);
        const recentIndexed = {};
        const recentScanned = {};
        for (const [t, p] of packets.entries()) {
          const dst = p.dstKind === 'node' ? NODE_IP : `${p.dstKind}${p.dstHost}`;
          const packet: Packet = { src: p.src, dst, protocol: p.udp ? 'udp' : 'tcp', dport: p.dport, mark: p.mark, bridged: p.src.startsWith('10.244.') };
          const state = (recent: NetfilterState['recent']): NetfilterState => ({ nowMs: t * 1000, localAddresses: [NODE_IP], recent });
          const [hook, table] = p.hook;
          const rngA = new Rng(p.seed);
          const rngB = new Rng(p.seed);
          const indexed = evaluateTable(rs, table, hook, packet, rngA, state(recentIndexed));
          const scanned = evaluateTable(rs, table, hook, packet, rngB, state(recentScanned), true);
          expect(indexed).toEqual(scanned);
          expect(rngA.next()).toBe(rngB.next());
          expect(recentIndexed).toEqual(recentScanned);
        }
      }),
      { numRuns: 60 },
    );
    // A loaded machine; this bounds a hang, it does not measure speed.
  }, 120_000);

  it('counts every KUBE-SERVICES rule before the one that matches', () => {
    const services = Array.from({ length: 40 }, (_, i) => service(`s${i}`, { clusterIP: `10.96.1.${i + 1}`, ports: [{ name: 'http', port: 80 }] }));
    const slices = services.map((_, i) => slice(`s${i}`, [{ name: 'http', port: 8080 }], [{ ip: `10.244.2.${i + 2}`, node: 'node02' }]));
    const rs = generateRules({ node: node01, services, endpointSlices: slices, config: baseConfig });
    const packet: Packet = { src: '10.244.1.20', dst: '10.96.1.40', protocol: 'tcp', dport: 80 };
    const st = (): NetfilterState => ({ nowMs: 0, localAddresses: [NODE_IP], recent: {} });
    const r = evaluateTable(rs, 'nat', 'PREROUTING', packet, new Rng(1), st());
    // s39 sorts 34th of 40 (s0, s1, s10..s19, s2, s20..s29, s3, s30..s39 ...): 34 KUBE-SERVICES rules,
    // plus PREROUTING's jump, the SVC chain's 2 rules and the SEP chain's 2.
    const position = chainNamed(rs.tables[2]!, 'KUBE-SERVICES')!.rules.findIndex((x) => x.dst?.cidr === '10.96.1.40/32') + 1;
    expect(r.traversed).toBe(1 + position + 2 + 2);
    expect(r.traversed).toBe(evaluateTable(rs, 'nat', 'PREROUTING', packet, new Rng(1), st(), true).traversed);
  });
});
