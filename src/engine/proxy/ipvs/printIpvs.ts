/** `ipvsadm -Ln` and `ip addr show kube-ipvs0`, per REFERENCE §2 (ipvsadm's printf formats). */
import type { IpvsState, VirtualServer } from './virtualServers';

/**
 * Active/inactive connection counts per virtual server and real server, keyed by
 * {@link connectionKey}: IPVS counts each connection under the one service it came through.
 */
export type ConnectionCounts = Record<string, { active: number; inactive: number }>;

/** The {@link ConnectionCounts} key: `tcp 10.96.0.10:53 -> 10.244.1.2:53`. */
export function connectionKey(protocol: string, virtual: string, real: string): string {
  return `${protocol} ${virtual} -> ${real}`;
}

function serviceLine(vs: VirtualServer): string {
  const persistent = vs.persistentSeconds ? ` persistent ${vs.persistentSeconds}` : '';
  return `${vs.protocol.toUpperCase()}  ${vs.ip}:${vs.port} ${vs.scheduler}${persistent}`;
}

const TITLE = ['Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];

function serviceEntry(vs: VirtualServer, counts: ConnectionCounts): string[] {
  const lines = [serviceLine(vs)];
  for (const rs of vs.realServers) {
    const key = `${rs.ip}:${rs.port}`;
    const c = counts[connectionKey(vs.protocol, `${vs.ip}:${vs.port}`, key)] ?? { active: 0, inactive: 0 };
    lines.push(`  -> ${key.padEnd(28)} ${'Masq'.padEnd(7)} ${String(rs.weight).padEnd(6)} ${String(c.active).padEnd(10)} ${String(c.inactive).padEnd(10)}`);
  }
  return lines;
}

/** The whole `ipvsadm -Ln` text, real-server lines padded exactly as ipvsadm pads them. */
export function ipvsadmList(state: IpvsState, counts: ConnectionCounts = {}): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', ...TITLE];
  for (const vs of state.virtualServers) lines.push(...serviceEntry(vs, counts));
  return lines.join('\n') + '\n';
}

/**
 * `ipvsadm -Ln -t|-u ADDR:PORT`: ipvsadm's list_service prints the title and that one service,
 * without list_all's version line.
 */
export function ipvsadmListService(vs: VirtualServer, counts: ConnectionCounts = {}): string {
  return [...TITLE, ...serviceEntry(vs, counts)].join('\n') + '\n';
}

export interface DummyInterface {
  /** Interface index as `ip addr` numbers it. */
  index: number;
  mac: string;
}

/** `ip addr show kube-ipvs0`: a DOWN dummy device holding every Service IP as a /32. */
export function ipAddrShowKubeIpvs0(state: IpvsState, dev: DummyInterface): string {
  const lines = [
    `${dev.index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `,
    `    link/ether ${dev.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  for (const ip of state.boundAddresses) {
    lines.push(`    inet ${ip}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return lines.join('\n') + '\n';
}
