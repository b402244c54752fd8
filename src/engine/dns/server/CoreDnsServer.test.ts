import { describe, expect, it } from 'vitest';
import type { DnsMessage, RRType } from '../message';
import { exampleServer } from '../testing/fixtures';
import { digRecordLine } from '../tools/presentation';
import { kubeadmCorefile } from '../corefile/kubeadmCorefile';

/**
 * Status, flags and sections as dig lists them, whitespace collapsed (dig's column layout has its
 * own golden tests); record order is canonicalised because loadbalance shuffles.
 */
function show(m: DnsMessage): string {
  const sec = (rrs: DnsMessage['answer']) => rrs.map((r) => digRecordLine(r).replace(/\s+/g, ' ')).sort();
  return [
    `${m.rcode} ${['qr', 'aa', 'rd', 'ra'].filter((f) => m.flags[f as 'qr']).join(' ')}`,
    ...sec(m.answer).map((l) => `AN ${l}`),
    ...sec(m.authority).map((l) => `NS ${l}`),
    ...sec(m.additional).map((l) => `AD ${l}`),
  ].join('\n');
}

const SOA = 'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1768467600 7200 1800 86400 30';

describe('kubernetes zone: REFERENCE §3.2 record catalogue', () => {
  const server = exampleServer();
  const cases: [string, RRType, string][] = [
    ['web.default.svc.cluster.local.', 'A', 'NOERROR qr aa rd\nAN web.default.svc.cluster.local. 30 IN A 10.96.100.10'],
    ['web.default.svc.cluster.local.', 'AAAA', `NOERROR qr aa rd\nNS ${SOA}`],
    [
      '_http._tcp.web.default.svc.cluster.local.',
      'SRV',
      'NOERROR qr aa rd\nAN _http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 100 80 web.default.svc.cluster.local.\nAD web.default.svc.cluster.local. 30 IN A 10.96.100.10',
    ],
    [
      'multi.default.svc.cluster.local.',
      'SRV',
      'NOERROR qr aa rd\nAN multi.default.svc.cluster.local. 30 IN SRV 0 50 80 multi.default.svc.cluster.local.\nAN multi.default.svc.cluster.local. 30 IN SRV 0 50 9000 multi.default.svc.cluster.local.\nAD multi.default.svc.cluster.local. 30 IN A 10.96.100.20',
    ],
    ['_http._udp.web.default.svc.cluster.local.', 'SRV', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['_nope._tcp.web.default.svc.cluster.local.', 'SRV', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['10.100.96.10.in-addr.arpa.', 'PTR', 'NOERROR qr aa rd\nAN 10.100.96.10.in-addr.arpa. 30 IN PTR web.default.svc.cluster.local.'],
    ['db.default.svc.cluster.local.', 'A', 'NOERROR qr aa rd\nAN db.default.svc.cluster.local. 30 IN A 10.244.1.8\nAN db.default.svc.cluster.local. 30 IN A 10.244.2.8'],
    ['empty.default.svc.cluster.local.', 'A', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['db-0.db.default.svc.cluster.local.', 'A', 'NOERROR qr aa rd\nAN db-0.db.default.svc.cluster.local. 30 IN A 10.244.1.8'],
    ['10-244-1-5.web.default.svc.cluster.local.', 'A', 'NOERROR qr aa rd\nAN 10-244-1-5.web.default.svc.cluster.local. 30 IN A 10.244.1.5'],
    [
      '_pg._tcp.db.default.svc.cluster.local.',
      'SRV',
      'NOERROR qr aa rd\nAN _pg._tcp.db.default.svc.cluster.local. 30 IN SRV 0 50 5432 db-0.db.default.svc.cluster.local.\nAN _pg._tcp.db.default.svc.cluster.local. 30 IN SRV 0 50 5432 db-1.db.default.svc.cluster.local.\nAD db-0.db.default.svc.cluster.local. 30 IN A 10.244.1.8\nAD db-1.db.default.svc.cluster.local. 30 IN A 10.244.2.8',
    ],
    ['8.1.244.10.in-addr.arpa.', 'PTR', 'NOERROR qr aa rd\nAN 8.1.244.10.in-addr.arpa. 30 IN PTR db-0.db.default.svc.cluster.local.'],
    ['5.1.244.10.in-addr.arpa.', 'PTR', 'NOERROR qr aa rd\nAN 5.1.244.10.in-addr.arpa. 30 IN PTR 10-244-1-5.web.default.svc.cluster.local.'],
    ['ext.default.svc.cluster.local.', 'A', 'NOERROR qr aa rd\nAN api.example.com. 30 IN A 93.184.215.34\nAN ext.default.svc.cluster.local. 30 IN CNAME api.example.com.'],
    ['ext.default.svc.cluster.local.', 'CNAME', 'NOERROR qr aa rd\nAN ext.default.svc.cluster.local. 30 IN CNAME api.example.com.'],
    ['10-244-1-5.default.pod.cluster.local.', 'A', 'NOERROR qr aa rd\nAN 10-244-1-5.default.pod.cluster.local. 30 IN A 10.244.1.5'],
    ['dns-version.cluster.local.', 'TXT', 'NOERROR qr aa rd\nAN dns-version.cluster.local. 28800 IN TXT "1.1.0"'],
    ['nope.default.svc.cluster.local.', 'A', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['svc.cluster.local.', 'A', `NOERROR qr aa rd\nNS ${SOA}`],
    ['default.svc.cluster.local.', 'A', `NOERROR qr aa rd\nNS ${SOA}`],
    ['web.nosuchns.svc.cluster.local.', 'A', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['a.b.c.web.default.svc.cluster.local.', 'A', `NXDOMAIN qr aa rd\nNS ${SOA}`],
    ['cluster.local.', 'SOA', `NOERROR qr aa rd\nAN ${SOA}`],
    ['cluster.local.', 'NS', 'NOERROR qr aa rd\nAN cluster.local. 30 IN NS ns.dns.cluster.local.\nAD ns.dns.cluster.local. 30 IN A 10.96.0.10'],
    ['ns.dns.cluster.local.', 'A', 'NOERROR qr aa rd\nAN ns.dns.cluster.local. 30 IN A 10.96.0.10'],
  ];
  it.each(cases)('%s %s', (name, type, expected) => {
    expect(show(server.ask(name, type))).toBe(expected);
  });

  it('is case-insensitive and echoes the question case in answers', () => {
    const r = server.ask('WEB.Default.SVC.cluster.LOCAL.', 'A');
    expect(show(r)).toBe('NOERROR qr aa rd\nAN WEB.Default.SVC.cluster.LOCAL. 30 IN A 10.96.100.10');
    expect(r.question[0]!.name).toBe('WEB.Default.SVC.cluster.LOCAL.');
  });

  it('omits not-ready endpoints from headless answers and dashed-IP names', () => {
    expect(server.ask('10-244-2-9.web.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('forwards names outside the zone: non-authoritative, ra set, TTL capped by cache 30', () => {
    const r = server.ask('google.com.', 'A');
    expect(show(r)).toBe('NOERROR qr rd ra\nAN google.com. 30 IN A 142.250.74.46');
  });

  it('passes unknown reverse addresses on (fallthrough in-addr.arpa) to the upstream', () => {
    const r = server.ask('99.99.96.10.in-addr.arpa.', 'PTR');
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.flags.aa).toBe(false);
  });

  it('answers pods verified only for existing pod IPs, and pods disabled never', () => {
    const verified = exampleServer({ corefile: kubeadmCorefile().replace('pods insecure', 'pods verified') });
    expect(verified.ask('10-244-1-5.default.pod.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(verified.ask('10-244-1-77.default.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    const disabled = exampleServer({ corefile: kubeadmCorefile().replace('pods insecure', 'pods disabled') });
    expect(disabled.ask('10-244-1-5.default.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('uses pod names as endpoint labels with endpoint_pod_names', () => {
    const s = exampleServer({ corefile: kubeadmCorefile().replace('pods insecure', 'pods insecure\n       endpoint_pod_names') });
    expect(show(s.ask('web-5d78c9b8f6-2xkqz.web.default.svc.cluster.local.', 'A'))).toBe(
      'NOERROR qr aa rd\nAN web-5d78c9b8f6-2xkqz.web.default.svc.cluster.local. 30 IN A 10.244.1.5',
    );
  });

  it('returns SERVFAIL and logs the errors line when the upstream times out', () => {
    const s = exampleServer({ upstreamDown: true });
    expect(s.ask('github.com.', 'A').rcode).toBe('SERVFAIL');
    expect(s.logLines().at(-1)).toMatch(/^\[ERROR\] plugin\/errors: 2 github\.com\. A: read udp 10\.244\.0\.2:\d+->172\.18\.0\.1:53: i\/o timeout$/);
  });
});
