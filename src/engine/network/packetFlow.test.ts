/**
 * Packet-flow tables in kube-proxy's own style: {source, destination, port} → {endpoint | REJECT |
 * DROP, masquerade or not}, computed through the whole engine on a running cluster.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { labCluster, service } from './testing/labCluster';
import type { Origin } from './types';
import type { Place } from '../cluster/tools';

const web = (name: string, spec: Record<string, unknown> = {}) => service(name, { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }], ...spec });
const sick: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'sick', namespace: 'default' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'sick' } }, template: { metadata: { labels: { app: 'sick' } }, spec: { containers: [{ name: 'sick', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 81 }, periodSeconds: 2 } }] } } },
};

const lab = labCluster([
  web('web'),
  web('web-np', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080 }] }),
  web('web-lb', { type: 'LoadBalancer' }),
  web('web-aff', { sessionAffinity: 'ClientIP' }),
  web('web-local', { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30081 }] }),
  web('web-badport', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
  service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] }),
  service('sick', { selector: { app: 'sick' }, ports: [{ port: 80 }] }),
  sick,
]);
const admin = lab.sim.api.admin();
const svc = (name: string) => admin.get('services', 'default', name) as unknown as Service;
const clusterIP = (name: string) => svc(name).spec!.clusterIP!;
const webPods = lab.pods('app=web');
const webIPs = webPods.map((p) => p.status!.podIP!).sort();
const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
const clientIP = lab.pods('run=client')[0]!.status!.podIP!;
const node02: Place = { kind: 'node', node: 'node02' };
const fromNodeNet: Origin = { kind: 'outside', where: 'node-network' };
const fromInternet: Origin = { kind: 'outside', where: 'internet' };

type Expect = { endpoint: 'web' } | { refused: RegExp } | { timeout: RegExp };

describe('packet flows through the default cluster (iptables mode)', () => {
  it('has the pods it needs spread over the workers', () => {
    expect(webPods.map((p) => p.spec!.nodeName).sort()).toEqual(['node01', 'node02']);
    expect(webPods.every((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))).toBe(true);
  });

  const rows: { name: string; from: () => Origin; dst: () => string; port: number; want: Expect; masquerade: boolean }[] = [
    { name: 'pod → ClusterIP', from: () => client, dst: () => clusterIP('web'), port: 80, want: { endpoint: 'web' }, masquerade: false },
    { name: 'pod → pod IP (no NAT)', from: () => client, dst: () => webIPs[0]!, port: 80, want: { endpoint: 'web' }, masquerade: false },
    { name: 'node → ClusterIP (not from the pod CIDR: masqueraded)', from: () => node02, dst: () => clusterIP('web'), port: 80, want: { endpoint: 'web' }, masquerade: true },
    { name: 'pod → NodePort on another node', from: () => client, dst: () => '172.18.0.4', port: 30080, want: { endpoint: 'web' }, masquerade: true },
    { name: 'outside → NodePort', from: () => fromNodeNet, dst: () => '172.18.0.2', port: 30080, want: { endpoint: 'web' }, masquerade: true },
    { name: 'internet → LoadBalancer IP', from: () => fromInternet, dst: () => svc('web-lb').status!.loadBalancer!.ingress![0]!.ip!, port: 80, want: { endpoint: 'web' }, masquerade: true },
    { name: 'outside → ClusterIP (nothing routes it)', from: () => fromNodeNet, dst: () => clusterIP('web'), port: 80, want: { timeout: /no host answers/ }, masquerade: false },
    { name: 'no endpoints → REJECT', from: () => client, dst: () => clusterIP('nobody'), port: 80, want: { refused: /^no ready endpoints: KUBE-SERVICES REJECT rule: -A KUBE-SERVICES -d [\d.]+\/32 -p tcp -m comment --comment "default\/nobody has no endpoints"/ }, masquerade: false },
    { name: 'only not-ready pods → REJECT', from: () => client, dst: () => clusterIP('sick'), port: 80, want: { refused: /has no endpoints/ }, masquerade: false },
    { name: 'wrong targetPort → refused by the pod', from: () => client, dst: () => clusterIP('web-badport'), port: 80, want: { refused: /nothing listens on 10\.244\.\d+\.\d+:8080 in default\/web-.*TCP RST/ }, masquerade: false },
    { name: 'outside → Local-policy NodePort on a node without a local endpoint → DROP', from: () => fromNodeNet, dst: () => '172.18.0.2', port: 30081, want: { timeout: /^dropped: KUBE-EXTERNAL-SERVICES DROP rule: .*"default\/web-local:http has no local endpoints"/ }, masquerade: false },
    { name: 'outside → Local-policy NodePort on a node with a local endpoint: source kept', from: () => fromNodeNet, dst: () => '172.18.0.3', port: 30081, want: { endpoint: 'web' }, masquerade: false },
    // kube-proxy sends pod traffic to KUBE-SVC without masquerading it, so the backend answers the
    // client pod directly, bypassing the node that did the DNAT: the connection never completes.
    { name: 'pod → Local-policy NodePort on another node → asymmetric reply, times out', from: () => client, dst: () => '172.18.0.2', port: 30081, want: { timeout: /asymmetric routing/ }, masquerade: false },
    { name: 'ClusterIP on a port the Service lacks → no rule, lost', from: () => client, dst: () => clusterIP('web'), port: 81, want: { timeout: /no host answers/ }, masquerade: false },
  ];

  it.each(rows)('$name', ({ from, dst, port, want, masquerade }) => {
    const r = lab.net.tcpConnect(from(), dst(), port, { timeoutMs: 5000 });
    if ('endpoint' in want) {
      expect(r.outcome.kind, JSON.stringify(r.outcome)).toBe('delivered');
      expect(webIPs).toContain(r.delivery!.ip);
      const sent = r.trace.hops[0]!.before;
      expect(`${r.delivery!.seenSrc}:${r.delivery!.seenSport}` !== `${sent.src}:${sent.sport}`).toBe(masquerade);
    } else if ('refused' in want) {
      expect(r.outcome.kind).toBe('refused');
      expect((r.outcome as { reason: string }).reason).toMatch(want.refused);
    } else {
      expect(r.outcome.kind).toBe('timeout');
      expect((r.outcome as { reason: string }).reason).toMatch(want.timeout);
    }
  });

  it('reaches both backends, same-node and cross-node, with the routes that decide it', () => {
    const seen = new Map<string, string[]>();
    for (let i = 0; i < 40; i++) {
      const r = lab.net.tcpConnect(client, clusterIP('web'), 80);
      const routes = r.trace.hops.filter((h) => h.where.kind === 'node').flatMap((h) => h.why.flatMap((w) => (w.kind === 'route' ? [w.text] : [])));
      seen.set(r.delivery!.ip, routes);
    }
    expect([...seen.keys()].sort()).toEqual(webIPs);
    const local = webPods.find((p) => p.spec!.nodeName === 'node01')!.status!.podIP!;
    const remote = webPods.find((p) => p.spec!.nodeName === 'node02')!.status!.podIP!;
    expect(seen.get(local)).toContain('10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1');
    expect(seen.get(remote)).toContain('10.244.2.0/24 via 172.18.0.4 dev eth0');
  });

  it('ClientIP affinity keeps one client on one endpoint', () => {
    const first = lab.net.tcpConnect(client, clusterIP('web-aff'), 80).delivery!.ip;
    for (let i = 0; i < 20; i++) expect(lab.net.tcpConnect(client, clusterIP('web-aff'), 80).delivery!.ip).toBe(first);
  });

  it('splits connections about evenly between two endpoints (statistic 0.5)', () => {
    const counts: Record<string, number> = {};
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const ip = lab.net.tcpConnect(client, clusterIP('web'), 80).delivery!.ip;
      counts[ip] = (counts[ip] ?? 0) + 1;
    }
    for (const ip of webIPs) expect(Math.abs(counts[ip]! / n - 0.5)).toBeLessThan(0.05);
  });

  it('every hop names the rule text, and the DNAT hop names Service and endpoint', () => {
    const r = lab.net.httpRequest(client, { ip: clusterIP('web'), port: 80 });
    expect(r.response?.status).toBe(200);
    const dnat = r.trace.hops.find((h) => h.where.chain === 'PREROUTING' && h.before.dst !== h.after.dst)!;
    expect(dnat.why.some((w) => w.kind === 'rule' && w.text.startsWith('-A KUBE-SERVICES -d ') && w.text.includes('"default/web:http cluster IP"'))).toBe(true);
    expect(dnat.why.some((w) => w.kind === 'rule' && /-j DNAT --to-destination 10\.244\.\d+\.\d+:80$/.test(w.text))).toBe(true);
    expect(dnat.why).toContainEqual({ kind: 'service', namespace: 'default', name: 'web', port: 'http' });
    expect(r.trace.hops.map((h) => h.step)).toEqual(r.trace.hops.map((_, i) => i));
    expect(r.trace.rulesTraversed).toBeGreaterThan(0);
  });

  it('the server sees the client pod IP (no SNAT) and logs it', () => {
    const r = lab.net.httpRequest(client, { ip: clusterIP('web'), port: 80, userAgent: 'curl/8.5.0' });
    expect(r.delivery!.seenSrc).toBe(clientIP);
  });

  it('ping: pod IPs answer with TTL 64 on the same node and 62 across nodes; a ClusterIP never answers', () => {
    const local = webPods.find((p) => p.spec!.nodeName === 'node01')!.status!.podIP!;
    const remote = webPods.find((p) => p.spec!.nodeName === 'node02')!.status!.podIP!;
    expect(lab.net.ping(client, local).reply?.ttl).toBe(64);
    expect(lab.net.ping(client, remote).reply?.ttl).toBe(62);
    const vip = lab.net.ping(client, clusterIP('web'));
    expect(vip.reply).toBeUndefined();
    expect(vip.outcome.kind).toBe('timeout');
  });

  it('same seed, same commands, same trace', () => {
    const a = labCluster([web('web')], { seed: 'twin' });
    const b = labCluster([web('web')], { seed: 'twin' });
    const ip = (l: typeof a) => (l.sim.api.admin().get('services', 'default', 'web') as unknown as Service).spec!.clusterIP!;
    const ta = a.net.tcpConnect(client, ip(a), 80).trace;
    const tb = b.net.tcpConnect(client, ip(b), 80).trace;
    expect(ta).toEqual(tb);
  });
});
