/**
 * Cluster DNS: CoreDNS (Corefile → plugin chain over a cluster view), the pod stub resolver and
 * resolv.conf generation, and the DNS tools' exact output. See CONTEXT.md.
 */
export type { DnsMessage, Question, ResourceRecord, RData, RRType, Rcode, Edns, MessageFlags } from './message';
export { makeQuery, makeReply, fqdn, rdataText, flagList } from './message';
export { wireSize } from './wireSize';
export { parseCorefile, CorefileError, PLUGIN_ORDER, DEFAULT_COREFILE_PATH } from './corefile/parseCorefile';
export type { ServerBlock, Directive, BlockLine } from './corefile/parseCorefile';
export { loadCorefile, normalizeZone } from './corefile/serverConfig';
export type { ServerConfig, KubernetesPluginConfig } from './corefile/serverConfig';
export { kubeadmCorefile } from './corefile/kubeadmCorefile';
export { CoreDnsServer, DEFAULT_COREDNS_VERSION } from './server/CoreDnsServer';
export type { CoreDnsServerConfig, DnsClient, UpstreamTransport } from './server/CoreDnsServer';
export { DnsIndex, staticClusterView } from './server/ClusterView';
export type { ClusterView } from './server/ClusterView';
export { ApiClusterView } from './server/apiClusterView';
export { UpstreamWorld, DEFAULT_UPSTREAM_RECORDS } from './server/upstreamWorld';
export { reverseName, addressFromReverse } from './server/kubernetesRecords';
export { parseResolvConf, formatResolvConf, podResolvConf, resolverOptions } from './resolver/resolvConf';
export type { ResolvConf, ResolvConfInput, DnsPolicy } from './resolver/resolvConf';
export { StubResolver, searchCandidates, describeStep } from './resolver/StubResolver';
export type { DnsTransport, WalkStep, ResolveResult } from './resolver/StubResolver';
export { nslookupBind, nslookupBind918 } from './tools/nslookupBind';
export { nslookupBusybox128, nslookupBusybox136 } from './tools/nslookupBusybox';
export { dig, DIG_VERSION } from './tools/dig';
export { host, getentHosts } from './tools/hostAndGetent';
export type { DnsToolContext, ToolResult, DnsTool } from './tools/toolContext';
