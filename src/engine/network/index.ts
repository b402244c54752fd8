/** The cluster network and the packet engine: see CONTEXT.md. */
export { Network, networkOf, TCP_SYN_TIMEOUT_MS } from './Network';
export type { HttpCall, HttpResult, PingResult, UdpResult } from './Network';
export { KubeProxyComponent, parseKubeProxyConfiguration } from './KubeProxyComponent';
export type { Hop, HopReason, HopWhere, PacketView, Trace, TraceDns, TraceOutcome, TraceProtocol } from './trace';
export type { ConnectResult, Delivery, ExternalHost, NameResolver, NetworkState, Origin, Outside, UdpDatagram, UdpHandler } from './types';
export { INTERNET_CLIENT_IP } from './types';
export { buildTopology, nodeRoutes, podRoutes, routeText } from './topology';
export type { NetworkTopology, NodeNet, PodNet, Route } from './topology';
export { conntrackLine, conntrackList } from './conntrack';
export type { ConntrackEntry } from './conntrack';
export { ipAddrShow, ipRouteShow } from './printIp';
export { formatTrace } from './formatTrace';
