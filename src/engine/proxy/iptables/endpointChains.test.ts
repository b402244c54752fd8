import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointChainName, servicePortChains } from '../hash';
import type { Chain } from '../model';
import { categorizeEndpoints, endpointsForPort, servicePorts, usesClusterEndpoints, usesLocalEndpoints } from '../serviceInfo';
import { eagerEndpointChains } from '../testing/eagerEndpointChains';
import { categorizeObjects, objectEndpointsForPort } from '../testing/objectEndpoints';
import { node01, service, slice } from '../testing/fixtures';
import { resolveProxyConfig } from '../config';
import { chainLength, ColumnChain } from './endpointChains';
import { writeEndpointChains } from './endpointRules';
import { rule } from './ruleBuilders';

/** A Service port of any traffic policy and affinity, with endpoints in every condition. */
const portArb = fc.record({
  type: fc.constantFrom('ClusterIP', 'NodePort'),
  udp: fc.boolean(),
  affinity: fc.constantFrom(undefined, 60, 10800),
  externalLocal: fc.boolean(),
  internalLocal: fc.boolean(),
  endpoints: fc.uniqueArray(fc.record({ host: fc.integer({ min: 2, max: 40 }), local: fc.boolean(), ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean() }), { selector: (e) => e.host, maxLength: 12 }),
  largeCluster: fc.boolean(),
  head: fc.boolean(),
}).map((s) => {
  const protocol = s.udp ? 'UDP' : 'TCP';
  const svc = service('web', {
    type: s.type, clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol, ...(s.type === 'NodePort' ? { nodePort: 30080 } : {}) }],
    ...(s.affinity ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: s.affinity } } } : {}),
    ...(s.externalLocal ? { externalTrafficPolicy: 'Local' } : {}), ...(s.internalLocal ? { internalTrafficPolicy: 'Local' } : {}),
  });
  const sl = slice('web', [{ name: 'http', port: 8080, protocol }], s.endpoints.map((e) => ({ ip: `10.244.${e.host % 3}.${e.host}`, node: e.local ? 'node01' : 'node02', ready: e.ready, serving: e.serving, terminating: e.terminating })));
  return { svc, sl, largeCluster: s.largeCluster, head: s.head };
});

describe('column chains', () => {
  it('make on read exactly the rules an eager writer writes, and know their length without making them (fast-check)', () => {
    fc.assert(
      fc.property(portArb, ({ svc, sl, largeCluster, head }) => {
        const info = servicePorts(svc)[0]!;
        const cat = categorizeEndpoints(info, endpointsForPort(info, [sl], node01.name));
        // The eager reference writes from the endpoint objects the checkout made before columns.
        const ref = categorizeObjects(info, objectEndpointsForPort(info, [sl], node01.name));
        const chains = servicePortChains(info.nameString, info.ref.protocol);
        const opts = { config: resolveProxyConfig({}), nodeIPs: node01.ips, largeCluster };
        const usesCluster = cat.cluster.length > 0 && usesClusterEndpoints(info);
        const usesLocal = cat.local.length > 0 && usesLocalEndpoints(info);
        expect([ref.cluster.length, ref.local.length]).toEqual([cat.cluster.length, cat.local.length]);
        // The internal chain may already hold its masquerade rule when the endpoint rules come.
        const start = (): Chain[] => (head ? [{ name: chains.svc, rules: [rule({ matches: [], target: { kind: 'ACCEPT' } }, { owner: 'kube-proxy' }, 'head')] }] : []);
        const columns = start();
        const cols = writeEndpointChains(columns, info, cat, chains, opts, usesCluster, usesLocal);
        // The sync names the KUBE-SEP chains but makes them only when listed or jumped to.
        expect(cat.allReachable.map((_, i) => cols.sepName(i))).toEqual(ref.allReachable.map((e) => endpointChainName(info.nameString, info.ref.protocol, e.key)));
        cols.pushSepChains(columns);
        const eager = start();
        eagerEndpointChains(eager, info, ref, chains, opts, usesCluster, usesLocal);
        expect(columns.map((c) => [c.name, chainLength(c)])).toEqual(eager.map((c) => [c.name, c.rules.length]));
        expect(JSON.stringify(columns)).toBe(JSON.stringify(eager));
        expect(columns.map((c) => c.rules.map((r) => r.explanation))).toEqual(eager.map((c) => c.rules.map((r) => r.explanation)));
        // Read twice, the same rule objects: the evaluator's index caches hang on them.
        expect(columns.every((c) => c.rules === c.rules)).toBe(true);
        // A KUBE-SVC/SVL jump reaches the very chain the list holds.
        for (const c of columns) {
          if (!(c instanceof ColumnChain)) continue;
          for (const r of c.rules) {
            const t = r.target;
            if (t?.kind === 'jump' && t.chain.startsWith('KUBE-SEP-')) expect(c.jumpTarget(t.chain)).toBe(columns.find((x) => x.name === t.chain));
            // A SEP name this Service port does not have (its last character changed) reaches nothing.
            if (t?.kind === 'jump' && t.chain.startsWith('KUBE-SEP-')) expect(c.jumpTarget(t.chain.slice(0, -1) + (t.chain.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
