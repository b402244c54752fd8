import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from 'kubernetes-types/core/v1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/Rng';
import type { ProxyConfig } from '../config';
import { iptablesSave } from '../iptables/printSave';
import { baseConfig, node01, service, slice, webService, webSlice } from '../testing/fixtures';
import { evaluateIpvs, newIpvsRuntime } from './evaluateIpvs';
import { traceIpvsConnection } from './ipvsFlow';
import { generateIpvsIptables } from './ipvsRules';
import { ipAddrShowKubeIpvs0, ipvsadmList } from './printIpvs';
import { generateIpvs } from './virtualServers';

/** REFERENCE §2 worked example: kubernetes, kube-dns with one CoreDNS pod, web with 2 pods. */
function referenceCluster(web: Service = webService()) {
  const kubernetes = service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] });
  const dns = service('kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }, undefined, 'kube-system');
  return {
    services: [web, kubernetes, dns],
    endpointSlices: [
      slice('kubernetes', [{ name: 'https', port: 6443 }], [{ ip: '172.18.0.2', node: 'controlplane' }], 'default', 'kubernetes'),
      slice('kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }], [{ ip: '10.244.0.2', node: 'controlplane' }], 'kube-system'),
      webSlice(),
    ],
  };
}
const input = (web?: Service, config: ProxyConfig = baseConfig) => ({ node: node01, ...referenceCluster(web), config });
const rtrim = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n');

describe('ipvsadm -Ln (REFERENCE §2)', () => {
  it('prints the worked example', () => {
    expect(rtrim(ipvsadmList(generateIpvs(input())))).toBe(`IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.96.0.1:443 rr
  -> 172.18.0.2:6443              Masq    1      0          0
TCP  10.96.0.10:53 rr
  -> 10.244.0.2:53                Masq    1      0          0
TCP  10.96.100.10:80 rr
  -> 10.244.1.5:8080              Masq    1      0          0
  -> 10.244.2.7:8080              Masq    1      0          0
UDP  10.96.0.10:53 rr
  -> 10.244.0.2:53                Masq    1      0          0
`);
  });
  it('pads real-server lines exactly as ipvsadm does (trailing blanks included)', () => {
    const line = ipvsadmList(generateIpvs(input())).split('\n')[4];
    expect(line).toBe('  -> 172.18.0.2:6443              Masq    1      0          0         ');
  });
  it('marks ClientIP affinity as persistent and keeps an endpoint-less virtual server', () => {
    const text = ipvsadmList(generateIpvs(input(webService({ sessionAffinity: 'ClientIP' }))));
    expect(text).toContain('\nTCP  10.96.100.10:80 rr persistent 10800\n');
    const empty = generateIpvs({ ...input(), endpointSlices: [] });
    expect(rtrim(ipvsadmList(empty))).toContain('TCP  10.96.100.10:80 rr\nUDP  10.96.0.10:53 rr');
  });
  it('adds NodePort virtual servers per node IP and uses the configured scheduler', () => {
    const np = webService({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
    const text = ipvsadmList(generateIpvs(input(np, { ...baseConfig, ipvsScheduler: 'lc' })));
    expect(text).toContain('\nTCP  172.18.0.3:30080 lc\n  -> 10.244.1.5:8080 ');
  });
  it('lists Service IPs on kube-ipvs0', () => {
    const web = webService({ externalIPs: ['192.0.2.10'] });
    expect(ipAddrShowKubeIpvs0(generateIpvs(input(web)), { index: 5, mac: '9e:4d:1f:0c:2e:13' })).toBe(`5: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default 
    link/ether 9e:4d:1f:0c:2e:13 brd ff:ff:ff:ff:ff:ff
    inet 10.96.0.1/32 scope global kube-ipvs0
       valid_lft forever preferred_lft forever
    inet 10.96.0.10/32 scope global kube-ipvs0
       valid_lft forever preferred_lft forever
    inet 10.96.100.10/32 scope global kube-ipvs0
       valid_lft forever preferred_lft forever
    inet 192.0.2.10/32 scope global kube-ipvs0
       valid_lft forever preferred_lft forever
`);
  });
});

describe('IPVS scheduling', () => {
  const pkt = (src: string) => ({ src, dst: '10.96.100.10', protocol: 'tcp' as const, dport: 80 });
  it('round-robins over the real servers', () => {
    const st = generateIpvs(input());
    const rt = newIpvsRuntime();
    const picks = Array.from({ length: 4 }, () => {
      const d = evaluateIpvs(st, pkt('10.244.1.20'), new Rng(1), rt);
      return d.kind === 'forward' ? d.realServer.ip : d.kind;
    });
    expect(picks).toEqual(['10.244.1.5', '10.244.2.7', '10.244.1.5', '10.244.2.7']);
  });
  it('round-robin spreads k×N connections exactly k per real server (fast-check)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (n, k) => {
      const eps = Array.from({ length: n }, (_, i) => ({ ip: `10.244.4.${i + 2}`, node: 'node02' }));
      const st = generateIpvs({ ...input(), endpointSlices: [webSlice(eps)] });
      const rt = newIpvsRuntime();
      const counts = new Map<string, number>();
      for (let i = 0; i < n * k; i++) {
        const d = evaluateIpvs(st, pkt(`10.244.1.${(i % 200) + 2}`), new Rng(i), rt);
        if (d.kind === 'forward') counts.set(d.realServer.ip, (counts.get(d.realServer.ip) ?? 0) + 1);
      }
      return counts.size === n && [...counts.values()].every((c) => c === k);
    }));
  });
  it('least-connection picks the idle server', () => {
    const st = generateIpvs(input(undefined, { ...baseConfig, ipvsScheduler: 'lc' }));
    const rt = newIpvsRuntime();
    rt.active['10.244.1.5:8080'] = 3;
    const d = evaluateIpvs(st, pkt('10.244.1.20'), new Rng(1), rt);
    expect(d.kind === 'forward' && d.realServer.ip).toBe('10.244.2.7');
  });
  it('source hashing is stable per client', () => {
    const st = generateIpvs(input(undefined, { ...baseConfig, ipvsScheduler: 'sh' }));
    const rt = newIpvsRuntime();
    const a = evaluateIpvs(st, pkt('10.244.1.20'), new Rng(1), rt);
    const b = evaluateIpvs(st, pkt('10.244.1.20'), new Rng(2), rt);
    expect(a).toEqual(b);
  });
  it('persistence keeps a client on its server until the timeout expires', () => {
    const st = generateIpvs(input(webService({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 30 } } })));
    const rt = newIpvsRuntime(0);
    const pick = () => {
      const d = evaluateIpvs(st, pkt('10.244.1.20'), new Rng(1), rt);
      return d.kind === 'forward' ? d.realServer.ip : d.kind;
    };
    const first = pick();
    rt.nowMs = 20_000;
    expect(pick()).toBe(first);
    rt.nowMs = 100_000;
    expect(pick()).not.toBe(first); // template expired; rr moves on
  });
  it('reports no virtual server and no real server', () => {
    const st = generateIpvs({ ...input(), endpointSlices: [] });
    expect(evaluateIpvs(st, { ...pkt('10.244.1.20'), dport: 81 }, new Rng(1), newIpvsRuntime()).kind).toBe('no-virtual-server');
    expect(evaluateIpvs(st, pkt('10.244.1.20'), new Rng(1), newIpvsRuntime()).kind).toBe('no-real-server');
  });
});

describe('IPVS-mode iptables', () => {
  const dir = join(import.meta.dirname, '__golden__');
  it('matches the golden iptables-save', () => {
    const text = iptablesSave(generateIpvsIptables(input()), Date.UTC(2025, 10, 22, 21, 45, 0));
    const path = join(dir, 'reference-cluster.ipvs.iptables-save.txt');
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });
  it('keeps the rule count constant as Services grow', () => {
    const count = (n: number) => {
      const services = Array.from({ length: n }, (_, i) => service(`s${i}`, { clusterIP: `10.96.7.${i + 1}`, ports: [{ name: 'p', port: 80 }] }));
      const rs = generateIpvsIptables({ node: node01, services, endpointSlices: [], config: baseConfig });
      return rs.tables.reduce((sum, t) => sum + t.chains.reduce((s, c) => s + c.rules.length, 0), 0);
    };
    expect(count(3)).toBe(count(200));
  });
  it('fills KUBE-CLUSTER-IP and KUBE-LOOP-BACK', () => {
    const sets = generateIpvsIptables(input()).ipsets!;
    expect(sets['KUBE-CLUSTER-IP']!.entries).toEqual(['10.96.100.10,tcp:80', '10.96.0.1,tcp:443', '10.96.0.10,udp:53', '10.96.0.10,tcp:53']);
    expect(sets['KUBE-LOOP-BACK']!.entries).toEqual(['10.244.1.5,tcp:8080,10.244.1.5']);
  });

  const NODE_IP = '172.18.0.3';
  const nf = () => ({ nowMs: 0, localAddresses: [NODE_IP], recent: {} });
  const np = webService({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
  it.each([
    { name: 'pod → ClusterIP', src: '10.244.1.20', dst: '10.96.100.10', port: 80, local: false, outcome: 'endpoint', masq: false },
    { name: 'node process → ClusterIP', src: NODE_IP, dst: '10.96.100.10', port: 80, local: true, outcome: 'endpoint', masq: true },
    { name: 'outside → NodePort', src: '192.0.2.50', dst: NODE_IP, port: 30080, local: false, outcome: 'endpoint', masq: true },
    { name: 'pod → ClusterIP on a port that is not a Service port', src: '10.244.1.20', dst: '10.96.100.10', port: 22, local: false, outcome: 'REJECT', masq: false },
    { name: 'hairpin: endpoint → its own Service', src: '10.244.1.5', dst: '10.96.100.10', port: 80, local: false, outcome: 'hairpin', masq: true },
  ])('$name', (c) => {
    const inp = input(np);
    const rs = generateIpvsIptables(inp);
    const st = generateIpvs(inp);
    const rt = newIpvsRuntime();
    // With rr, the second connection goes to the second server; the hairpin case needs the first.
    const r = traceIpvsConnection(rs, st, { src: c.src, dst: c.dst, protocol: 'tcp', dport: c.port, bridged: c.src.startsWith('10.244.') }, c.local, new Rng(1), nf(), rt);
    if (c.outcome === 'hairpin') {
      expect(r.outcome).toEqual({ kind: 'endpoint', ip: '10.244.1.5', port: 8080 });
    } else if (c.outcome === 'endpoint') {
      expect(r.outcome.kind).toBe('endpoint');
    } else {
      expect(r.outcome.kind).toBe(c.outcome);
    }
    expect(r.masquerade).toBe(c.masq);
  });
  it('answers port unreachable for a Service without endpoints', () => {
    const inp = { ...input(), endpointSlices: [] };
    const r = traceIpvsConnection(generateIpvsIptables(inp), generateIpvs(inp), { src: '10.244.1.20', dst: '10.96.100.10', protocol: 'tcp', dport: 80 }, false, new Rng(1), nf(), newIpvsRuntime());
    expect(r.outcome).toEqual({ kind: 'REJECT' });
  });
});
