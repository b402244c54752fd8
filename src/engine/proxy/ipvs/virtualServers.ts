/**
 * IPVS mode: one virtual server per (service IP, port, protocol) with one Masq real server per
 * endpoint (pkg/proxy/ipvs/proxier.go syncProxyRules/syncEndpoint). ClusterIPs, externalIPs
 * and load-balancer IPs are bound to the dummy interface kube-ipvs0; NodePorts get a virtual
 * server per node address.
 */
import type { IpvsScheduler, ProxyInput } from '../config';
import { resolveProxyConfig } from '../config';
import type { L4Protocol, ServicePortRef } from '../model';
import type { EndpointSubset, EndpointTable, PortEndpoints, ServicePortInfo } from '../serviceInfo';
import { allPortEndpoints, categorizeEndpoints } from '../serviceInfo';

export interface RealServer {
  ip: string;
  port: number;
  weight: number;
  /** The EndpointSlice the endpoint came from, for explanations. */
  slice?: string;
}

export interface VirtualServer {
  protocol: L4Protocol;
  ip: string;
  port: number;
  scheduler: IpvsScheduler;
  /** Persistence timeout in seconds (ClientIP affinity), or undefined. */
  persistentSeconds?: number;
  realServers: RealServer[];
  service: ServicePortRef;
  /** What kind of service address this is. */
  role: 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';
}

export interface IpvsState {
  virtualServers: VirtualServer[];
  /** Addresses bound to kube-ipvs0 (ClusterIPs, externalIPs, LB IPs), sorted, unique. */
  boundAddresses: string[];
}

const PROTO_RANK: Record<L4Protocol, number> = { tcp: 6, udp: 17, sctp: 132 };
const ipNum = (ip: string) => ip.split('.').reduce((a, x) => a * 256 + Number(x), 0);

/**
 * An address as a number, remembered: the sorts below compare tens of thousands of addresses
 * (splitting each on every comparison was most of an IPVS sync at 10,000 Services). Bounded by
 * the addresses of the cluster; cleared when it grows past them by far.
 */
const ipNums = new Map<string, number>();
function ipNumber(ip: string): number {
  let n = ipNums.get(ip);
  if (n === undefined) {
    if (ipNums.size > 1_000_000) ipNums.clear();
    ipNums.set(ip, (n = ipNum(ip)));
  }
  return n;
}

/** ipvsadm's default sort: protocol number, then address, then port. */
export function compareVirtualServers(a: VirtualServer, b: VirtualServer): number {
  return PROTO_RANK[a.protocol] - PROTO_RANK[b.protocol] || ipNumber(a.ip) - ipNumber(b.ip) || a.port - b.port;
}

function realServers(table: EndpointTable, endpoints: EndpointSubset): RealServer[] {
  const out: RealServer[] = [];
  table.each(endpoints, (ip, port, slice) => out.push({ ip, port, weight: 1, ...(slice ? { slice } : {}) }));
  return out.sort((a, b) => ipNumber(a.ip) - ipNumber(b.ip) || a.port - b.port);
}

/** The virtual servers for one Service port. */
export function virtualServersForPort(info: ServicePortInfo, endpoints: EndpointTable, nodeIPs: readonly string[], scheduler: IpvsScheduler): VirtualServer[] {
  const cat = categorizeEndpoints(info, endpoints);
  // syncEndpoint: with a Local policy, use local endpoints if any, else the cluster ones.
  const pick = (onlyLocal: boolean) => realServers(endpoints, onlyLocal && cat.local.length > 0 ? cat.local : cat.cluster);
  const base = (ip: string, port: number, role: VirtualServer['role'], onlyLocal: boolean): VirtualServer => ({
    protocol: info.ref.protocol,
    ip,
    port,
    scheduler,
    ...(info.affinitySeconds ? { persistentSeconds: info.affinitySeconds } : {}),
    realServers: pick(onlyLocal),
    service: info.ref,
    role,
  });
  const out = [base(info.clusterIP, info.port, 'clusterIP', info.internalPolicyLocal)];
  for (const ip of info.externalIPs) out.push(base(ip, info.port, 'externalIP', info.externalPolicyLocal));
  for (const ip of info.loadBalancerVIPs) out.push(base(ip, info.port, 'loadBalancer', info.externalPolicyLocal));
  if (info.nodePort) for (const ip of nodeIPs) out.push(base(ip, info.nodePort, 'nodePort', info.externalPolicyLocal));
  return out;
}

/** All virtual servers of a node, sorted as `ipvsadm -Ln` lists them (`ports`: its Service ports with their endpoints, if already gathered). */
export function generateIpvs(input: ProxyInput, ports: readonly PortEndpoints[] = allPortEndpoints(input.services, input.endpointSlices, input.node.name)): IpvsState {
  const config = resolveProxyConfig(input.config);
  const virtualServers: VirtualServer[] = [];
  const bound = new Set<string>();
  for (const { info, endpoints } of ports) {
    for (const vs of virtualServersForPort(info, endpoints, input.node.ips, config.ipvsScheduler)) virtualServers.push(vs);
    for (const ip of [info.clusterIP, ...info.externalIPs, ...info.loadBalancerVIPs]) bound.add(ip);
  }
  virtualServers.sort(compareVirtualServers);
  return { virtualServers, boundAddresses: [...bound].sort((a, b) => ipNumber(a) - ipNumber(b)) };
}
