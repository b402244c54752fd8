/**
 * Connection tracking per node: the entries a connection leaves behind (original and reply
 * tuples, NAT visible as the difference between them) and `conntrack -L` as conntrack-tools
 * prints it (libnetfilter_conntrack's default format). Plain JSON; expiry on the virtual clock.
 */
import type { TraceProtocol } from './trace';

export interface Tuple {
  src: string;
  dst: string;
  /** Ports for tcp/udp; the ICMP id for icmp. */
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  protocol: TraceProtocol;
  /** TCP state (`TIME_WAIT`, `CLOSE`, `ESTABLISHED`); absent for udp/icmp. */
  state?: string;
  orig: Tuple;
  reply: Tuple;
  assured: boolean;
  unreplied: boolean;
  mark: number;
  /** Virtual time (ms since the epoch) at which the entry expires. */
  expiresAt: number;
}

/** Kernel defaults (nf_conntrack_*_timeout) for the states our connections end in, in seconds. */
export const CONNTRACK_TIMEOUTS = {
  tcpTimeWait: 120,
  tcpClose: 10,
  tcpEstablished: 432000,
  udp: 30,
  udpStream: 120,
  icmp: 30,
} as const;

const PROTO_NUMBERS: Record<TraceProtocol, number> = { tcp: 6, udp: 17, icmp: 1 };

function tupleText(proto: TraceProtocol, t: Tuple, isReply: boolean): string {
  if (proto === 'icmp') return `src=${t.src} dst=${t.dst} type=${isReply ? 0 : 8} code=0 id=${t.sport}`;
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/** One line of `conntrack -L` (no trailing newline). */
export function conntrackLine(e: ConntrackEntry, now: number): string {
  const timeout = Math.max(0, Math.ceil((e.expiresAt - now) / 1000));
  const parts = [`${e.protocol.padEnd(8)} ${PROTO_NUMBERS[e.protocol]} ${timeout}`];
  if (e.state) parts.push(e.state);
  parts.push(tupleText(e.protocol, e.orig, false));
  if (e.unreplied) parts.push('[UNREPLIED]');
  parts.push(tupleText(e.protocol, e.reply, true));
  if (e.assured) parts.push('[ASSURED]');
  parts.push(`mark=${e.mark}`, 'use=1');
  return parts.join(' ');
}

/** conntrack-tools' version as Debian bookworm (kind's node image) ships it. */
export const CONNTRACK_VERSION = '1.4.7';

/** `conntrack -L`: the table on stdout, the summary line on stderr. Expired entries are gone. */
export function conntrackList(entries: readonly ConntrackEntry[], now: number, filter: { protocol?: string } = {}): { stdout: string; stderr: string } {
  const live = entries.filter((e) => e.expiresAt > now && (!filter.protocol || e.protocol === filter.protocol));
  const stdout = live.map((e) => conntrackLine(e, now) + '\n').join('');
  return { stdout, stderr: `conntrack v${CONNTRACK_VERSION} (conntrack-tools): ${live.length} flow entries have been shown.\n` };
}

/** Drops expired entries (what the kernel's garbage collector does). */
export function expire(entries: ConntrackEntry[], now: number): ConntrackEntry[] {
  return entries.filter((e) => e.expiresAt > now);
}
