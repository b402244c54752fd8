import type { Pod } from 'kubernetes-types/core/v1';

/** The node's own resolver configuration (what `dnsPolicy: Default` copies). */
export interface NodeResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

export interface ClusterDnsSettings {
  /** kubelet `clusterDNS` (kubeadm: the 10th address of the service CIDR). */
  clusterDNS: string[];
  clusterDomain: string;
  node: NodeResolvConf;
}

/** Limits of pkg/apis/core/validation (MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** kubelet's mergeDNSOptions: later options with the same name replace earlier ones. */
function mergeOptions(base: string[], extra: { name?: string; value?: string }[]): string[] {
  const out = new Map<string, string>();
  for (const o of base) out.set(o.split(':')[0]!, o);
  for (const o of extra) if (o.name) out.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  return [...out.values()];
}

/**
 * The `/etc/resolv.conf` kubelet gives a pod (pkg/kubelet/network/dns/dns.go GetPodDNS): for
 * ClusterFirst the cluster nameserver, the namespace search path then the node's searches, and
 * `ndots:5`; Default copies the node's file; None uses only dnsConfig. Host-network pods use
 * the node's file unless their policy is ClusterFirstWithHostNet.
 */
export function podResolvConf(pod: Pod, dns: ClusterDnsSettings): string {
  const ns = pod.metadata?.namespace ?? 'default';
  let policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirst' && pod.spec?.hostNetwork) policy = 'Default';
  if (policy === 'ClusterFirstWithHostNet') policy = 'ClusterFirst';
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  if (policy === 'ClusterFirst' && dns.clusterDNS.length > 0) {
    const d = dns.clusterDomain;
    nameservers = [...dns.clusterDNS];
    searches = [`${ns}.svc.${d}`, `svc.${d}`, d, ...dns.node.searches];
    options = ['ndots:5'];
  } else if (policy !== 'None') {
    nameservers = [...dns.node.nameservers];
    searches = [...dns.node.searches];
    options = [...dns.node.options];
  }
  const cfg = pod.spec?.dnsConfig;
  if (cfg) {
    nameservers = [...nameservers, ...(cfg.nameservers ?? [])];
    searches = [...searches, ...(cfg.searches ?? [])];
    options = mergeOptions(options, cfg.options ?? []);
  }
  nameservers = dedupe(nameservers).slice(0, MAX_NAMESERVERS);
  searches = dedupe(searches);
  // Over-long search lists are cut, as kubelet does (with a warning event upstream).
  while (searches.length > MAX_SEARCHES || searches.join(' ').length > MAX_SEARCH_CHARS) searches.pop();
  // containerd writes search, then nameserver lines, then options.
  let out = '';
  if (searches.length) out += `search ${searches.join(' ')}\n`;
  for (const n of nameservers) out += `nameserver ${n}\n`;
  if (options.length) out += `options ${options.join(' ')}\n`;
  return out;
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
