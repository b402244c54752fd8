/**
 * What a hop did to the packet: each address field before and after, which ones changed, and the
 * name of the translation (DNAT, SNAT, or their reversal by conntrack on the reply).
 */
import type { Hop, PacketView } from '../../worker/traceApi';

export type PacketFieldName = 'protocol' | 'src' | 'sport' | 'dst' | 'dport';

export interface PacketField {
  name: PacketFieldName;
  before: string;
  after: string;
  changed: boolean;
}

export type Translation = 'DNAT' | 'SNAT' | 'DNAT + SNAT' | 'un-DNAT' | 'un-SNAT' | 'un-DNAT + un-SNAT' | 'ICMP answer';

const FIELDS: PacketFieldName[] = ['protocol', 'src', 'sport', 'dst', 'dport'];

const text = (p: PacketView, f: PacketFieldName): string => {
  const v = p[f];
  return v === undefined ? '' : String(v);
};

export function packetFields(before: PacketView, after: PacketView): PacketField[] {
  return FIELDS.filter((f) => before[f] !== undefined || after[f] !== undefined).map((name) => ({ name, before: text(before, name), after: text(after, name), changed: text(before, name) !== text(after, name) }));
}

/**
 * The translation a hop made. A change of protocol is a new packet (the ICMP error a REJECT sends
 * back); on the conntrack hop the reply's addresses are restored, the reverse of DNAT/SNAT.
 */
export function translationOf(hop: Hop): Translation | undefined {
  const { before, after } = hop;
  if (before.protocol !== after.protocol) return 'ICMP answer';
  const src = before.src !== after.src || before.sport !== after.sport;
  const dst = before.dst !== after.dst || before.dport !== after.dport;
  if (!src && !dst) return undefined;
  if (hop.where.table === 'conntrack') return src && dst ? 'un-DNAT + un-SNAT' : src ? 'un-DNAT' : 'un-SNAT';
  return src && dst ? 'DNAT + SNAT' : dst ? 'DNAT' : 'SNAT';
}

/** `10.244.1.3:41018 → 10.96.0.10:80` (no ports for ICMP), as `kubelab trace` prints a packet. */
export function packetText(p: PacketView): string {
  return p.protocol === 'icmp' || p.sport === undefined ? `${p.src} → ${p.dst}` : `${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}
