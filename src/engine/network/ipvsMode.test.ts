/** IPVS mode: chosen in the kube-proxy ConfigMap, applied when kube-proxy's pods restart. */
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Place } from '../cluster/tools';
import type { PodObject } from '../sim/kinds';
import { parseKubeProxyConfiguration } from './KubeProxyComponent';
import { labCluster, service } from './testing/labCluster';

const client: Place = { kind: 'container', namespace: 'default', pod: 'client', container: 'client', node: 'node01' };
const web = service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] });
const nobody = service('nobody', { selector: { app: 'nobody' }, ports: [{ port: 80 }] });

describe('kube-proxy configuration', () => {
  it.each([
    ['mode: ""\nclusterCIDR: 10.244.0.0/16', { clusterCIDR: '10.244.0.0/16' }],
    ['mode: ipvs\nipvs:\n  scheduler: lc', { mode: 'ipvs', ipvsScheduler: 'lc' }],
    ['mode: ipvs\nipvs:\n  scheduler: ""', { mode: 'ipvs' }],
    ['mode: iptables\niptables:\n  masqueradeAll: true', { masqueradeAll: true }],
    [': not yaml: [', {}],
  ])('%j → %j', (text, want) => {
    expect(parseKubeProxyConfiguration(text)).toEqual(want);
  });

  it('an edited ConfigMap changes nothing until the kube-proxy pods restart', () => {
    const lab = labCluster([web]);
    let admin = lab.sim.api.admin();
    const ip = (admin.get('services', 'default', 'web') as unknown as Service).spec!.clusterIP!;
    expect(lab.net.proxies.proxy('node01')!.config.mode).toBe('iptables');
    const cm = admin.get('configmaps', 'kube-system', 'kube-proxy') as unknown as { data: Record<string, string> };
    cm.data['config.conf'] = cm.data['config.conf']!.replace('mode: ""', 'mode: ipvs');
    admin.update('configmaps', 'kube-system', cm as never);
    lab.sim.advance(1000);
    expect(lab.net.proxies.proxy('node01')!.config.mode).toBe('iptables');
    // Still so after a snapshot round trip: kube-proxy rebuilt on restore keeps what it started with.
    lab.sim.restore(lab.sim.snapshot());
    expect(lab.net.proxies.proxy('node01')!.config.mode).toBe('iptables');
    admin = lab.sim.api.admin();
    // kubectl -n kube-system rollout restart / delete pod: the DaemonSet recreates them.
    for (const p of admin.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).items) admin.delete('pods', 'kube-system', p.metadata.name!);
    lab.sim.runUntilSettled();
    expect(lab.net.proxies.proxy('node01')!.config.mode).toBe('ipvs');
    const r = lab.net.tcpConnect(client, ip, 80);
    expect(r.outcome.kind).toBe('delivered');
    expect(r.trace.hops.some((h) => h.where.table === 'ipvs' && h.where.interface === 'kube-ipvs0')).toBe(true);
  });
});

describe('packet flows in IPVS mode', () => {
  const lab = labCluster([web, nobody], { ipvs: true });
  const admin = lab.sim.api.admin();
  const ip = (name: string) => (admin.get('services', 'default', name) as unknown as Service).spec!.clusterIP!;
  const webIPs = lab.pods('app=web').map((p) => p.status!.podIP!).sort();

  it('round-robins over the real servers', () => {
    const picks = Array.from({ length: 4 }, () => lab.net.tcpConnect(client, ip('web'), 80).delivery!.ip);
    expect(new Set(picks.slice(0, 2))).toEqual(new Set(webIPs));
    expect(picks.slice(2)).toEqual(picks.slice(0, 2));
  });

  it('refuses when the virtual server has no real servers', () => {
    const r = lab.net.tcpConnect(client, ip('nobody'), 80);
    expect(r.outcome).toEqual({ kind: 'refused', reason: expect.stringMatching(/^no ready endpoints: IPVS virtual server TCP [\d.]+:80 has no real servers$/) });
  });

  it('rejects a ping to a ClusterIP: it is local on kube-ipvs0, and KUBE-IPVS-FILTER rejects what is no Service port', () => {
    const r = lab.net.ping(client, ip('web'));
    expect(r.reply).toBeUndefined();
    expect(r.error).toEqual({ from: ip('web'), message: 'Destination Port Unreachable' });
    expect(r.trace.hops.some((h) => h.why.some((w) => w.kind === 'rule' && w.text.includes('KUBE-IPVS-FILTER') && w.text.includes('--match-set KUBE-IPVS-IPS dst -j REJECT')))).toBe(true);
  });

  it('counts the closed connections as InActConn in ipvsadm', () => {
    const st = lab.net.conntrack('node01');
    expect(st.some((e) => e.state === 'TIME_WAIT' && e.orig.dst === ip('web'))).toBe(true);
  });

  it('traverses a constant number of iptables rules whatever the Service count', () => {
    const traversedByEndpoint = () => {
      const m = new Map<string, number>();
      for (let i = 0; i < 4; i++) {
        const r = lab.net.tcpConnect(client, ip('web'), 80);
        m.set(r.delivery!.ip, r.trace.rulesTraversed);
      }
      return m;
    };
    const before = traversedByEndpoint();
    for (let i = 0; i < 30; i++) lab.apply(service(`extra-${i}`, { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    lab.sim.runUntilSettled();
    expect(traversedByEndpoint()).toEqual(before);
  });
});
