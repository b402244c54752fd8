/**
 * IPVS forwarding decisions: find the virtual server for a packet, honour persistence
 * (ClientIP affinity), otherwise let the scheduler choose a real server. State is plain JSON.
 */
import type { Rng } from '../../sim/Rng';
import type { L4Protocol } from '../model';
import { ipToInt } from '../serviceInfo';
import type { IpvsState, RealServer, VirtualServer } from './virtualServers';

export interface IpvsRuntime {
  nowMs: number;
  /** Round-robin position per virtual server key. */
  rrNext: Record<string, number>;
  /** Persistence templates: vs key → client IP → chosen real server and when it was last used. */
  persistence: Record<string, Record<string, { rs: string; at: number }>>;
  /** Active connections per real server `ip:port` (lc, sed, nq use them). */
  active: Record<string, number>;
}

export interface IpvsPacket {
  src: string;
  dst: string;
  protocol: L4Protocol;
  dport: number;
}

export type IpvsDecision =
  | { kind: 'forward'; virtualServer: VirtualServer; realServer: RealServer; reason: string }
  | { kind: 'no-real-server'; virtualServer: VirtualServer; reason: string }
  | { kind: 'no-virtual-server' };

export const vsKey = (vs: { protocol: string; ip: string; port: number }) => `${vs.protocol}/${vs.ip}:${vs.port}`;
const rsKey = (rs: RealServer) => `${rs.ip}:${rs.port}`;

export function newIpvsRuntime(nowMs = 0): IpvsRuntime {
  return { nowMs, rrNext: {}, persistence: {}, active: {} };
}

/** The kernel's multiplicative hash (ip_vs_sh/ip_vs_dh) into a 256-bucket table. */
function hashBucket(ip: string): number {
  return Number((BigInt(ipToInt(ip)) * 2654435761n) & 0xffffffffn) >>> 24;
}

function schedule(vs: VirtualServer, p: IpvsPacket, rt: IpvsRuntime, _rng: Rng): RealServer {
  const rss = vs.realServers;
  const key = vsKey(vs);
  const active = (rs: RealServer) => rt.active[rsKey(rs)] ?? 0;
  switch (vs.scheduler) {
    case 'rr': {
      const i = (rt.rrNext[key] ?? 0) % rss.length;
      rt.rrNext[key] = i + 1;
      return rss[i]!;
    }
    case 'lc':
      return rss.reduce((best, rs) => (active(rs) < active(best) ? rs : best));
    case 'sed':
      return rss.reduce((best, rs) => ((active(rs) + 1) / rs.weight < (active(best) + 1) / best.weight ? rs : best));
    case 'nq':
      return rss.find((rs) => active(rs) === 0) ?? rss.reduce((best, rs) => ((active(rs) + 1) / rs.weight < (active(best) + 1) / best.weight ? rs : best));
    case 'sh':
      return rss[hashBucket(p.src) % rss.length]!;
    case 'dh':
      return rss[hashBucket(p.dst) % rss.length]!;
  }
}

/** Decides where IPVS sends a new connection, updating round-robin, persistence and counts. */
export function evaluateIpvs(state: IpvsState, packet: IpvsPacket, rng: Rng, rt: IpvsRuntime): IpvsDecision {
  const vs = state.virtualServers.find((v) => v.protocol === packet.protocol && v.ip === packet.dst && v.port === packet.dport);
  if (!vs) return { kind: 'no-virtual-server' };
  if (vs.realServers.length === 0) return { kind: 'no-real-server', virtualServer: vs, reason: `Virtual server ${packet.dst}:${packet.dport} has no real servers.` };
  const key = vsKey(vs);
  if (vs.persistentSeconds) {
    const tpl = rt.persistence[key]?.[packet.src];
    const rs = tpl && rt.nowMs - tpl.at <= vs.persistentSeconds * 1000 ? vs.realServers.find((r) => rsKey(r) === tpl.rs) : undefined;
    if (rs && tpl) {
      tpl.at = rt.nowMs;
      rt.active[rsKey(rs)] = (rt.active[rsKey(rs)] ?? 0) + 1;
      return { kind: 'forward', virtualServer: vs, realServer: rs, reason: `Persistence: ${packet.src} was sent to ${rsKey(rs)} within the last ${vs.persistentSeconds}s.` };
    }
  }
  const rs = schedule(vs, packet, rt, rng);
  if (vs.persistentSeconds) (rt.persistence[key] ??= {})[packet.src] = { rs: rsKey(rs), at: rt.nowMs };
  rt.active[rsKey(rs)] = (rt.active[rsKey(rs)] ?? 0) + 1;
  return { kind: 'forward', virtualServer: vs, realServer: rs, reason: `Scheduler ${vs.scheduler} picked ${rsKey(rs)} for ${packet.src}.` };
}
