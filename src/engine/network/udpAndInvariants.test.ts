/** The UDP contract CoreDNS relies on, and invariants of every trace (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Place } from '../cluster/tools';
import { labCluster, service } from './testing/labCluster';
import type { Origin, UdpDatagram } from './types';

const web = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] });
const nobody = service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });
const lab = labCluster([web, nobody]);
const admin = lab.sim.api.admin();
const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
const clientIP = lab.pods('run=client')[0]!.status!.podIP!;

describe('UDP exchange (the DNS engineer\'s contract)', () => {
  const seen: UdpDatagram[] = [];
  lab.net.listenUdp(53, (d) => {
    seen.push(d);
    return d.pod?.namespace === 'kube-system' ? { answer: `from ${d.pod.name}`, question: d.payload } : undefined;
  });

  it('DNATs kube-dns to a CoreDNS pod, hands the handler the datagram, and returns its reply', () => {
    const r = lab.net.udpExchange<{ answer: string; question: unknown }>(client, '10.96.0.10', 53, { q: 'web.default.svc.cluster.local' });
    expect(r.outcome.kind).toBe('delivered');
    expect(r.reply).toEqual({ answer: expect.stringMatching(/^from coredns-/), question: { q: 'web.default.svc.cluster.local' } });
    const d = seen.at(-1)!;
    expect(d).toMatchObject({ dstPort: 53, srcIp: clientIP, pod: { namespace: 'kube-system' } });
    expect(d.dstIp).not.toBe('10.96.0.10');
    const entry = lab.net.conntrack('node01').find((e) => e.protocol === 'udp' && e.orig.dst === '10.96.0.10');
    expect(entry).toMatchObject({ assured: false, unreplied: false, reply: { src: d.dstIp, dst: clientIP, sport: 53 } });
  });

  it('answers ICMP port unreachable (refused) when the handler does not serve that pod', () => {
    const web0 = lab.pods('app=web')[0]!.status!.podIP!;
    const r = lab.net.udpExchange(client, web0, 53, {});
    expect(r.outcome).toEqual({ kind: 'refused', reason: `nothing listens on UDP ${web0}:53: the kernel answered ICMP port unreachable` });
    expect(r.reply).toBeUndefined();
  });

  it('times out when nothing routes the address', () => {
    const r = lab.net.udpExchange(client, '10.96.0.99', 53, {}, { timeoutMs: 5000 });
    expect(r.outcome.kind).toBe('timeout');
    expect(r.trace.elapsedMs).toBe(5000);
  });
});

describe('trace invariants', () => {
  const services = ['web', 'nobody', 'kube-dns', 'kubernetes'].map((n) => admin.list('services', undefined).items.find((s) => s.metadata.name === n) as unknown as Service);
  const readyEndpoints = (svc: Service) =>
    (admin.list('endpointslices.discovery.k8s.io', svc.metadata!.namespace, { labelSelector: `kubernetes.io/service-name=${svc.metadata!.name}` }).items as unknown as EndpointSlice[])
      .flatMap((s) => s.endpoints.filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses));
  const origins: Origin[] = [client, { kind: 'node', node: 'node02' }, { kind: 'node', node: 'controlplane' }, { kind: 'outside', where: 'node-network' }];

  it('a delivered connection to a ClusterIP lands on a ready endpoint; hops are numbered and chained', () => {
    fc.assert(
      fc.property(fc.constantFrom(...origins), fc.constantFrom(...services), fc.nat(2), (from, svc, portIndex) => {
        const ports = svc.spec!.ports!;
        const port = ports[portIndex % ports.length]!;
        const r = port.protocol === 'UDP' ? lab.net.udpExchange(from, svc.spec!.clusterIP!, port.port, {}) : lab.net.tcpConnect(from, svc.spec!.clusterIP!, port.port, { timeoutMs: 1000 });
        r.trace.hops.forEach((h, i) => expect(h.step).toBe(i));
        for (let i = 1; i < r.trace.hops.length; i++) {
          const prev = r.trace.hops[i - 1]!.after;
          const cur = r.trace.hops[i]!.before;
          if (r.trace.hops[i]!.where.table !== 'conntrack') expect(cur.dst, JSON.stringify(r.trace.hops[i])).toBe(prev.dst);
        }
        if (r.outcome.kind === 'delivered' && from.kind !== 'outside') expect(readyEndpoints(svc)).toContain(r.delivery!.ip);
        if (svc.metadata!.name === 'nobody' && from.kind !== 'outside') expect(r.outcome.kind).toBe('refused');
      }),
      { numRuns: 60 },
    );
  });
});
