import type { Pod } from 'kubernetes-types/core/v1';
import { formatResolvConf, podResolvConf as dnsPodResolvConf, type ResolvConf } from '../dns/resolver/resolvConf';

export interface ClusterDnsSettings {
  /** kubelet `clusterDNS` (kubeadm: the 10th address of the service CIDR). */
  clusterDNS: string[];
  clusterDomain: string;
  /** The node's own resolv.conf (what `dnsPolicy: Default` copies). */
  node: ResolvConf;
}

/**
 * The `/etc/resolv.conf` text kubelet gives a pod, using the DNS area's implementation of
 * pkg/kubelet/network/dns (policy, dnsConfig merge, limits) and containerd's line order.
 */
export function podResolvConf(pod: Pod, dns: ClusterDnsSettings): string {
  return formatResolvConf(
    dnsPodResolvConf({
      namespace: pod.metadata?.namespace ?? 'default',
      ...(pod.spec?.dnsPolicy ? { dnsPolicy: pod.spec.dnsPolicy } : {}),
      ...(pod.spec?.dnsConfig ? { dnsConfig: pod.spec.dnsConfig } : {}),
      hostNetwork: !!pod.spec?.hostNetwork,
      clusterDomain: dns.clusterDomain,
      clusterDNS: dns.clusterDNS,
      node: dns.node,
    }),
  );
}

/** The pod's hostname: spec.hostname, else its name cut to 63 characters. */
export function podHostname(pod: Pod): string {
  const h = pod.spec?.hostname || pod.metadata?.name || '';
  return h.length > 63 ? h.slice(0, 63).replace(/[-.]+$/, '') : h;
}

/**
 * kubelet's managed `/etc/hosts` (pkg/kubelet/kubelet_pods.go managedHostsFileContent): the
 * loopback block, the pod's own line (FQDN first when it has a subdomain), then HostAliases.
 */
export function podHostsFile(pod: Pod, podIPs: string[], clusterDomain: string): string {
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  const hostname = podHostname(pod);
  const sub = pod.spec?.subdomain;
  for (const ip of podIPs) {
    out += sub ? `${ip}\t${hostname}.${sub}.${pod.metadata?.namespace ?? 'default'}.svc.${clusterDomain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  }
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}
