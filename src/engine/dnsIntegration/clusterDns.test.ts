import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Service } from 'kubernetes-types/core/v1';
import { makeQuery } from '../dns';
import type { PodObject } from '../sim/kinds';
import { Simulation } from '../sim/Simulation';
import { clusterDns, resolveFromPod } from './resolveFromPod';
import { logLines, runPod, runTool } from './testing';

type ServiceObject = Service & KubeObject;

/** Expands tabs to 8-column stops, as the terminal the seed was copied from shows them. */
function expandTabs(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
      return out;
    })
    .join('\n');
}

function freshSim(seed = 'dns-live'): Simulation {
  const sim = new Simulation({ seed });
  clusterDns(sim);
  return sim;
}

const DNSUTILS = 'gcr.io/kubernetes-e2e-test-images/dnsutils:1.3';

describe('seed 002: nslookup kubernetes from a dnsutils pod', () => {
  it('prints the answer the chapter quotes, through a CoreDNS pod', () => {
    const sim = freshSim();
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const r = runTool(sim, place, ['nslookup', 'kubernetes']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(expandTabs(r.stdout)).toBe('Server:         10.96.0.10\nAddress:        10.96.0.10#53\n\nName:   kubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
  });
});

describe('seed sd-example: the jump pod in dev', () => {
  function sdExample(sim: Simulation): Record<string, string> {
    const a = sim.api.admin();
    const ips: Record<string, string> = {};
    for (const ns of ['dev', 'prod']) {
      a.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      a.create('deployments.apps', ns, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'enterprise', namespace: ns, labels: { app: 'enterprise' } },
        spec: { selector: { matchLabels: { app: 'enterprise' } }, replicas: 2, template: { metadata: { labels: { app: 'enterprise' } }, spec: { containers: [{ image: `nigelpoulton/k8sbook:text-${ns}`, name: 'enterprise-ctr', ports: [{ containerPort: 8080 }] }] } } },
      });
      const svc = a.create<ServiceObject>('services', ns, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ent', namespace: ns }, spec: { selector: { app: 'enterprise' }, ports: [{ port: 8080 }], type: 'ClusterIP' } });
      ips[ns] = svc.spec!.clusterIP!;
    }
    return ips;
  }

  it('ent resolves to dev, ent.prod.svc.cluster.local to prod, and the walk is recorded', () => {
    const sim = freshSim('sd');
    const ips = sdExample(sim);
    const jump = runPod(sim, 'dev', 'jump', { image: 'ubuntu', tty: true, stdin: true, command: undefined });
    const dev = resolveFromPod(sim, jump, 'ent');
    expect(dev.addresses).toEqual([ips['dev']]);
    expect(dev.name).toBe('ent.dev.svc.cluster.local.');
    expect(dev.walk).toEqual([`ent.dev.svc.cluster.local A → ${ips['dev']}`, 'ent.dev.svc.cluster.local AAAA → NODATA']);
    const prod = resolveFromPod(sim, jump, 'ent.prod.svc.cluster.local');
    expect(prod.addresses).toEqual([ips['prod']]);
    // ndots:5: four dots are too few, so the search list is walked first (REFERENCE §3.4).
    expect(prod.walk.slice(0, 2)).toEqual(['ent.prod.svc.cluster.local.dev.svc.cluster.local A → NXDOMAIN', 'ent.prod.svc.cluster.local.dev.svc.cluster.local AAAA → NXDOMAIN']);
    expect(prod.walk.at(-2)).toBe(`ent.prod.svc.cluster.local A → ${ips['prod']}`);
    // Every query went to the kube-dns Service and was DNATed to one of the CoreDNS pods.
    const corednsIPs = clusterDns(sim).instances().map((i) => i.ip);
    for (const hop of prod.hops) {
      expect(hop.service).toBe('kube-system/kube-dns');
      expect(corednsIPs).toContain(hop.endpoint!.ip);
    }
  });
});

describe('seed 004: busybox nslookup nginx', () => {
  it('answers in the 1.28 applet format and in the current one', () => {
    const sim = freshSim('bb');
    const a = sim.api.admin();
    const svc = a.create<ServiceObject>('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } });
    const ip = svc.spec!.clusterIP!;
    const old = runPod(sim, 'default', 'busybox', { image: 'busybox:1.28' });
    const r = runTool(sim, old, ['nslookup', 'nginx']);
    expect(r.stdout).toBe(`Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      nginx\nAddress 1: ${ip} nginx.default.svc.cluster.local\n`);
    const cur = runPod(sim, 'default', 'busybox2', { image: 'busybox' });
    const r2 = runTool(sim, cur, ['nslookup', 'nginx']);
    expect(r2.stdout).toContain(`Name:\tnginx.default.svc.cluster.local\nAddress: ${ip}\n`);
  });
});

describe('faults', () => {
  it('deleting the CoreDNS pods breaks resolution until the Deployment replaces them', () => {
    const sim = freshSim('faults');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const a = sim.api.admin();
    for (const p of a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items) a.delete('pods', 'kube-system', p.metadata.name!);
    // CoreDNS's lameduck keeps the old processes answering for 5 s; after that nothing does.
    sim.advance(6000);
    const before = sim.clock.now();
    const down = runTool(sim, place, ['nslookup', 'kubernetes']);
    expect(down.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(down.exitCode).toBe(1);
    // resolv.conf has no `options attempts`/`timeout`: two tries of 5 s each, then the shell gets the prompt back.
    expect(sim.clock.now() - before).toBe(10_000);
    sim.advance(60_000);
    const up = runTool(sim, place, ['nslookup', 'kubernetes']);
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toContain('Address: 10.96.0.1\n');
  });

  it('scaling coredns to 0 and breaking the kube-dns selector both break it', () => {
    const sim = freshSim('faults2');
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const a = sim.api.admin();
    const svc = a.get<KubeObject & { spec: { selector: Record<string, string> } }>('services', 'kube-system', 'kube-dns');
    a.update('services', 'kube-system', { ...svc, spec: { ...svc.spec, selector: { 'k8s-app': 'kube-dnss' } } });
    sim.advance(2000);
    // No endpoints: KUBE-SERVICES REJECTs the query, the resolver gets ICMP port unreachable at once.
    const broken = resolveFromPod(sim, place, 'kubernetes');
    expect(broken.status).toBe('refused');
    expect(broken.elapsedMs).toBe(0);
    a.update('services', 'kube-system', { ...a.get('services', 'kube-system', 'kube-dns'), spec: { ...svc.spec } });
    sim.advance(2000);
    expect(resolveFromPod(sim, place, 'kubernetes').addresses).toEqual(['10.96.0.1']);
    const d = a.get<KubeObject & { spec: { replicas: number } }>('deployments.apps', 'kube-system', 'coredns');
    a.update('deployments.apps', 'kube-system', { ...d, spec: { ...d.spec, replicas: 0 } });
    sim.advance(30_000);
    expect(clusterDns(sim).instances()).toEqual([]);
    const r = resolveFromPod(sim, place, 'kubernetes');
    expect(r.status).toBe('refused');
    expect(r.walk[0]).toBe('kubernetes.default.svc.cluster.local A → connection refused');
    expect(r.hops[0]!.failure).toMatch(/^no ready endpoints: KUBE-SERVICES REJECT/);
    expect(r.hops[0]!.service).toBe('kube-system/kube-dns');
  });

  it('a Corefile syntax error crashes new CoreDNS pods into CrashLoopBackOff with the real line', () => {
    const sim = freshSim('corefile');
    const a = sim.api.admin();
    const cm = a.get<KubeObject & { data: Record<string, string> }>('configmaps', 'kube-system', 'coredns');
    a.update('configmaps', 'kube-system', { ...cm, data: { Corefile: cm.data['Corefile']!.replace('    loop\n', '    loopp\n') } });
    for (const p of a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items) a.delete('pods', 'kube-system', p.metadata.name!);
    sim.advance(90_000);
    const pods = a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      const st = p.status!.containerStatuses![0]!;
      expect(st.restartCount).toBeGreaterThan(0);
      expect(st.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      const prev = sim.kubelet(p.spec!.nodeName!)!.logs('kube-system', p.metadata.name!, 'coredns', true)!.map((l) => l.line);
      expect(prev).toEqual(["/etc/coredns/Corefile:20 - Error during parsing: Unknown directive 'loopp'"]);
    }
    sim.advance(30_000);
    const states = a.list<PodObject>('pods', 'kube-system', { labelSelector: 'k8s-app=kube-dns' }).items.map((p) => p.status!.containerStatuses![0]!.state!.waiting?.reason);
    expect(states).toContain('CrashLoopBackOff');
    expect(clusterDns(sim).instances()).toEqual([]);
  });
});

describe('CoreDNS pods as processes', () => {
  it('new pods log the startup lines, the log plugin adds query lines, reload applies an edited Corefile', () => {
    const sim = freshSim('logs');
    const a = sim.api.admin();
    const cm = a.get<KubeObject & { data: Record<string, string> }>('configmaps', 'kube-system', 'coredns');
    a.update('configmaps', 'kube-system', { ...cm, data: { Corefile: cm.data['Corefile']!.replace('    errors\n', '    errors\n    log\n') } });
    // Without a restart, the reload plugin notices the change within 30 s ± 7.5 s.
    sim.advance(40_000);
    const inst = clusterDns(sim).instances();
    expect(inst).toHaveLength(2);
    for (const i of inst) {
      const lines = logLines(sim, i);
      expect(lines.slice(-3)).toEqual(['[INFO] Reloading', expect.stringMatching(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/), '[INFO] Reloading complete']);
    }
    const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
    const res = resolveFromPod(sim, place, 'kubernetes.default');
    const picked = res.hops.map((h) => h.endpoint!.pod!.split('/')[1]!);
    // Each query is logged by the CoreDNS pod kube-proxy picked for it, with the client's address.
    const podIP = a.get<PodObject>('pods', 'default', 'dnsutils').status!.podIP!;
    res.steps.forEach((s, n) => {
      const i = inst.find((x) => x.pod === picked[n])!;
      const line = logLines(sim, i).find((l) => l.includes(`"${s.type} IN ${s.name} udp`) && l.includes(`${podIP}:${res.hops[n]!.from.port} `));
      expect(line).toMatch(new RegExp(`^\\[INFO\\] ${podIP.replace(/\./g, '\\.')}:\\d+ - \\d+ "${s.type} IN ${s.name.replace(/\./g, '\\.')} udp \\d+ false 512" (NOERROR|NXDOMAIN) qr,aa,rd \\d+ [0-9.]+s$`));
    });
  });

  it('probes and curl reach /health, /ready and /metrics of the live server', () => {
    const sim = freshSim('http');
    const [i] = clusterDns(sim).instances();
    const k = sim.kubelet(i!.node)!;
    const req = (path: string) => ({ method: 'GET', path, host: i!.ip, userAgent: 'curl/8.5.0', remoteAddr: '10.244.1.9', remotePort: 40000, headers: {}, at: sim.clock.now() });
    const health = k.http(i!.ip, 8080, req('/health'));
    expect(health !== 'refused' && [health.status, health.body]).toEqual([200, 'OK']);
    const ready = k.http(i!.ip, 8181, req('/ready'));
    expect(ready !== 'refused' && [ready.status, ready.body]).toEqual([200, 'OK']);
    clusterDns(sim).serve(i!.ip, 53, makeQuery(7, 'kubernetes.default.svc.cluster.local.', 'A'), { ip: '10.244.1.9', port: 40000, proto: 'udp' });
    const metrics = k.http(i!.ip, 9153, req('/metrics'));
    expect(metrics !== 'refused' && metrics.body).toMatch(/coredns_dns_requests_total\{family="1",proto="udp",server="dns:\/\/:53",type="A",view="",zone="\."\} 1/);
  });

  it('the same seed and commands give the same answers and logs', () => {
    const run = () => {
      const sim = freshSim('same');
      const place = runPod(sim, 'default', 'dnsutils', { image: DNSUTILS });
      const out = runTool(sim, place, ['dig', 'kubernetes.default.svc.cluster.local']).stdout;
      return { out, logs: clusterDns(sim).instances().map((i) => logLines(sim, i)) };
    };
    expect(run()).toEqual(run());
  });
});
