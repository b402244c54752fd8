import type { DnsMessage, ResourceRecord } from './message';

/**
 * The size in bytes of a message on the wire, with RFC 1035 name compression as miekg/dns
 * packs it. This is the number dig prints as `MSG SIZE  rcvd:` and CoreDNS's log prints as
 * `{size}`/`{rsize}`, so it has to be computed, not guessed.
 */
export function wireSize(msg: DnsMessage, compress = true): number {
  const seen = new Set<string>();
  let size = 12;
  for (const q of msg.question) size += nameSize(q.name, seen, compress) + 4;
  for (const rr of [...msg.answer, ...msg.authority, ...msg.additional]) size += rrSize(rr, seen, compress);
  // OPT: root name, type, class (udp size), ttl (flags), rdlength; plus the cookie option.
  if (msg.edns) size += 11 + (msg.edns.cookie ? 4 + msg.edns.cookie.length / 2 : 0);
  return size;
}

function rrSize(rr: ResourceRecord, seen: Set<string>, compress: boolean): number {
  const head = nameSize(rr.name, seen, compress) + 10;
  switch (rr.type) {
    case 'A':
      return head + 4;
    case 'AAAA':
      return head + 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return head + nameSize(rr.target, seen, compress);
    case 'TXT':
      return head + rr.text.reduce((n, t) => n + 1 + utf8Length(t), 0);
    case 'SRV':
      // RFC 2782: the SRV target is never compressed (miekg/dns packs it with compress=false).
      return head + 6 + nameSize(rr.target, seen, false);
    case 'SOA':
      return head + nameSize(rr.mname, seen, compress) + nameSize(rr.rname, seen, compress) + 20;
  }
}

/** Bytes for `name`; remembers its suffixes so later occurrences become 2-byte pointers. */
function nameSize(name: string, seen: Set<string>, compress: boolean): number {
  const labels = name.replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  let size = 0;
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.').toLowerCase();
    if (compress && seen.has(suffix)) return size + 2;
    seen.add(suffix);
    size += 1 + utf8Length(labels[i]!);
  }
  return size + 1;
}

/** UTF-8 byte length without TextEncoder (not in the engine's ES-only lib). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
