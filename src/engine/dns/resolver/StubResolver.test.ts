import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fqdn } from '../message';
import { exampleServer } from '../testing/fixtures';
import { formatResolvConf, parseResolvConf, podResolvConf } from './resolvConf';
import { describeStep, searchCandidates, StubResolver } from './StubResolver';
import type { DnsTransport } from './StubResolver';

const node = parseResolvConf('nameserver 172.18.0.1\n');
const conf = (namespace: string) => podResolvConf({ namespace, clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node });

function transport(): DnsTransport {
  const server = exampleServer();
  return (to, q) => (to === '10.96.0.10' ? server.handle(q, { ip: '10.244.1.5', port: 40000, proto: 'udp' }) : 'timeout');
}

describe('search-list walk (REFERENCE §3.4, from a pod in `default`)', () => {
  const table: [string, string, string[], string | undefined][] = [
    ['default', 'kubernetes', ['kubernetes.default.svc.cluster.local.'], 'kubernetes.default.svc.cluster.local.'],
    ['default', 'kubernetes.default', ['kubernetes.default.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.'], 'kubernetes.default.svc.cluster.local.'],
    ['default', 'kubernetes.default.svc', ['kubernetes.default.svc.default.svc.cluster.local.', 'kubernetes.default.svc.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.'], 'kubernetes.default.svc.cluster.local.'],
    [
      'default',
      'kubernetes.default.svc.cluster.local',
      ['kubernetes.default.svc.cluster.local.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.cluster.local.', 'kubernetes.default.svc.cluster.local.'],
      'kubernetes.default.svc.cluster.local.',
    ],
    [
      'default',
      'kubernetes.default.svc.cluster',
      ['kubernetes.default.svc.cluster.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.svc.cluster.local.', 'kubernetes.default.svc.cluster.cluster.local.', 'kubernetes.default.svc.cluster.'],
      undefined,
    ],
    ['default', 'google.com', ['google.com.default.svc.cluster.local.', 'google.com.svc.cluster.local.', 'google.com.cluster.local.', 'google.com.'], 'google.com.'],
    ['prod', 'web', ['web.prod.svc.cluster.local.', 'web.svc.cluster.local.', 'web.cluster.local.', 'web.'], undefined],
    ['default', 'kubernetes.default.svc.cluster.local.', ['kubernetes.default.svc.cluster.local.'], 'kubernetes.default.svc.cluster.local.'],
  ];
  it.each(table)('from %s: %s', (namespace, typed, queried, found) => {
    const r = new StubResolver(conf(namespace), transport()).resolve(typed, ['A']);
    expect(r.steps.map((s) => s.name)).toEqual(queried);
    expect(r.name).toBe(found);
  });

  it('describes each step for the UI', () => {
    const r = new StubResolver(conf('prod'), transport()).resolve('web.default');
    expect(r.steps.map(describeStep)).toEqual([
      'web.default.prod.svc.cluster.local A → NXDOMAIN',
      'web.default.prod.svc.cluster.local AAAA → NXDOMAIN',
      'web.default.svc.cluster.local A → 10.96.100.10',
      'web.default.svc.cluster.local AAAA → NODATA',
    ]);
  });

  it('sends A and AAAA per candidate as getaddrinfo does', () => {
    const r = new StubResolver(conf('default'), transport()).resolve('web');
    expect(r.steps.map((s) => `${s.name} ${s.type}`)).toEqual(['web.default.svc.cluster.local. A', 'web.default.svc.cluster.local. AAAA']);
    expect(r.addresses).toEqual(['10.96.100.10']);
  });

  it('with ndots:1, a dotted name is tried as-is first', () => {
    expect(searchCandidates('google.com', parseResolvConf('search a.example\noptions ndots:1'))).toEqual(['google.com.', 'google.com.a.example.']);
  });

  it('reports a timeout after every server and attempt fails', () => {
    const r = new StubResolver(parseResolvConf('nameserver 10.96.0.99\noptions attempts:2 timeout:1'), () => 'timeout').resolve('x.', ['A']);
    expect(r.status).toBe('timeout');
    expect(r.steps.map((s) => s.elapsedMs)).toEqual([1000, 1000]);
  });

  it('property: absolute names are never expanded; relative ones end with the bare name or start with it', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 15 }), (labels, ndots) => {
        const name = labels.join('.');
        const c = parseResolvConf(`search a.svc.cluster.local cluster.local\noptions ndots:${ndots}`);
        expect(searchCandidates(`${name}.`, c)).toEqual([`${name}.`]);
        const cands = searchCandidates(name, c);
        expect(cands).toHaveLength(3);
        expect(labels.length - 1 >= ndots ? cands[0] : cands[2]).toBe(`${name}.`);
      }),
    );
  });

  it('property: the precomputed search list gives the candidates of the plain split-and-map walk', () => {
    // The original formulation, kept as the reference the per-resolver SearchList must match.
    const plain = (name: string, c: ReturnType<typeof parseResolvConf>): string[] => {
      if (name.endsWith('.')) return [name];
      const dots = name.split('.').length - 1;
      const expanded = c.search.map((d) => fqdn(`${name}.${d}`));
      return dots >= (c.options.ndots ?? 1) ? [fqdn(name), ...expanded] : [...expanded, fqdn(name)];
    };
    const domain = fc.stringMatching(/^[a-z.]{1,8}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z.]{1,10}$/), fc.array(domain, { maxLength: 4 }), fc.option(fc.integer({ min: 0, max: 6 })), (name, search, ndots) => {
        const c = { nameservers: [], search, options: { ...(ndots === null ? {} : { ndots }), other: [] } };
        expect(searchCandidates(name, c)).toEqual(plain(name, c));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pod resolv.conf (REFERENCE §3.3)', () => {
  it('ClusterFirst from namespace prod', () => {
    expect(formatResolvConf(conf('prod'))).toBe('search prod.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('appends the node’s search domains without duplicates', () => {
    const n = parseResolvConf('search c.proj.internal google.internal cluster.local\nnameserver 169.254.169.254\n');
    const c = podResolvConf({ namespace: 'default', clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node: n });
    expect(c.search).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'c.proj.internal', 'google.internal']);
  });

  it('Default copies the node file; ClusterFirst on the host network falls back to it', () => {
    expect(formatResolvConf(podResolvConf({ namespace: 'x', dnsPolicy: 'Default', clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node }))).toBe('nameserver 172.18.0.1\n');
    expect(podResolvConf({ namespace: 'x', hostNetwork: true, clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node }).nameservers).toEqual(['172.18.0.1']);
    expect(podResolvConf({ namespace: 'x', dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true, clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node }).nameservers).toEqual(['10.96.0.10']);
  });

  it('None uses only dnsConfig (the docs example)', () => {
    const c = podResolvConf({
      namespace: 'default',
      dnsPolicy: 'None',
      clusterDomain: 'cluster.local',
      clusterDNS: ['10.96.0.10'],
      node,
      dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
    });
    expect(formatResolvConf(c)).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n');
  });

  it('parses what it formats', () => {
    const c = conf('prod');
    expect(parseResolvConf(formatResolvConf(c))).toEqual(c);
  });
});
