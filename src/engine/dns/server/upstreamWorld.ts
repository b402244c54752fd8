import { makeReply } from '../message';
import type { DnsMessage, RData, ResourceRecord } from '../message';

const rr = (name: string, ttl: number, data: RData): ResourceRecord => ({ name, ttl, class: 'IN', ...data });

/**
 * The Internet as the node's resolver sees it: a few well-known names with realistic TTLs.
 * Data, not code, so labs can add names (`new UpstreamWorld([...DEFAULT_UPSTREAM_RECORDS, ...])`).
 */
export const DEFAULT_UPSTREAM_RECORDS: readonly ResourceRecord[] = [
  rr('example.com.', 3600, { type: 'A', address: '93.184.215.14' }),
  rr('example.com.', 3600, { type: 'AAAA', address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c' }),
  rr('www.example.com.', 3600, { type: 'CNAME', target: 'example.com.' }),
  rr('api.example.com.', 300, { type: 'A', address: '93.184.215.34' }),
  rr('kubernetes.io.', 300, { type: 'A', address: '15.197.167.90' }),
  rr('kubernetes.io.', 300, { type: 'A', address: '3.33.186.135' }),
  rr('www.kubernetes.io.', 300, { type: 'CNAME', target: 'kubernetes.io.' }),
  rr('registry.k8s.io.', 3600, { type: 'A', address: '34.96.108.209' }),
  rr('registry.k8s.io.', 3600, { type: 'AAAA', address: '2600:1901:0:bbc4::' }),
  rr('github.com.', 60, { type: 'A', address: '140.82.121.4' }),
  rr('google.com.', 300, { type: 'A', address: '142.250.74.46' }),
  rr('google.com.', 300, { type: 'AAAA', address: '2a00:1450:4001:80b::200e' }),
  rr('www.google.com.', 300, { type: 'A', address: '142.250.74.68' }),
  rr('deb.debian.org.', 300, { type: 'CNAME', target: 'debian.map.fastlydns.net.' }),
  rr('debian.map.fastlydns.net.', 30, { type: 'A', address: '151.101.194.132' }),
  rr('archive.ubuntu.com.', 60, { type: 'A', address: '91.189.91.83' }),
  rr('46.74.250.142.in-addr.arpa.', 86400, { type: 'PTR', target: 'fra16s52-in-f14.1e100.net.' }),
];

/** SOAs returned with negative answers, per suffix; the root's for anything else. */
const NEGATIVE_SOAS: readonly ResourceRecord[] = [
  rr('com.', 900, { type: 'SOA', mname: 'a.gtld-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 1768467600, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 }),
  rr('io.', 900, { type: 'SOA', mname: 'a0.nic.io.', rname: 'hostmaster.donuts.email.', serial: 1768467600, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600 }),
  rr('10.in-addr.arpa.', 10800, { type: 'SOA', mname: 'prisoner.iana.org.', rname: 'hostmaster.root-servers.org.', serial: 1, refresh: 604800, retry: 60, expire: 604800, minimum: 604800 }),
  rr('.', 86400, { type: 'SOA', mname: 'a.root-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 2026011500, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 }),
];

/**
 * A recursive resolver over {@link DEFAULT_UPSTREAM_RECORDS}: follows CNAMEs, answers
 * NXDOMAIN/NODATA with the closest SOA, sets `ra` and never `aa` (it is not authoritative).
 */
export class UpstreamWorld {
  private readonly byName = new Map<string, ResourceRecord[]>();

  constructor(records: readonly ResourceRecord[] = DEFAULT_UPSTREAM_RECORDS) {
    for (const r of records) {
      const k = r.name.toLowerCase();
      const list = this.byName.get(k) ?? [];
      list.push(r);
      this.byName.set(k, list);
    }
  }

  resolve(query: DnsMessage): DnsMessage {
    const reply = makeReply(query);
    reply.flags.ra = true;
    // A BIND-like recursor answers a client cookie with its own 16-byte server cookie.
    if (reply.edns?.cookie) reply.edns.cookie = reply.edns.cookie.slice(0, 16) + serverCookie(query.question[0]?.name ?? '');
    const q = query.question[0];
    if (!q) return { ...reply, rcode: 'FORMERR' };
    let name = q.name;
    for (let hops = 0; hops < 8; hops++) {
      const set = this.byName.get(name.toLowerCase());
      if (!set) {
        if (hops === 0) reply.rcode = 'NXDOMAIN';
        if (reply.answer.length === 0 || hops > 0) reply.authority = [this.soaFor(name)];
        if (hops > 0 && reply.rcode !== 'NXDOMAIN') reply.rcode = 'NXDOMAIN';
        return reply;
      }
      const exact = set.filter((r) => r.type === q.type);
      if (exact.length > 0) {
        reply.answer.push(...exact.map((r) => ({ ...r, name: hops === 0 ? q.name : r.name })));
        return reply;
      }
      const cname = set.find((r) => r.type === 'CNAME');
      if (!cname || cname.type !== 'CNAME') {
        reply.authority = [this.soaFor(name)];
        return reply;
      }
      reply.answer.push({ ...cname, name: hops === 0 ? q.name : cname.name });
      name = cname.target;
    }
    return { ...reply, rcode: 'SERVFAIL' };
  }

  private soaFor(name: string): ResourceRecord {
    const n = name.toLowerCase();
    return { ...NEGATIVE_SOAS.find((s) => s.name === '.' || n === s.name || n.endsWith(`.${s.name}`))! };
  }
}

/** A deterministic stand-in for the server cookie (a real one is an HMAC of the client's). */
function serverCookie(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; i < 4; i++) {
    for (const ch of `${seed}#${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
