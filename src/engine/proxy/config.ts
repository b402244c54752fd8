/**
 * kube-proxy configuration and the node it runs on. Defaults are filled in one place
 * ({@link resolveProxyConfig}), as kube-proxy's own config defaulting does.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export type IpvsScheduler = 'rr' | 'lc' | 'dh' | 'sh' | 'sed' | 'nq';

export type ProxyMode = 'iptables' | 'ipvs';

export interface ProxyConfig {
  /** kube-proxy `mode` (default iptables). */
  mode?: ProxyMode;
  /** kube-proxy `clusterCIDR`: enables the "not from a pod → masquerade" rules. */
  clusterCIDR?: string;
  /** Bit of the fwmark used to request SNAT (default 14, i.e. 0x4000). */
  masqueradeBit?: number;
  /** `--masquerade-all`: masquerade every packet sent to a cluster IP. */
  masqueradeAll?: boolean;
  /** `--nodeport-addresses` CIDRs; unset means NodePorts on every local address. */
  nodePortAddresses?: string[];
  /** Whether the iptables binary supports `--random-fully` (modern ones do). */
  randomFully?: boolean;
  /** `iptables.localhostNodePorts` (default true, IPv4 only). */
  localhostNodePorts?: boolean;
  /** `nf_conntrack_tcp_be_liberal` set on the node: no INVALID drop rule. */
  conntrackTCPLiberal?: boolean;
  /** IPVS scheduler (default rr). */
  ipvsScheduler?: IpvsScheduler;
  /** nfacct counters available on the node (kube-proxy ≥1.29 then adds `-m nfacct` rules). Default true. */
  nfacct?: boolean;
}

export interface ResolvedProxyConfig {
  mode: ProxyMode;
  clusterCIDR?: string;
  masqueradeMark: number;
  masqueradeAll: boolean;
  nodePortAddresses?: string[];
  randomFully: boolean;
  localhostNodePorts: boolean;
  conntrackTCPLiberal: boolean;
  ipvsScheduler: IpvsScheduler;
  nfacct: boolean;
}

export interface ProxyNode {
  name: string;
  /** The node's own IPv4 addresses (InternalIP first). */
  ips: string[];
}

/** Everything rule generation needs: one node's view of the cluster's Services. */
export interface ProxyInput {
  node: ProxyNode;
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
  config: ProxyConfig;
}

export function resolveProxyConfig(config: ProxyConfig): ResolvedProxyConfig {
  const nodePortAddresses = config.nodePortAddresses?.length ? config.nodePortAddresses : undefined;
  // kube-proxy turns localhost NodePorts off when --nodeport-addresses excludes 127.0.0.1.
  const allowsLoopback = !nodePortAddresses || nodePortAddresses.some((c) => c.startsWith('127.'));
  const resolved: ResolvedProxyConfig = {
    mode: config.mode ?? 'iptables',
    masqueradeMark: 1 << (config.masqueradeBit ?? 14),
    masqueradeAll: config.masqueradeAll ?? false,
    randomFully: config.randomFully ?? true,
    localhostNodePorts: (config.localhostNodePorts ?? true) && allowsLoopback,
    conntrackTCPLiberal: config.conntrackTCPLiberal ?? false,
    ipvsScheduler: config.ipvsScheduler ?? 'rr',
    nfacct: config.nfacct ?? true,
  };
  if (config.clusterCIDR) resolved.clusterCIDR = config.clusterCIDR;
  if (nodePortAddresses) resolved.nodePortAddresses = nodePortAddresses;
  return resolved;
}
