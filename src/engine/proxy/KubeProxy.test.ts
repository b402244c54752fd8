import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../api/types';
import { generateRules } from './iptables/generateRules';
import { iptablesSave } from './iptables/printSave';
import { KubeProxy } from './KubeProxy';
import { baseConfig, node01, service, slice } from './testing/fixtures';
import { plainRuleset } from './testing/plainRuleset';

const svc = (i: number) => service(`s${i}`, { clusterIP: `10.96.1.${i}`, selector: { app: `s${i}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
const sl = (i: number, hosts: number[]) => slice(`s${i}`, [{ name: 'http', port: 8080 }], hosts.map((h) => ({ ip: `10.244.2.${h}`, node: h % 2 ? 'node01' : 'node02' })), 'default', `s${i}-x`);
const full = (services: Service[], slices: EndpointSlice[]) => generateRules({ node: node01, services, endpointSlices: slices, config: baseConfig });

describe('KubeProxy', () => {
  it('produces the same ruleset as a full generation', () => {
    const services = [svc(1), svc(2)];
    const slices = [sl(1, [3, 4]), sl(2, [5])];
    const kp = new KubeProxy(node01, baseConfig);
    kp.update(services, slices);
    expect(plainRuleset(kp.ruleset())).toEqual(plainRuleset(full(services, slices)));
  });

  it('regenerates only the Service whose EndpointSlice changed, among 10,000', () => {
    const svc = (i: number) => service(`s${i}`, { clusterIP: `10.97.${i >> 8}.${i & 255}`, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    const services = Array.from({ length: 10000 }, (_, i) => svc(i + 1));
    const slices = services.map((_, i) => sl(i + 1, [3]));
    const kp = new KubeProxy(node01, baseConfig);
    kp.update(services, slices);
    kp.ruleset();
    const before = kp.regenerations;
    const changed = sl(17, [3, 4]);
    kp.onSliceChanged('default', 's17-x', changed);
    const text = iptablesSave(kp.ruleset(), 0, 'nat');
    expect(kp.regenerations - before).toBe(1);
    // 10,000 endpoints: large-cluster mode, so SEP rules carry no comment.
    expect(text).toContain('-m tcp -j DNAT --to-destination 10.244.2.4:8080');
    expect(text.match(/cluster IP" -m tcp --dport 80 -j KUBE-SVC-/g)).toHaveLength(10000);
    // Generous limit: this checks work done (one regeneration), not speed, on a loaded machine.
  }, 60_000);

  it('removes a deleted Service and its chains', () => {
    const kp = new KubeProxy(node01, baseConfig);
    kp.update([svc(1), svc(2)], [sl(1, [3]), sl(2, [5])]);
    kp.onServiceChanged('default', 's2', undefined);
    const text = iptablesSave(kp.ruleset(), 0, 'nat');
    expect(text).not.toContain('default/s2');
    expect(text).toContain('default/s1:http cluster IP');
  });

  it('drops per-endpoint comments past 1000 endpoints and restores them below', () => {
    const big = Array.from({ length: 1001 }, (_, i) => ({ ip: `10.245.${Math.floor(i / 250)}.${(i % 250) + 1}`, node: 'node02' }));
    const kp = new KubeProxy(node01, baseConfig);
    kp.update([svc(1), svc(2)], [sl(1, [3]), slice('s2', [{ name: 'http', port: 8080 }], big, 'default', 's2-x')]);
    const sep = (t: string) => t.split('\n').filter((l) => l.startsWith('-A KUBE-SEP-'));
    expect(sep(iptablesSave(kp.ruleset(), 0, 'nat')).every((l) => !l.includes('--comment'))).toBe(true);
    kp.onSliceChanged('default', 's2-x', undefined);
    expect(sep(iptablesSave(kp.ruleset(), 0, 'nat')).every((l) => l.includes('--comment "default/s1:http"'))).toBe(true);
    expect(plainRuleset(kp.ruleset())).toEqual(plainRuleset(full([svc(1), svc(2)], [sl(1, [3])])));
    kp.onSliceChanged('default', 's2-x', slice('s2', [{ name: 'http', port: 8080 }], big, 'default', 's2-x'));
    expect(plainRuleset(kp.ruleset())).toEqual(plainRuleset(full([svc(1), svc(2)], [sl(1, [3]), slice('s2', [{ name: 'http', port: 8080 }], big, 'default', 's2-x')])));
  });

  it('matches a full generation after any sequence of changes (fast-check)', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('svc' as const), i: fc.integer({ min: 1, max: 5 }), del: fc.boolean() }),
      fc.record({ kind: fc.constant('slice' as const), i: fc.integer({ min: 1, max: 5 }), hosts: fc.uniqueArray(fc.integer({ min: 2, max: 9 }), { maxLength: 4 }), del: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const kp = new KubeProxy(node01, baseConfig);
        kp.update([], []);
        const services = new Map<number, Service>();
        const slices = new Map<number, EndpointSlice>();
        for (const c of changes) {
          if (c.kind === 'svc') {
            if (c.del) services.delete(c.i);
            else services.set(c.i, svc(c.i));
            kp.onServiceChanged('default', `s${c.i}`, services.get(c.i));
          } else {
            if (c.del) slices.delete(c.i);
            else slices.set(c.i, sl(c.i, c.hosts));
            kp.onSliceChanged('default', `s${c.i}-x`, slices.get(c.i));
          }
        }
        expect(plainRuleset(kp.ruleset())).toEqual(plainRuleset(full([...services.values()], [...slices.values()])));
      }),
      { numRuns: 60 },
    );
  });
});

describe('KubeProxy watch events', () => {
  it('follows ADDED, MODIFIED and DELETED events for Services and EndpointSlices', () => {
    const kp = new KubeProxy(node01, baseConfig);
    kp.update([], []);
    const ev = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: unknown, rv: number) =>
      ({ type, object, resourceVersion: rv, source: 'test' }) as unknown as WatchEvent;
    kp.onWatchEvent(ev('ADDED', svc(1), 1));
    expect(iptablesSave(kp.ruleset(), 0, 'filter')).toContain('"default/s1:http has no endpoints"');
    kp.onWatchEvent(ev('ADDED', sl(1, [3]), 2));
    expect(iptablesSave(kp.ruleset(), 0, 'nat')).toContain('-j DNAT --to-destination 10.244.2.3:8080');
    kp.onWatchEvent(ev('MODIFIED', sl(1, [4]), 3));
    const nat = iptablesSave(kp.ruleset(), 0, 'nat');
    expect(nat).toContain('--to-destination 10.244.2.4:8080');
    expect(nat).not.toContain('10.244.2.3');
    kp.onWatchEvent(ev('DELETED', sl(1, [4]), 4));
    expect(iptablesSave(kp.ruleset(), 0, 'filter')).toContain('"default/s1:http has no endpoints"');
    kp.onWatchEvent(ev('DELETED', svc(1), 5));
    expect(iptablesSave(kp.ruleset(), 0)).not.toContain('default/s1');
  });
});

describe('KubeProxy in IPVS mode', () => {
  it('serves virtual servers and the constant IPVS iptables rules from its current state', () => {
    const kp = new KubeProxy(node01, { ...baseConfig, mode: 'ipvs' });
    kp.update([svc(1)], [sl(1, [3, 4])]);
    expect(kp.ipvs().virtualServers.map((v) => `${v.ip}:${v.port} ${v.realServers.length}`)).toEqual(['10.96.1.1:80 2']);
    kp.onSliceChanged('default', 's1-x', sl(1, [3]));
    expect(kp.ipvs().virtualServers[0]!.realServers).toHaveLength(1);
    expect(kp.ruleset().ipsets?.['KUBE-CLUSTER-IP']?.entries).toEqual(['10.96.1.1,tcp:80']);
    expect(iptablesSave(kp.ruleset(), 0, 'nat')).not.toContain('KUBE-SVC-');
  });
});
