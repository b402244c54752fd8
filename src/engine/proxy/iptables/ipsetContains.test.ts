import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ipset, IpsetType } from '../model';
import { cidrContains } from '../serviceInfo';
import type { Packet } from './evaluate';
import { ipsetContains } from './evaluate';

/** Membership as a scan over the entries: the reference the hashed lookup must agree with. */
function scan(set: Ipset, flags: string, p: Packet): boolean {
  const dims = set.type.split(':')[1]!.split(',');
  const sides = flags.split(',');
  const pick = (i: number) => (sides[i] === 'src' ? 'src' : 'dst');
  if (set.type === 'bitmap:port') return pick(0) === 'dst' && set.entries.includes(String(p.dport));
  return set.entries.some((entry) => {
    const parts = entry.split(',');
    return dims.every((dim, i) => {
      const want = parts[i] ?? '';
      if (dim === 'ip') return want === (pick(i) === 'src' ? p.src : p.dst);
      if (dim === 'net') return cidrContains(want, pick(i) === 'src' ? p.src : p.dst);
      return pick(i) === 'dst' && want === `${p.protocol}:${p.dport}`;
    });
  });
}

const ip = fc.constantFrom('10.96.0.1', '10.96.0.2', '10.244.1.5', '192.0.2.7');
const port = fc.constantFrom('tcp:80', 'udp:53', 'tcp:30080', 'sctp:80');
const entryFor: Record<IpsetType, fc.Arbitrary<string>> = {
  'hash:ip': ip,
  'hash:ip,port': fc.tuple(ip, port).map((x) => x.join(',')),
  'hash:ip,port,ip': fc.tuple(ip, port, ip).map((x) => x.join(',')),
  'hash:ip,port,net': fc.tuple(ip, port, fc.constantFrom('10.244.0.0/16', '192.0.2.0/24')).map((x) => x.join(',')),
  'bitmap:port': fc.constantFrom('80', '53', '30080'),
};

describe('ipsetContains', () => {
  it('agrees with a scan of the entries for every set type and flag combination (fast-check)', () => {
    const type = fc.constantFrom<IpsetType>('hash:ip', 'hash:ip,port', 'hash:ip,port,ip', 'hash:ip,port,net', 'bitmap:port');
    fc.assert(
      fc.property(type.chain((t) => fc.tuple(fc.constant(t), fc.array(entryFor[t], { maxLength: 8 }))), fc.array(fc.constantFrom('src', 'dst'), { minLength: 1, maxLength: 3 }), ip, ip, fc.constantFrom<Packet['protocol']>('tcp', 'udp'), fc.constantFrom(53, 80, 30080), ([t, entries], sides, src, dst, protocol, dport) => {
        const set: Ipset = { name: 'S', type: t, comment: '', entries };
        const p: Packet = { src, dst, protocol, dport };
        expect(ipsetContains(set, sides.join(','), p)).toBe(scan(set, sides.join(','), p));
      }),
      { numRuns: 1000 },
    );
  });
});
