/**
 * The ipsets kube-proxy's IPVS mode fills (pkg/proxy/ipvs/ipset.go names and comments;
 * membership as syncProxyRules writes it). iptables rules match these sets, so the number of
 * iptables rules stays constant however many Services exist.
 */
import type { Ipset, IpsetType } from '../model';
import { LOCAL } from '../endpointTable';
import type { EndpointTable, ServicePortInfo } from '../serviceInfo';

export const IPSET_INFO: readonly { name: string; type: IpsetType; comment: string }[] = [
  { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose' },
  { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', comment: 'Kubernetes service cluster ip + port for masquerade purpose' },
  { name: 'KUBE-EXTERNAL-IP', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port for masquerade and filter purpose' },
  { name: 'KUBE-EXTERNAL-IP-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  { name: 'KUBE-LOAD-BALANCER-FW', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange' },
  { name: 'KUBE-LOAD-BALANCER-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-IP', type: 'hash:ip,port,ip', comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', type: 'hash:ip,port,net', comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose' },
  { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local' },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
];

/** Fills the sets from every Service port and its endpoints on this node. */
export function buildIpsets(ports: readonly { info: ServicePortInfo; endpoints: EndpointTable }[]): Record<string, Ipset> {
  const sets: Record<string, Ipset> = {};
  // Members already in each set: at 10,000 Services a scan of the entries per addition was
  // quadratic (tens of thousands of hairpin entries in KUBE-LOOP-BACK alone).
  const members = new Map<string, Set<string>>();
  for (const s of IPSET_INFO) {
    sets[s.name] = { ...s, entries: [] };
    members.set(s.name, new Set());
  }
  const add = (name: string, entry: string) => {
    const seen = members.get(name)!;
    if (seen.has(entry)) return;
    seen.add(entry);
    sets[name]!.entries.push(entry);
  };
  for (const { info, endpoints } of ports) {
    const p = info.ref.protocol;
    add('KUBE-CLUSTER-IP', `${info.clusterIP},${p}:${info.port}`);
    add('KUBE-IPVS-IPS', info.clusterIP);
    // Hairpin: a local endpoint reaching itself through the Service must be masqueraded.
    endpoints.each(undefined, (ip, port, _slice, flags) => {
      if (flags & LOCAL) add('KUBE-LOOP-BACK', `${ip},${p}:${port},${ip}`);
    });
    for (const ip of info.externalIPs) {
      add(info.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', `${ip},${p}:${info.port}`);
      add('KUBE-IPVS-IPS', ip);
    }
    for (const ip of info.loadBalancerVIPs) {
      add('KUBE-LOAD-BALANCER', `${ip},${p}:${info.port}`);
      add('KUBE-IPVS-IPS', ip);
      if (info.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', `${ip},${p}:${info.port}`);
      if (info.loadBalancerSourceRanges.length) {
        add('KUBE-LOAD-BALANCER-FW', `${ip},${p}:${info.port}`);
        for (const cidr of info.loadBalancerSourceRanges) add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${ip},${p}:${info.port},${cidr}`);
      }
    }
    if (info.nodePort && (p === 'tcp' || p === 'udp')) {
      const suffix = p.toUpperCase();
      add(info.externalPolicyLocal ? `KUBE-NODE-PORT-LOCAL-${suffix}` : `KUBE-NODE-PORT-${suffix}`, String(info.nodePort));
    }
    if (info.healthCheckNodePort) add('KUBE-HEALTH-CHECK-NODE-PORT', String(info.healthCheckNodePort));
  }
  return sets;
}
