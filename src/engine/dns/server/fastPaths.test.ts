import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import { ns, slice, svc } from '../testing/fixtures';
import { DnsIndex, staticClusterView } from './ClusterView';
import { KubernetesPlugin } from './kubernetesPlugin';
import { labelsBelow, lookupByLabels, lookupRecords } from './kubernetesRecords';
import type { KubernetesPluginConfig } from '../corefile/serverConfig';

/** The plain ways the fast paths replace, kept here as the reference they must agree with. */
function labelsBySplit(name: string, zone: string): string[] {
  const end = zone === '.' ? name.length - 1 : name.length - zone.length - 1;
  if (end <= 0) return [];
  const base = name.slice(0, end);
  return base.includes('..') ? base.split('.').filter((l) => l.length > 0) : base.split('.');
}

const label = fc.stringMatching(/^[a-z0-9-]{0,4}$/);

describe('fast paths agree with the plain code', () => {
  it('labelsBelow walks labels exactly as slice + split (empty labels, leading and trailing dots included)', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 7 }), fc.constantFrom('cluster.local.', '.', 'in-addr.arpa.'), (labels, zone) => {
        const name = zone === '.' ? `${labels.join('.')}.` : `${labels.join('.')}.${zone}`;
        expect(labelsBelow(name, zone)).toEqual(labelsBySplit(name, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('DnsIndex.service finds what a case-insensitive scan of the Services finds (last one wins)', () => {
    const names = fc.constantFrom('web', 'Web', 'db', 'api', 'x-1');
    const spaces = fc.constantFrom('default', 'prod', 'Prod', 'dev');
    fc.assert(
      fc.property(fc.array(fc.tuple(spaces, names), { maxLength: 12 }), fc.array(fc.tuple(names, spaces), { minLength: 1, maxLength: 8 }), (objs, asks) => {
        const services = objs.map(([space, name], i) => svc(space, name, { clusterIP: `10.96.0.${i + 1}`, ports: [{ port: 80, protocol: 'TCP' }] }));
        const idx = new DnsIndex(staticClusterView({ namespaces: [ns('default'), ns('prod'), ns('dev')], services }));
        for (const [name, space] of asks) {
          const scan = services.filter((s) => s.metadata!.name!.toLowerCase() === name.toLowerCase() && s.metadata!.namespace!.toLowerCase() === space.toLowerCase()).at(-1);
          expect(idx.service(name, space)?.clusterIPs).toEqual(scan?.spec?.clusterIPs);
          expect(idx.servicesMatching(name.toLowerCase(), space.toLowerCase()).map((e) => e.clusterIPs)).toEqual(scan ? [scan.spec!.clusterIPs] : []);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lookupRecords through the domain index answers exactly what parsing the labels answers', () => {
    // Odd names on purpose: wildcards, `svc`/`pod`, case, and a namespace that does not exist.
    const names = fc.constantFrom('web', 'Web', 'any', 'svc', 'pod', 'x-1', 'db');
    const spaces = fc.constantFrom('default', 'Prod', 'any', 'svc', 'gone');
    const zone = fc.constantFrom('cluster.local.', '.');
    const config = fc.record({ namespaces: fc.constantFrom<string[]>([], ['default'], ['prod', 'svc']), ignoreEmptyService: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.tuple(spaces, names, fc.boolean()), { maxLength: 10 }), fc.array(fc.tuple(names, spaces, fc.constantFrom('svc', 'pod', 'x')), { minLength: 1, maxLength: 6 }), zone, config, (objs, asks, z, extra) => {
        const services = objs.map(([space, name, headless], i) => svc(space, name, { clusterIP: headless ? 'None' : `10.96.0.${i + 1}`, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
        const idx = new DnsIndex(staticClusterView({ namespaces: ['default', 'prod', 'any', 'svc'].map((n) => ns(n)), services }));
        const k: KubernetesPluginConfig = { zones: [z], podMode: 'insecure', ttl: 30, fallthrough: [], endpointPodNames: false, ...extra };
        for (const [name, space, kind] of asks) {
          const q = `${name}.${space}.${kind}.${z === '.' ? '' : z}`.toLowerCase();
          expect(lookupRecords(q, z, k, idx, z)).toEqual(lookupByLabels(labelsBelow(q, z), z, k, idx, z));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('A/AAAA through the domain index (a ClusterIP Service, an endpoint of a missing Service) answers what the label path answers', () => {
    // The reference: the same plugin over an index that never answers from the domain index, so
    // every name goes through parseRequest, serviceRecords and the general A/AAAA loop.
    class LabelsOnly extends DnsIndex {
      override serviceByDomain(): undefined {
        return undefined;
      }
      override isEndpointOfMissingService(): boolean {
        return false;
      }
    }
    const ip = fc.constantFrom('10.96.0.1', '10.96.0.2', 'fd00::1', 'fd00::2');
    const service = fc.record({
      name: fc.constantFrom('web', 'db', 'api'),
      space: fc.constantFrom('default', 'prod', 'gone'),
      ips: fc.array(ip, { maxLength: 4 }),
      ports: fc.integer({ min: 0, max: 2 }),
      endpoints: fc.boolean(),
      external: fc.boolean(),
    });
    const config = fc.record({ namespaces: fc.constantFrom<string[]>([], ['default'], ['prod', 'gone']), ignoreEmptyService: fc.boolean(), zone: fc.constantFrom('cluster.local.', '.') });
    fc.assert(
      fc.property(fc.array(service, { maxLength: 6 }), config, fc.constantFrom('', 'x.', '*.', 'any.', 'a.b.', '.'), fc.constantFrom('web', 'db', 'api', 'WEB', '*', 'any', ''), fc.constantFrom('default', 'prod', 'gone', 'Prod', 'any', ''), (objs, cfg, endpoint, askName, askSpace) => {
        const services: Service[] = objs.map((o) => {
          if (o.external) return svc(o.space, o.name, { type: 'ExternalName', externalName: 'example.com' });
          const s = svc(o.space, o.name, { ports: Array.from({ length: o.ports }, (_, i) => ({ name: `p${i}`, port: 80 + i, protocol: 'TCP' })) });
          s.spec!.clusterIPs = o.ips;
          if (o.ips[0]) s.spec!.clusterIP = o.ips[0];
          return s;
        });
        const slices = objs.filter((o) => o.endpoints).map((o) => slice(o.space, o.name, [{ name: 'p0', port: 8080 }], [{ ip: '10.244.1.1' }]));
        const view = staticClusterView({ namespaces: [ns('default'), ns('prod')], services, endpointSlices: slices });
        const k: KubernetesPluginConfig = { zones: [cfg.zone], podMode: 'insecure', ttl: 30, fallthrough: [], endpointPodNames: false, namespaces: cfg.namespaces, ignoreEmptyService: cfg.ignoreEmptyService };
        const fast = new KubernetesPlugin(k, new DnsIndex(view));
        const plain = new KubernetesPlugin(k, new LabelsOnly(view));
        const qname = `${endpoint}${askName}.${askSpace}.svc.${cfg.zone === '.' ? '' : cfg.zone}`;
        const upstream = () => undefined;
        for (const type of ['A', 'AAAA'] as const) expect(fast.serve(qname, qname.toLowerCase(), type, upstream)).toEqual(plain.serve(qname, qname.toLowerCase(), type, upstream));
      }),
      { numRuns: 2000 },
    );
  });

  it('isEndpointOfMissingService only claims names the label path finds nothing for', () => {
    const label = fc.constantFrom('web', 'db', '*', 'any', '', 'svc', 'default', 'x-1');
    const zone = fc.constantFrom('cluster.local.', '.', 'svc.cluster.local.');
    const config = fc.record({ namespaces: fc.constantFrom<string[]>([], ['default']), ignoreEmptyService: fc.boolean() });
    let claimed = 0;
    // Half the names have the claimed shape's label count, so both answers get exercised.
    const names = fc.oneof(fc.array(label, { minLength: 1, maxLength: 6 }), fc.tuple(label, label, label, fc.constantFrom('svc', 'pod')).map((l) => [...l]));
    fc.assert(
      fc.property(names, zone, config, (labels, z, extra) => {
        const services = [svc('default', 'web', { clusterIP: '10.96.0.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }), svc('svc', 'db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] })];
        const idx = new DnsIndex(staticClusterView({ namespaces: [ns('default'), ns('svc')], services, endpointSlices: [slice('svc', 'db', [{ name: 'pg', port: 5432 }], [{ ip: '10.244.1.8', hostname: 'web' }])] }));
        const k: KubernetesPluginConfig = { zones: [z], podMode: 'insecure', ttl: 30, fallthrough: [], endpointPodNames: false, ...extra };
        const name = `${labels.join('.')}.${z === '.' ? '' : z}`;
        if (!idx.isEndpointOfMissingService(name, z)) return;
        claimed++;
        expect(lookupByLabels(labelsBelow(name, z), z, k, idx, z)).toEqual({ ok: false });
      }),
      { numRuns: 3000 },
    );
    expect(claimed).toBeGreaterThan(50);
  });

  it('isEndpointOfMissingService answers anew once the cluster changes (its last answer is per index build)', () => {
    const objs = { version: 1, namespaces: [ns('default')], services: [] as Service[] };
    const idx = new DnsIndex(staticClusterView(objs));
    const name = 'x.web.default.svc.cluster.local.';
    expect(idx.isEndpointOfMissingService(name, 'cluster.local.')).toBe(true);
    expect(idx.isEndpointOfMissingService(name, 'cluster.local.')).toBe(true);
    objs.services = [svc('default', 'web', { clusterIP: '10.96.0.1', ports: [{ port: 80, protocol: 'TCP' }] })];
    objs.version = 2;
    expect(idx.isEndpointOfMissingService(name, 'cluster.local.')).toBe(false);
    expect(idx.isEndpointOfMissingService(name, '.')).toBe(false);
    expect(idx.isEndpointOfMissingService('x.web.default.svc.', '.')).toBe(false);
    expect(idx.isEndpointOfMissingService('x.db.default.svc.', '.')).toBe(true);
  });
});
