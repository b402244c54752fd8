/**
 * A NodePort hit from a node to its own address and to 127.0.0.1: locally generated packets go
 * through nat OUTPUT → KUBE-SERVICES, whose last rule sends `--dst-type LOCAL` to KUBE-NODEPORTS
 * (kube-proxy 1.34, iptables.localhostNodePorts true, route_localnet=1). IPVS mode skips 127/8.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Origin } from './types';
import { labCluster, service } from './testing/labCluster';

const np = service('np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
const node01: Origin = { kind: 'node', node: 'node01' };

describe('NodePort from the node itself', () => {
  it('iptables mode: the node address and localhost both reach an endpoint', () => {
    const lab = labCluster([np]);
    const port = (lab.sim.api.admin().get('services', 'default', 'np') as unknown as Service).spec!.ports![0]!.nodePort!;
    for (const ip of ['172.18.0.3', '127.0.0.1']) {
      const r = lab.net.httpRequest(node01, { ip, port });
      expect(r.response?.status).toBe(200);
      const rules = r.trace.hops.flatMap((h) => h.why).filter((w) => w.kind === 'rule').map((w) => (w as { text: string }).text);
      expect(rules.some((t) => t.startsWith('-A OUTPUT ') && t.includes('-j KUBE-SERVICES'))).toBe(true);
      expect(rules.some((t) => t.includes('--dst-type LOCAL -j KUBE-NODEPORTS'))).toBe(true);
    }
    // The localhost rule is the one kube-proxy counts with nfacct.
    const local = lab.net.httpRequest(node01, { ip: '127.0.0.1', port });
    expect(local.trace.hops.flatMap((h) => h.why).some((w) => w.kind === 'rule' && w.text.includes('localhost_nps_accepted_pkts'))).toBe(true);
    expect(local.trace.hops[0]!.before.src).toBe('127.0.0.1');
    // A port nothing translates is the node's own business: refused at once.
    expect(lab.net.tcpConnect(node01, '127.0.0.1', 31999).outcome.kind).toBe('refused');
  });

  it('IPVS mode: the node address works, localhost NodePorts do not', () => {
    const lab = labCluster([np], { ipvs: true });
    const port = (lab.sim.api.admin().get('services', 'default', 'np') as unknown as Service).spec!.ports![0]!.nodePort!;
    expect(lab.net.httpRequest(node01, { ip: '172.18.0.3', port }).response?.status).toBe(200);
    expect(lab.net.tcpConnect(node01, '127.0.0.1', port).outcome.kind).toBe('refused');
  });
});
