/**
 * Cluster DNS, live: CoreDNS running as the coredns pods, queries travelling as datagrams to
 * the kube-dns Service, the resolver hook for network tools, and the DNS tools. See CONTEXT.md.
 */
export { ClusterDns, INFORMER_SYNC_MS } from './ClusterDns';
export type { ClusterDnsOptions, CoreDnsInstance } from './ClusterDns';
export { corednsUdpHandler, listenForDns, networkDnsPath } from './networkPath';
export type { DnsExchange, DnsHop, DnsPath } from './dnsPath';
export { CLUSTER_DNS_COMPONENT, clusterDns, dnsPathOf, hostsLookup, placeFiles, resolveFromPod, traceDns } from './resolveFromPod';
export type { PodResolution, ResolveOptions } from './resolveFromPod';
export { dnsTools, nslookupFlavour } from './toolset';
export type { NslookupFlavour } from './toolset';
export { corednsProcessHook, corefileListeners } from './corednsProcess';
