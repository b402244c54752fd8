import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../config';
import { baseConfig, node01, service, slice, webService, webSlice } from '../testing/fixtures';
import type { EndpointSpec } from '../testing/fixtures';
import { generateRules } from './generateRules';
import { iptablesSave } from './printSave';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

const AT = Date.UTC(2025, 10, 22, 21, 45, 0);
function save(services: Service[], slices: EndpointSlice[], config: ProxyConfig = baseConfig, table?: 'nat' | 'filter') {
  const rs = generateRules({ node: node01, services, endpointSlices: slices, config });
  return iptablesSave(rs, AT, table).split('\n');
}
const nat = (s: Service[], sl: EndpointSlice[], c?: ProxyConfig) => save(s, sl, c, 'nat');
const filter = (s: Service[], sl: EndpointSlice[], c?: ProxyConfig) => save(s, sl, c, 'filter');
const rulesOf = (lines: string[], chain: string) => lines.filter((l) => l.startsWith(`-A ${chain} `));

describe('ClusterIP service with 2 endpoints (REFERENCE §1.4a)', () => {
  const lines = nat([webService()], [webSlice()]);
  it('prints the exact on-node rules', () => {
    for (const l of [
      ':KUBE-SEP-2RIJ5GIYXEFH6G4D - [0:0]',
      ':KUBE-SEP-AFGSLHOD2HFNCBX4 - [0:0]',
      ':KUBE-SVC-CDGGSHYLG3RE2FKL - [0:0]',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s 10.244.0.0/16 -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -s 10.244.1.5/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080',
      '-A KUBE-SEP-2RIJ5GIYXEFH6G4D -s 10.244.2.7/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-2RIJ5GIYXEFH6G4D -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.2.7:8080',
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    ]) expect(lines).toContain(l);
  });
  it('keeps chain-internal order and the NodePorts rule last', () => {
    expect(rulesOf(lines, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    ]);
    expect(rulesOf(lines, 'KUBE-SVC-CDGGSHYLG3RE2FKL').slice(1)).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -j KUBE-SEP-2RIJ5GIYXEFH6G4D',
    ]);
    expect(rulesOf(lines, 'KUBE-POSTROUTING')).toEqual([
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]);
  });
  it('omits the SVC masquerade rule without clusterCIDR and makes it unconditional with masqueradeAll', () => {
    expect(rulesOf(nat([webService()], [webSlice()], {}), 'KUBE-SVC-CDGGSHYLG3RE2FKL')).toHaveLength(2);
    expect(rulesOf(nat([webService()], [webSlice()], { masqueradeAll: true }), 'KUBE-SVC-CDGGSHYLG3RE2FKL')[0]).toBe(
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ');
  });
  it('uses the unnamed-port name string', () => {
    const svc = webService({ ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    const l = nat([svc], [slice('web', [{ port: 8080 }], [{ ip: '10.244.1.5', node: 'node01' }])]);
    expect(l).toContain('-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G');
    expect(l).toContain('-A KUBE-SEP-XQWD6PXGZUTOOIVQ -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.5:8080');
  });
});

describe('endpoint order and probabilities (REFERENCE §1.3)', () => {
  const eps = (n: number): EndpointSpec[] => Array.from({ length: n }, (_, i) => ({ ip: `10.244.1.${i + 2}`, node: 'node02' }));
  it.each([
    [3, ['0.33333333349', '0.50000000000']],
    [4, ['0.25000000000', '0.33333333349', '0.50000000000']],
    [6, ['0.16666666651', '0.20000000019', '0.25000000000', '0.33333333349', '0.50000000000']],
  ])('%i endpoints print %j', (n, expected) => {
    const rules = rulesOf(nat([webService()], [webSlice(eps(n))]), 'KUBE-SVC-CDGGSHYLG3RE2FKL').slice(1);
    expect(rules).toHaveLength(n);
    expect(rules.map((r) => / --probability (\S+)/.exec(r)?.[1]).filter(Boolean)).toEqual(expected);
    expect(rules[n - 1]).not.toContain('statistic');
  });
  it('sorts endpoints by their ip:port string, lexicographically', () => {
    const rules = rulesOf(nat([webService()], [webSlice([{ ip: '10.244.1.9', node: 'node01' }, { ip: '10.244.1.10', node: 'node01' }])]), 'KUBE-SVC-CDGGSHYLG3RE2FKL');
    expect(rules[1]).toContain('-> 10.244.1.10:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-GWQABTP5GBYXHJY5');
    expect(rules[2]).toContain('-> 10.244.1.9:8080" -j KUBE-SEP-2Z4PPZBSTLK4A5ZT');
  });
});

describe('session affinity ClientIP (REFERENCE §1.5)', () => {
  const lines = nat([webService({ sessionAffinity: 'ClientIP' })], [webSlice()]);
  it('adds recent --rcheck rules before the statistic rules and --set on DNAT', () => {
    expect(rulesOf(lines, 'KUBE-SVC-CDGGSHYLG3RE2FKL').slice(1)).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-AFGSLHOD2HFNCBX4 --mask 255.255.255.255 --rsource -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-2RIJ5GIYXEFH6G4D --mask 255.255.255.255 --rsource -j KUBE-SEP-2RIJ5GIYXEFH6G4D',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -j KUBE-SEP-2RIJ5GIYXEFH6G4D',
    ]);
    expect(lines).toContain('-A KUBE-SEP-AFGSLHOD2HFNCBX4 -p tcp -m comment --comment "default/web:http" -m recent --set --name KUBE-SEP-AFGSLHOD2HFNCBX4 --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.5:8080');
  });
});

describe('no usable endpoints (REFERENCE §1.6)', () => {
  const notReady = webSlice([{ ip: '10.244.1.5', node: 'node01', ready: false }]);
  const svc = webService({ type: 'NodePort', externalIPs: ['192.0.2.10'], ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }] });
  it('generates no nat chains and REJECTs in the filter table', () => {
    const n = nat([svc], [notReady]);
    expect(n.filter((l) => /KUBE-(SVC|SEP|EXT)-/.test(l))).toEqual([]);
    expect(rulesOf(n, 'KUBE-NODEPORTS')).toEqual([]);
    const f = filter([svc], [notReady]);
    expect(rulesOf(f, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ]);
    expect(rulesOf(f, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -d 192.0.2.10/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
    ]);
  });
  it('falls back to serving+terminating endpoints when none is ready', () => {
    const terminating = webSlice([{ ip: '10.244.1.5', node: 'node01', ready: false, serving: true, terminating: true }, { ip: '10.244.2.7', node: 'node02', ready: false, serving: false, terminating: true }]);
    expect(rulesOf(nat([webService()], [terminating]), 'KUBE-SVC-CDGGSHYLG3RE2FKL').slice(1)).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-AFGSLHOD2HFNCBX4',
    ]);
  });
  it('ignores terminating endpoints while a ready one exists', () => {
    const mixed = webSlice([{ ip: '10.244.1.5', node: 'node01', ready: false, serving: true, terminating: true }, { ip: '10.244.2.7', node: 'node02' }]);
    expect(rulesOf(nat([webService()], [mixed]), 'KUBE-SVC-CDGGSHYLG3RE2FKL').slice(1)).toEqual([
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -j KUBE-SEP-2RIJ5GIYXEFH6G4D',
    ]);
  });
});

const nodePortSvc = (extra: Partial<NonNullable<Service['spec']>> = {}, status?: Service['status']) =>
  webService({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }], ...extra }, status);

describe('NodePort (REFERENCE §1.7)', () => {
  it('adds the KUBE-NODEPORTS entry and the KUBE-EXT chain', () => {
    const lines = nat([nodePortSvc()], [webSlice()]);
    expect(lines).toContain(':KUBE-EXT-CDGGSHYLG3RE2FKL - [0:0]');
    expect(rulesOf(lines, 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-CDGGSHYLG3RE2FKL',
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL',
    ]);
    expect(rulesOf(nat([nodePortSvc()], [webSlice()], { ...baseConfig, nfacct: false }), 'KUBE-NODEPORTS')).toHaveLength(1);
    expect(rulesOf(lines, 'KUBE-EXT-CDGGSHYLG3RE2FKL')).toEqual([
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL',
    ]);
  });
  it('emits one NodePorts jump per matching node IP with --nodeport-addresses', () => {
    const lines = nat([nodePortSvc()], [webSlice()], { ...baseConfig, nodePortAddresses: ['172.18.0.0/16'] });
    expect(rulesOf(lines, 'KUBE-SERVICES').at(-1)).toBe('-A KUBE-SERVICES -d 172.18.0.3/32 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -j KUBE-NODEPORTS');
  });
  it('externalTrafficPolicy Local: short-circuits pod and host traffic, then KUBE-SVL with local endpoints', () => {
    const lines = nat([nodePortSvc({ externalTrafficPolicy: 'Local' })], [webSlice()]);
    expect(rulesOf(lines, 'KUBE-EXT-CDGGSHYLG3RE2FKL')).toEqual([
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web:http external destinations" -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade LOCAL traffic for default/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "route LOCAL traffic for default/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVL-CDGGSHYLG3RE2FKL',
    ]);
    expect(rulesOf(lines, 'KUBE-SVL-CDGGSHYLG3RE2FKL')).toEqual([
      '-A KUBE-SVL-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-AFGSLHOD2HFNCBX4',
    ]);
  });
  it('externalTrafficPolicy Local without a local endpoint DROPs external traffic', () => {
    const remoteOnly = webSlice([{ ip: '10.244.2.7', node: 'node02' }]);
    const n = nat([nodePortSvc({ externalTrafficPolicy: 'Local' })], [remoteOnly]);
    expect(rulesOf(n, 'KUBE-EXT-CDGGSHYLG3RE2FKL').at(-1)).toContain('route LOCAL traffic');
    expect(n.some((l) => l.includes('KUBE-SVL-'))).toBe(false);
    expect(rulesOf(filter([nodePortSvc({ externalTrafficPolicy: 'Local' })], [remoteOnly]), 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    ]);
  });
});

describe('housekeeping rules', () => {
  it('writes KUBE-FORWARD with the nfacct INVALID counter, or without it', () => {
    expect(rulesOf(filter([], []), 'KUBE-FORWARD')).toEqual([
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ]);
    expect(rulesOf(filter([], [], { nfacct: false }), 'KUBE-FORWARD')[0]).toBe('-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP');
    expect(rulesOf(filter([], [], { conntrackTCPLiberal: true }), 'KUBE-FORWARD')).toHaveLength(2);
  });
  it('writes kubelet\'s KUBE-FIREWALL rule and the jumps in kube-proxy order', () => {
    const f = filter([], []);
    expect(rulesOf(f, 'KUBE-FIREWALL')).toEqual([
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ]);
    expect(rulesOf(f, 'INPUT')).toEqual([
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A INPUT -j KUBE-FIREWALL',
    ]);
  });
  it('excludes localhost from NodePorts when localhostNodePorts is off', () => {
    expect(rulesOf(nat([], [], { localhostNodePorts: false }), 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES ! -d 127.0.0.0/8 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    ]);
  });
});

describe('LoadBalancer and externalIPs', () => {
  const lb = (extra: Partial<NonNullable<Service['spec']>> = {}) =>
    nodePortSvc({ type: 'LoadBalancer', ...extra }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } });
  it('sends LB IP traffic to KUBE-EXT', () => {
    expect(rulesOf(nat([lb()], [webSlice()]), 'KUBE-SERVICES')).toContain(
      '-A KUBE-SERVICES -d 203.0.113.7/32 -p tcp -m comment --comment "default/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-CDGGSHYLG3RE2FKL');
  });
  it('filters loadBalancerSourceRanges through KUBE-FW and KUBE-PROXY-FIREWALL', () => {
    const svc = lb({ loadBalancerSourceRanges: ['198.51.100.0/24'] });
    const n = nat([svc], [webSlice()]);
    expect(rulesOf(n, 'KUBE-SERVICES')).toContain('-A KUBE-SERVICES -d 203.0.113.7/32 -p tcp -m comment --comment "default/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-CDGGSHYLG3RE2FKL');
    expect(rulesOf(n, 'KUBE-FW-CDGGSHYLG3RE2FKL')).toEqual([
      '-A KUBE-FW-CDGGSHYLG3RE2FKL -s 198.51.100.0/24 -m comment --comment "default/web:http loadbalancer IP" -j KUBE-EXT-CDGGSHYLG3RE2FKL',
      '-A KUBE-FW-CDGGSHYLG3RE2FKL -m comment --comment "other traffic to default/web:http will be dropped by KUBE-PROXY-FIREWALL"',
    ]);
    expect(rulesOf(filter([svc], [webSlice()]), 'KUBE-PROXY-FIREWALL')).toEqual([
      '-A KUBE-PROXY-FIREWALL -d 203.0.113.7/32 -p tcp -m comment --comment "default/web:http traffic not accepted by KUBE-FW-CDGGSHYLG3RE2FKL" -m tcp --dport 80 -j DROP',
    ]);
  });
  it('accepts health checks on healthCheckNodePort', () => {
    const svc = lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 });
    expect(rulesOf(filter([svc], [webSlice()]), 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http health check node port" -m tcp --dport 32000 -j ACCEPT',
    ]);
  });
  it('captures externalIPs', () => {
    expect(rulesOf(nat([webService({ externalIPs: ['192.0.2.10'] })], [webSlice()]), 'KUBE-SERVICES')).toContain(
      '-A KUBE-SERVICES -d 192.0.2.10/32 -p tcp -m comment --comment "default/web:http external IP" -m tcp --dport 80 -j KUBE-EXT-CDGGSHYLG3RE2FKL');
  });
});

describe('internalTrafficPolicy Local', () => {
  it('routes the cluster IP to KUBE-SVL, or DROPs without a local endpoint', () => {
    const svc = webService({ internalTrafficPolicy: 'Local' });
    expect(rulesOf(nat([svc], [webSlice()]), 'KUBE-SERVICES')[0]).toContain('-j KUBE-SVL-CDGGSHYLG3RE2FKL');
    expect(rulesOf(filter([svc], [webSlice([{ ip: '10.244.2.7', node: 'node02' }])]), 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http has no local endpoints" -m tcp --dport 80 -j DROP',
    ]);
  });
});

describe('headless, ExternalName and UDP services', () => {
  it('skips headless and ExternalName services and lower-cases the protocol', () => {
    const headless = service('db', { clusterIP: 'None', ports: [{ port: 5432 }] });
    const ext = service('ext', { type: 'ExternalName', externalName: 'api.example.com' });
    const dns = service('kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }, undefined, 'kube-system');
    const dnsSlice = slice('kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }], [{ ip: '10.244.0.2', node: 'controlplane' }], 'kube-system');
    const lines = nat([headless, ext, dns], [dnsSlice]);
    expect(rulesOf(lines, 'KUBE-SERVICES')[0]).toBe('-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(rulesOf(lines, 'KUBE-SERVICES')).toHaveLength(2);
  });
});
