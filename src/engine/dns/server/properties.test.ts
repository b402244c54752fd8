import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../sim/Rng';
import { ns, slice, svc } from '../testing/fixtures';
import { exampleServer } from '../testing/fixtures';
import { CoreDnsServer } from './CoreDnsServer';
import { staticClusterView } from './ClusterView';
import { addressFromReverse, reverseName } from './kubernetesRecords';

const NAMES = [
  'web.default.svc.cluster.local.',
  'db.default.svc.cluster.local.',
  'db-0.db.default.svc.cluster.local.',
  '_http._tcp.web.default.svc.cluster.local.',
  'nope.default.svc.cluster.local.',
  '10-244-1-5.default.pod.cluster.local.',
  'kube-dns.kube-system.svc.cluster.local.',
];

const rdata = (m: ReturnType<CoreDnsServer['ask']>) => m.answer.map((r) => JSON.stringify({ ...r, name: r.name.toLowerCase() })).sort();

function server(objs: Parameters<typeof staticClusterView>[0]): CoreDnsServer {
  const rng = new Rng('p');
  return new CoreDnsServer({ cluster: staticClusterView(objs), now: () => 0, random: () => rng.next(), upstream: () => 'timeout' });
}

describe('DNS invariants', () => {
  it('any letter case gets the same status and records (only the owner name echoes the case)', () => {
    const s = exampleServer();
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.constantFrom('A', 'SRV', 'AAAA') as fc.Arbitrary<'A' | 'SRV' | 'AAAA'>, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (name, type, upper) => {
        const mixed = [...name].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');
        const a = s.ask(name, type);
        const b = s.ask(mixed, type);
        expect(b.rcode).toBe(a.rcode);
        expect(rdata(b)).toEqual(rdata(a));
      }),
      { numRuns: 200 },
    );
  });

  it('a headless Service answers exactly its ready endpoint addresses, NXDOMAIN when none are ready', () => {
    const endpoint = fc.record({ octet: fc.integer({ min: 1, max: 250 }), ready: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(endpoint, { selector: (e) => e.octet, maxLength: 8 }), (eps) => {
        const s = server({
          namespaces: [ns('default')],
          services: [svc('default', 'h', { clusterIP: 'None', ports: [{ name: 'p', port: 1, protocol: 'TCP' }] })],
          endpointSlices: [slice('default', 'h', [{ name: 'p', port: 1 }], eps.map((e) => ({ ip: `10.244.3.${e.octet}`, ready: e.ready })))],
        });
        const r = s.ask('h.default.svc.cluster.local.', 'A');
        const ready = eps.filter((e) => e.ready).map((e) => `10.244.3.${e.octet}`).sort();
        if (ready.length === 0) expect(r.rcode).toBe('NXDOMAIN');
        else expect(r.answer.map((a) => (a.type === 'A' ? a.address : '')).sort()).toEqual(ready);
      }),
    );
  });

  it('every ClusterIP reverse-resolves to its Service name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 65000 }), { minLength: 1, maxLength: 20 }), (ids) => {
        const services = ids.map((i) => svc(`ns${i % 3}`, `s${i}`, { clusterIP: `10.96.${i >> 8}.${i & 255}`, ports: [{ name: 'x', port: 80, protocol: 'TCP' }] }));
        const s = server({ namespaces: [ns('ns0'), ns('ns1'), ns('ns2')], services });
        for (const i of ids) {
          const r = s.ask(reverseName(`10.96.${i >> 8}.${i & 255}`), 'PTR');
          expect(r.answer).toEqual([{ name: reverseName(`10.96.${i >> 8}.${i & 255}`), ttl: 30, class: 'IN', type: 'PTR', target: `s${i}.ns${i % 3}.svc.cluster.local.` }]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reverse names round-trip for IPv4 and IPv6', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(addressFromReverse(reverseName(ip))).toBe(ip);
      }),
    );
    expect(addressFromReverse(reverseName('fd00:10:96::a'))).toBe('fd00:10:96::a');
    expect(reverseName('2001:db8::1')).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
  });
});
