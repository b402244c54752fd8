import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kubeadmCorefile } from '../corefile/kubeadmCorefile';
import { makeQuery } from '../message';
import { exampleCluster, exampleServer } from '../testing/fixtures';
import { wireSize } from '../wireSize';
import { CoreDnsServer } from './CoreDnsServer';
import { UpstreamWorld } from './upstreamWorld';

/** kubeadm's Corefile from before the cluster domain was excluded from the cache. */
const OLD_KUBEADM = kubeadmCorefile().replace(/cache 30 \{[^}]*\}/, 'cache 30');
const client = { ip: '10.244.1.5', port: 52345, proto: 'udp' as const };

describe('CoreDNS process output', () => {
  it('logs the startup lines kubectl logs shows, with the Corefile’s SHA512', () => {
    const lines = exampleServer().logLines();
    expect(lines[0]).toBe('.:53');
    expect(lines[1]).toMatch(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/);
    expect(lines.slice(2)).toEqual(['CoreDNS-1.12.1', 'linux/amd64, go1.24.1, 707c7c1']);
    // The hash identifies the configuration: edits change it, identical text does not.
    expect(exampleServer().logLines()[1]).toBe(lines[1]);
    expect(exampleServer({ corefile: OLD_KUBEADM }).logLines()[1]).not.toBe(lines[1]);
  });

  it('writes one `log` line per query in CoreDNS’s common log format', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('    errors\n', '    errors\n    log\n') });
    // {name} is the lower-cased question (request.Name()), whatever case the client sent.
    const q = makeQuery(4242, 'Kubernetes.Default.svc.cluster.local', 'A');
    s.handle(q, client);
    expect(s.logLines().at(-1)).toMatch(/^\[INFO\] 10\.244\.1\.5:52345 - 4242 "A IN kubernetes\.default\.svc\.cluster\.local\. udp 54 false 512" NOERROR qr,aa,rd 70 0\.000\d+s$/);
  });

  it('renders Prometheus counters for requests, responses and the cache', () => {
    const s = exampleServer();
    s.ask('web.default.svc.cluster.local.', 'A');
    s.ask('nope.default.svc.cluster.local.', 'A');
    s.ask('google.com.', 'A');
    s.ask('google.com.', 'A');
    expect(s.renderMetrics()).toBe(
      [
        '# HELP coredns_cache_entries The number of elements in the cache.',
        '# TYPE coredns_cache_entries gauge',
        'coredns_cache_entries{server="dns://:53",type="success",view="",zones="."} 1',
        '# HELP coredns_cache_hits_total The count of cache hits.',
        '# TYPE coredns_cache_hits_total counter',
        'coredns_cache_hits_total{server="dns://:53",type="success",view="",zones="."} 1',
        '# HELP coredns_cache_misses_total The count of cache misses. Deprecated, derive misses from cache hits/requests counters.',
        '# TYPE coredns_cache_misses_total counter',
        'coredns_cache_misses_total{server="dns://:53",view="",zones="."} 3',
        '# HELP coredns_cache_requests_total The count of cache requests.',
        '# TYPE coredns_cache_requests_total counter',
        'coredns_cache_requests_total{server="dns://:53",view="",zones="."} 4',
        '# HELP coredns_dns_requests_total Counter of DNS requests made per zone, protocol and family.',
        '# TYPE coredns_dns_requests_total counter',
        'coredns_dns_requests_total{family="1",proto="udp",server="dns://:53",type="A",view="",zone="."} 4',
        '# HELP coredns_dns_responses_total Counter of response status codes.',
        '# TYPE coredns_dns_responses_total counter',
        'coredns_dns_responses_total{plugin="",rcode="NOERROR",server="dns://:53",view="",zone="."} 2',
        'coredns_dns_responses_total{plugin="",rcode="NXDOMAIN",server="dns://:53",view="",zone="."} 1',
        'coredns_dns_responses_total{plugin="cache",rcode="NOERROR",server="dns://:53",view="",zone="."} 1',
        '# HELP coredns_forward_requests_total Counter of requests made per upstream.',
        '# TYPE coredns_forward_requests_total counter',
        'coredns_forward_requests_total{to="172.18.0.1:53"} 1',
        '',
      ].join('\n'),
    );
  });
});

describe('kubernetes plugin options', () => {
  it('namespaces limits what is exposed, forward and reverse', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('pods insecure', 'pods insecure\n       namespaces kube-system') });
    expect(s.ask('web.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(s.ask('kube-dns.kube-system.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(s.ask('10.100.96.10.in-addr.arpa.', 'PTR').answer).toEqual([]);
  });

  it('ignore empty_service answers NXDOMAIN for a ClusterIP Service without ready endpoints', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('pods insecure', 'pods insecure\n       ignore empty_service') });
    expect(s.ask('multi.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(s.ask('web.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(exampleServer().ask('multi.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
  });
});

describe('HTTP endpoints', () => {
  it('serves /health, /ready and /metrics on kubeadm’s ports; /ready is 503 while syncing', () => {
    let synced = false;
    const world = new UpstreamWorld();
    const s = new CoreDnsServer({ cluster: exampleCluster(), now: () => 0, random: () => 0.5, upstream: (_t, q) => world.resolve(q), synced: () => synced });
    expect(s.httpGet(8080, '/health')).toEqual({ status: 200, body: 'OK' });
    expect(s.httpGet(8181, '/ready')).toEqual({ status: 503, body: 'kubernetes' });
    expect(s.logLines().at(-1)).toBe('[INFO] plugin/ready: Still waiting on: "kubernetes"');
    synced = true;
    expect(s.httpGet(8181, '/ready')).toEqual({ status: 200, body: 'OK' });
    expect(s.httpGet(9153, '/metrics')?.status).toBe(200);
    expect(s.httpGet(9153, '/nope')).toEqual({ status: 404, body: '404 page not found\n' });
    expect(s.httpGet(1234, '/')).toBeUndefined();
  });
});

describe('reload', () => {
  it('applies an edited Corefile, and keeps the old one when the new text is broken', () => {
    const s = exampleServer();
    expect(s.reload(kubeadmCorefile())).toBe(false);
    expect(s.reload(kubeadmCorefile().replace('    forward', '    forwardd'))).toBe(false);
    expect(s.logLines().slice(-2)).toEqual([
      '[INFO] Reloading',
      "[ERROR] plugin/reload: Corefile changed but reload failed: /etc/coredns/Corefile:13 - Error during parsing: Unknown directive 'forwardd'",
    ]);
    expect(s.ask('web.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(s.reload(kubeadmCorefile().replace('pods insecure', 'pods disabled'))).toBe(true);
    expect(s.logLines().at(-1)).toBe('[INFO] Reloading complete');
    expect(s.ask('10-244-1-5.default.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });
});

describe('cache', () => {
  it('old kubeadm Corefile: cluster answers are cached and their TTL counts down', () => {
    let now = 1_768_467_600_000;
    const s = exampleServer({ corefile: OLD_KUBEADM, now: () => now });
    expect(s.ask('web.default.svc.cluster.local.', 'A').answer[0]!.ttl).toBe(30);
    now += 7_000;
    expect(s.ask('web.default.svc.cluster.local.', 'A').answer[0]!.ttl).toBe(23);
    now += 23_000;
    expect(s.ask('web.default.svc.cluster.local.', 'A').answer[0]!.ttl).toBe(30);
  });

  it('new kubeadm Corefile: cluster answers are never cached, forwarded ones are capped at 30 s', () => {
    let now = 1_768_467_600_000;
    const s = exampleServer({ now: () => now });
    s.ask('web.default.svc.cluster.local.', 'A');
    s.ask('github.com.', 'A');
    now += 10_000;
    expect(s.ask('web.default.svc.cluster.local.', 'A').answer[0]!.ttl).toBe(30);
    expect(s.ask('github.com.', 'A').answer[0]!.ttl).toBe(20);
  });

  it('a cached answer keeps the case of the new question', () => {
    const s = exampleServer();
    s.ask('github.com.', 'A');
    const r = s.ask('GitHub.COM.', 'A');
    expect(r.question[0]!.name).toBe('GitHub.COM.');
    expect(r.answer[0]!.name).toBe('GitHub.COM.');
  });
});

describe('other plugins', () => {
  it('loadbalance shuffles address order deterministically per seed but never changes the set', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (seed) => {
        const a = exampleServer({ seed }).ask('db.default.svc.cluster.local.', 'A');
        const b = exampleServer({ seed }).ask('db.default.svc.cluster.local.', 'A');
        expect(a).toEqual(b);
        expect(a.answer.map((r) => (r.type === 'A' ? r.address : '')).sort()).toEqual(['10.244.1.8', '10.244.2.8']);
      }),
      { numRuns: 30 },
    );
  });

  it('hosts answers its entries authoritatively and falls through for the rest', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('    ready\n', '    ready\n    hosts {\n       192.168.1.50 registry.lab.local\n       fallthrough\n    }\n') });
    const r = s.ask('registry.lab.local.', 'A');
    expect(r.flags.aa).toBe(true);
    // hosts' TTL is 3600, but `cache 30` caps every reply it passes (as on a real server).
    expect(r.answer).toEqual([{ name: 'registry.lab.local.', ttl: 30, class: 'IN', type: 'A', address: '192.168.1.50' }]);
    expect(s.ask('web.default.svc.cluster.local.', 'A').answer[0]).toMatchObject({ address: '10.96.100.10' });
  });

  it('rewrite name maps a name onto a service and restores the question', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('    ready\n', '    ready\n    rewrite name api.company.internal web.default.svc.cluster.local\n') });
    const r = s.ask('api.company.internal.', 'A');
    expect(r.question[0]!.name).toBe('api.company.internal.');
    expect(r.answer).toEqual([{ name: 'web.default.svc.cluster.local.', ttl: 30, class: 'IN', type: 'A', address: '10.96.100.10' }]);
  });

  it('answers SERVFAIL for unknown cluster names until the informers have synced', () => {
    let synced = false;
    const world = new UpstreamWorld();
    const s = new CoreDnsServer({ cluster: exampleCluster(), now: () => 0, random: () => 0.5, upstream: (_t, q) => world.resolve(q), synced: () => synced });
    expect(s.ask('nope.default.svc.cluster.local.', 'A').rcode).toBe('SERVFAIL');
    synced = true;
    expect(s.ask('nope.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('computes wire sizes with name compression (dig’s MSG SIZE)', () => {
    const r = exampleServer().ask('web.default.svc.cluster.local.', 'A');
    expect(wireSize(r)).toBe(63);
    expect(wireSize({ ...r, edns: { udpSize: 1232, do: false, cookie: '0011223344556677' } })).toBe(86);
  });
});
