/**
 * The packet engine: computes, hop by hop, what happens to a TCP connection, a UDP exchange or
 * an ICMP echo: source socket → pod eth0 → route → veth → cni0 → node netfilter (kube-proxy's
 * rules, from proxy/) → routing (local bridge or another node) → remote node → bridge → veth →
 * the process, which must listen there (kubelet `accepts`). Nothing is scripted: every hop comes
 * from the topology, the rules and the pods as they are now.
 */
import type { Rng } from '../sim/Rng';
import type { Simulation } from '../sim/Simulation';
import { isIPv4 } from './addresses';
import type { KubeProxyComponent } from './KubeProxyComponent';
import { runNodeNetfilter } from './netfilterHops';
import type { NodeNet, NetworkTopology, PodNet } from './topology';
import { lookupRoute, nodeByIP, nodeByName, podRoutes, routeText } from './topology';
import type { Hop, PacketView, Trace, TraceOutcome, TraceProtocol } from './trace';
import type { ConnectResult, Delivery, ExternalHost, FlowRecord, NetworkState, NodeNetState, Origin, UdpHandler } from './types';
import { INTERNET_CLIENT_IP } from './types';
import type { WalkCtx } from './forward';
import { deliverLocal, deliverNodeHost, forward, outsideWorld } from './forward';
import type { ServiceLike } from './serviceIndex';
import { isServiceVip } from './serviceIndex';

/** What the engine needs from the live cluster. */
export interface EngineDeps {
  sim: Simulation;
  rng: Rng;
  proxies: KubeProxyComponent;
  state: NetworkState;
  udp: ReadonlyMap<number, UdpHandler>;
  external: ReadonlyMap<string, ExternalHost>;
  topology(): NetworkTopology;
  services(): readonly ServiceLike[];
}

export interface Src {
  label: string;
  kind: 'pod' | 'node' | 'outside';
  ip: string;
  node?: NodeNet;
  pod?: PodNet;
}

/** Linux's default ephemeral port range (net.ipv4.ip_local_port_range). */
const ephemeral = (rng: Rng) => 32768 + rng.int(61000 - 32768);

export function nodeState(state: NetworkState, node: string): NodeNetState {
  return (state.nodes[node] ??= { recent: {}, ipvs: { nowMs: 0, rrNext: {}, persistence: {}, active: {} }, conntrack: [] });
}

function resolveOrigin(topo: NetworkTopology, from: Origin): Src | string {
  if (from.kind === 'outside') return { label: from.where === 'internet' ? 'outside:internet' : 'outside:node-network', kind: 'outside', ip: from.where === 'internet' ? INTERNET_CLIENT_IP : topo.nodeNetwork.gateway };
  const node = nodeByName(topo, from.node);
  if (!node) return `node "${from.node}" is not part of the network`;
  if (from.kind === 'node') return { label: node.name, kind: 'node', ip: node.ip, node };
  const pod = node.pods.find((p) => p.namespace === from.namespace && p.name === from.pod);
  if (!pod) return `pod ${from.namespace}/${from.pod} has no IP address yet`;
  if (pod.hostNetwork) return { label: `${pod.namespace}/${pod.name}`, kind: 'node', ip: node.ip, node, pod };
  return { label: `${pod.namespace}/${pod.name}`, kind: 'pod', ip: pod.ip, node, pod };
}

/** Walks one new flow from `from` to `dst:dport`; conntrack tuples come back in `flows`. */
export function walk(deps: EngineDeps, from: Origin, protocol: TraceProtocol, dst: string, dport: number | undefined, timeoutMs: number): ConnectResult {
  const topo = deps.topology();
  const now = deps.sim.clock.now();
  const hops: Hop[] = [];
  let traversed = 0;
  const add = (h: Omit<Hop, 'step'>) => hops.push({ step: hops.length, ...h });
  const origin = resolveOrigin(topo, from);
  const request = { protocol, from: typeof origin === 'string' ? '?' : origin.label, dst, ...(dport !== undefined ? { dport } : {}) };
  const finish = (outcome: TraceOutcome, delivery?: Delivery, flows: FlowRecord[] = []): ConnectResult => {
    const elapsedMs = outcome.kind === 'timeout' ? timeoutMs : outcome.kind === 'unreachable' ? 3000 : 0;
    const trace: Trace = { request, hops, outcome, rulesTraversed: traversed, elapsedMs };
    return { trace, outcome, flows, ...(delivery ? { delivery } : {}) };
  };
  if (typeof origin === 'string') return finish({ kind: 'unreachable', reason: origin });
  if (!isIPv4(dst)) return finish({ kind: 'unreachable', reason: `${dst} is not an IPv4 address` });
  const sport = protocol === 'icmp' ? 1 + deps.rng.int(65535) : ephemeral(deps.rng);
  // The kernel sources a connection to 127.0.0.0/8 from 127.0.0.1 (the route via lo).
  const src = dst.startsWith('127.') ? '127.0.0.1' : origin.ip;
  const sent: PacketView = { protocol, src, ...(protocol !== 'icmp' ? { sport, dport: dport ?? 0 } : { sport }), dst };
  const ctx: WalkCtx = { deps, topo, origin, sent, now, add, hops, addTraversed: (n) => (traversed += n), finish };
  add({ where: { machine: origin.label, kind: origin.kind }, before: sent, after: sent, why: [{ kind: 'socket', text: socketText(sent) }], explanation: `${origin.label} sends ${protocol === 'icmp' ? 'an ICMP echo request' : `a ${protocol.toUpperCase()} ${protocol === 'tcp' ? 'SYN' : 'datagram'}`} from ${origin.ip} to ${dst}${dport !== undefined && protocol !== 'icmp' ? `:${dport}` : ''}.` });

  // The client's own addresses never leave its network namespace. A pod's namespace has no
  // rules; a node's OUTPUT chain still sees the packet (KUBE-SERVICES' last rule sends
  // `--dst-type LOCAL`, 127.0.0.1 included, to KUBE-NODEPORTS), so only what it leaves alone is local.
  const local = dst.startsWith('127.') || dst === origin.ip || (origin.kind === 'node' && dst === origin.node?.bridgeIP);
  if (local && origin.kind !== 'node') return deliverLocal(ctx, sent);

  let node: NodeNet;
  let fromLocal = false;
  let bridged = false;
  if (origin.kind === 'pod') {
    node = origin.node!;
    const pod = origin.pod!;
    const route = lookupRoute(podRoutes(node, pod), dst)!;
    add({ where: { machine: origin.label, kind: 'pod', interface: 'eth0', table: 'route' }, before: sent, after: sent, why: [{ kind: 'route', text: routeText(route) }], explanation: route.via ? `${dst} is not on the pod's subnet, so the pod sends it to its default gateway ${route.via} (cni0 on ${node.name}) out of eth0.` : `${dst} is on the pod's own subnet, so the pod sends it straight out of eth0 onto the bridge.` });
    add({ where: { machine: node.name, kind: 'node', interface: pod.veth }, before: sent, after: sent, why: [{ kind: 'route', text: `${pod.veth}@if2 master cni0` }], explanation: `The packet leaves the pod through its veth pair and enters ${node.name}'s cni0 bridge, where the node's netfilter sees it.` });
    bridged = true;
  } else if (origin.kind === 'node') {
    node = origin.node!;
    fromLocal = true;
  } else {
    const entry = entryNode(deps, topo, from.kind === 'outside' ? from.where : 'internet', dst);
    if (!entry) return outsideWorld(ctx, sent, []);
    node = entry;
    add({ where: { machine: node.name, kind: 'node', interface: 'eth0' }, before: sent, after: sent, why: [{ kind: 'route', text: `${dst} reached through ${node.name} (${node.ip})` }], explanation: `The packet from ${origin.label} arrives at ${node.name}'s eth0 (${node.ip}).` });
  }

  const proxy = deps.proxies.proxy(node.name);
  const path = [{ node: node.name, arrived: sent }];
  if (!proxy) return local ? deliverLocal(ctx, sent) : forward(ctx, node, sent, false, path);
  const st = nodeState(deps.state, node.name);
  const nf = runNodeNetfilter({ proxy, node, packet: sent, fromLocalProcess: fromLocal, bridged, rng: deps.rng, now, recent: st.recent, ipvs: st.ipvs });
  traversed += nf.traversed;
  for (const h of nf.hops) add(h);
  if (nf.outcome.kind === 'REJECT') {
    add({ where: { machine: node.name, kind: 'node' }, before: sent, after: { protocol: 'icmp', src: node.ip, dst: origin.ip }, why: [], explanation: `${node.name} answers with ICMP port unreachable to ${origin.ip}; the client reports "connection refused".` });
    return finish({ kind: 'refused', reason: `${nf.noEndpoints ? 'no ready endpoints: ' : ''}${nf.blockedBy ?? 'rejected'}` });
  }
  if (nf.outcome.kind === 'DROP') return finish({ kind: 'timeout', reason: `dropped: ${nf.blockedBy ?? 'DROP'}` });
  // Not translated: a connection to the node's own address stays on the node (loopback).
  if (local && nf.after.dst === dst) return deliverLocal(ctx, sent);
  // In IPVS mode every Service IP is an address of kube-ipvs0: without a virtual server for this port the node itself answers.
  if (nf.ipvsBound.includes(nf.after.dst)) return deliverNodeHost(ctx, node, nf.after, path);
  return forward(ctx, node, nf.after, nf.masquerade, path);
}

function socketText(p: PacketView): string {
  return p.protocol === 'icmp' ? `ICMP echo request ${p.src} → ${p.dst}` : `${p.protocol.toUpperCase()} ${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}

/** Which node an outside client's packet reaches: the node addressed, or (for Service VIPs) the first Ready worker. */
function entryNode(deps: EngineDeps, topo: NetworkTopology, where: 'node-network' | 'internet', dst: string): NodeNet | undefined {
  const byIP = nodeByIP(topo, dst);
  if (byIP) return where === 'node-network' ? byIP : undefined;
  if (!isServiceVip(deps.services(), dst, where)) return undefined;
  const ready = topo.nodes.filter((n) => n.ready);
  return [...ready].sort((a, b) => a.name.localeCompare(b.name)).find((n) => !n.controlPlane) ?? ready[0];
}

