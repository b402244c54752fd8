import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Place } from '../cluster/tools';
import { kubeadmCorefile, loadCorefile } from '../dns';
import { networkOf } from '../network/Network';
import { corefileListeners } from './corednsProcess';
import type { PodObject } from '../sim/kinds';
import { Simulation } from '../sim/Simulation';
import { clusterDns, resolveFromPod } from './resolveFromPod';
import { logLines, runPod, runTool } from './testing';
import { nslookupFlavour } from './toolset';

const DNSUTILS = 'gcr.io/kubernetes-e2e-test-images/dnsutils:1.3';

function withService(seed: string): { sim: Simulation; ip: string } {
  const sim = new Simulation({ seed });
  clusterDns(sim);
  const svc = sim.api.admin().create<Service & KubeObject>('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  return { sim, ip: svc.spec!.clusterIP! };
}

describe('queries are packets', () => {
  it('each query is a UDP exchange DNATed from 10.96.0.10:53 to the CoreDNS pod that answered it', () => {
    const { sim, ip } = withService('trace');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const r = resolveFromPod(sim, place, 'web');
    expect(r.addresses).toEqual([ip]);
    expect(r.traces).toHaveLength(r.steps.length);
    const corednsIPs = clusterDns(sim).instances().map((i) => i.ip);
    r.traces.forEach((t, i) => {
      expect(t.request).toMatchObject({ protocol: 'udp', dst: '10.96.0.10', dport: 53 });
      expect(t.outcome.kind).toBe('delivered');
      expect(corednsIPs).toContain(r.hops[i]!.endpoint!.ip);
      expect(t.hops.some((h) => h.before.dst === '10.96.0.10' && h.after.dst === r.hops[i]!.endpoint!.ip)).toBe(true);
    });
  });

  it('the network resolves names for curl and friends through the hook, with the walk for the Trace', () => {
    const { sim, ip } = withService('hook');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const r = networkOf(sim).resolve(place, 'web.default');
    expect(r.addresses).toEqual([ip]);
    expect(r.dns!.name).toBe('web.default');
    expect((r.dns!.steps as { text: string }[]).map((s) => s.text)).toEqual([
      'web.default.default.svc.cluster.local A → NXDOMAIN',
      'web.default.default.svc.cluster.local AAAA → NXDOMAIN',
      `web.default.svc.cluster.local A → ${ip}`,
      'web.default.svc.cluster.local AAAA → NODATA',
    ]);
    expect(networkOf(sim).resolve(place, 'nope').addresses).toEqual([]);
  });

  it('/etc/hosts answers the pod its own name without a query', () => {
    const { sim } = withService('hosts');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const own = sim.api.admin().get<PodObject>('pods', 'default', 'dnsutils').status!.podIP!;
    const r = resolveFromPod(sim, place, 'dnsutils');
    expect(r).toMatchObject({ addresses: [own], fromHosts: true, steps: [] });
    const g = runTool(sim, place, ['getent', 'hosts', 'dnsutils']);
    expect(g.stdout).toBe(`${own.padEnd(15)} dnsutils\n`);
  });
});

describe('from a node', () => {
  it('the node resolver answers Internet names; cluster names need @10.96.0.10', () => {
    const sim = new Simulation({ seed: 'node' });
    clusterDns(sim);
    const node = { kind: 'node' as const, node: 'node01' };
    const r = resolveFromPod(sim, node, 'kubernetes.io');
    expect(r.addresses).toEqual(['15.197.167.90', '3.33.186.135']);
    expect(r.traces[0]!.hops.at(-1)!.where.machine).toBe('outside:node-resolver');
    expect(runTool(sim, node, ['nslookup', 'kubernetes.default.svc.cluster.local']).stdout).toBe('Server:\t\t172.18.0.1\nAddress:\t172.18.0.1#53\n\n** server can\'t find kubernetes.default.svc.cluster.local: NXDOMAIN\n\n');
    expect(runTool(sim, node, ['dig', '@10.96.0.10', '+short', 'kubernetes.default.svc.cluster.local']).stdout).toBe('10.96.0.1\n');
  });
});

describe('CoreDNS pods follow the Deployment', () => {
  it('replacement pods log the real startup lines and serve once ready', () => {
    const sim = new Simulation({ seed: 'startup' });
    clusterDns(sim);
    const a = sim.api.admin();
    for (const p of a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items) a.delete('pods', 'kube-system', p.metadata.name!);
    sim.advance(60_000);
    const inst = clusterDns(sim).instances();
    expect(inst).toHaveLength(2);
    for (const i of inst) {
      expect(logLines(sim, i).slice(0, 4)).toEqual(['.:53', expect.stringMatching(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/), 'CoreDNS-1.12.1', 'linux/amd64, go1.24.1, 707c7c1']);
    }
  });

  it('restoring a snapshot does not change what happens next', () => {
    const run = (restore: boolean) => {
      const sim = new Simulation({ seed: 'transparent' });
      clusterDns(sim);
      const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
      if (restore) sim.restore(sim.snapshot());
      sim.advance(45_000);
      return runTool(sim, place, ['dig', 'kubernetes.default.svc.cluster.local']).stdout;
    };
    expect(run(true)).toBe(run(false));
  });

  it('keeps working after a snapshot is restored', () => {
    const { sim, ip } = withService('restore');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    sim.restore(sim.snapshot());
    expect(resolveFromPod(sim, place, 'web').addresses).toEqual([ip]);
  });
});

describe('what a Corefile listens on', () => {
  it.each([
    ['kubeadm', kubeadmCorefile(), ['53/UDP', '53/TCP', '8080/TCP', '8181/TCP', '9153/TCP']],
    ['two blocks, moved health', '.:53 {\n  health :8081\n  forward . 8.8.8.8\n}\nexample.org:5353 {\n  log\n}\n', ['53/UDP', '53/TCP', '5353/UDP', '5353/TCP', '8081/TCP']],
  ])('%s', (_name, corefile, expected) => {
    expect(corefileListeners(loadCorefile(corefile)).map((l) => `${l.port}/${l.protocol}`)).toEqual(expected);
  });
});

describe('tools', () => {
  it.each([
    ['gcr.io/kubernetes-e2e-test-images/dnsutils:1.3', 'bind-dnsutils'],
    ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'bind-dnsutils'],
    ['nicolaka/netshoot', 'bind-9.18'],
    ['ubuntu:24.04', 'bind-9.18'],
    ['debian', 'bind-9.18'],
    ['busybox:1.28', 'busybox-1.28'],
    ['busybox:1.28.4', 'busybox-1.28'],
    ['busybox', 'busybox-1.36'],
    ['busybox:1.36.1', 'busybox-1.36'],
    ['curlimages/curl', 'busybox-1.36'],
  ])('%s ships the %s nslookup', (image, flavour) => {
    expect(nslookupFlavour(image)).toBe(flavour);
  });

  it('a timed-out lookup finishes when virtual time gets there if the session does not control time', () => {
    const sim = new Simulation({ seed: 'job' });
    clusterDns(sim);
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    // Nothing has 10.255.255.1: the query leaves through the default route and is lost.
    const r = runTool(sim, place, ['dig', '+short', '@10.255.255.1', 'kubernetes.default.svc.cluster.local'], false);
    const job = r.effects!.job!;
    const due = job.wakeAt()!;
    expect(job.poll(due - 1)).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(job.poll(due)).toBe(9);
    expect(r.stdout).toBe(';; communications error to 10.255.255.1#53: timed out\n;; communications error to 10.255.255.1#53: timed out\n;; communications error to 10.255.255.1#53: timed out\n;; no servers could be reached\n');
  });

  it('kube-dns without endpoints: each tool prints its own "connection refused", at once or after its own wait', () => {
    const sim = new Simulation({ seed: 'refused' });
    clusterDns(sim);
    const bind918 = runPod(sim, 'default', 'netshoot', { image: 'nicolaka/netshoot' });
    const old = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const bb136 = runPod(sim, 'default', 'bb', { image: 'busybox:1.36' });
    const bb128 = runPod(sim, 'default', 'bb128', { image: 'busybox:1.28' });
    const d = sim.api.admin().get<KubeObject & { spec: { replicas: number } }>('deployments.apps', 'kube-system', 'coredns');
    sim.api.admin().update('deployments.apps', 'kube-system', { ...d, spec: { ...d.spec, replicas: 0 } });
    sim.advance(30_000);
    const refused = ';; communications error to 10.96.0.10#53: connection refused\n';
    const run = (place: Place, argv: string[]) => {
      const r = runTool(sim, place, argv, false);
      const wait = r.effects?.job?.wakeAt();
      if (wait !== undefined) r.effects!.job!.poll(wait);
      return { stdout: r.stdout, stderr: r.stderr, waitedMs: wait === undefined ? 0 : wait - sim.clock.now() };
    };
    expect(run(bind918, ['dig', '+short', 'kubernetes.default.svc.cluster.local'])).toEqual({ stdout: `${refused.repeat(3)};; no servers could be reached\n`, stderr: '', waitedMs: 0 });
    expect(run(bind918, ['nslookup', 'kubernetes'])).toEqual({ stdout: `${refused.repeat(3)};; no servers could be reached\n\n`, stderr: '', waitedMs: 0 });
    expect(run(bind918, ['host', 'kubernetes'])).toEqual({ stdout: `${refused.repeat(2)};; no servers could be reached\n`, stderr: '', waitedMs: 0 });
    expect(run(bind918, ['getent', 'hosts', 'kubernetes'])).toEqual({ stdout: '', stderr: '', waitedMs: 0 });
    // BIND 9.9's unconnected UDP socket never sees the ICMP error: it waits out its timeouts.
    expect(run(old, ['nslookup', 'kubernetes'])).toEqual({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', waitedMs: 10_000 });
    // busybox 1.36 reads a connected socket: read() fails per round of sends, it still waits 5 s.
    expect(run(bb136, ['nslookup', 'kubernetes'])).toEqual({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: 'nslookup: read: Connection refused\nnslookup: read: Connection refused\n', waitedMs: 5000 });
    expect(run(bb128, ['nslookup', 'kubernetes'])).toEqual({ stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n', stderr: "nslookup: can't resolve 'kubernetes'\n", waitedMs: 0 });
  });
});
