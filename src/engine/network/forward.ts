/**
 * The second half of a walk: routing on the node after netfilter, the wire to another node and
 * its netfilter, the bridge and veth down to the pod, and the kernel's answer there (accept,
 * TCP RST, ICMP). Also the short paths: loopback, the node's own processes, the outside world.
 */
import type { Src, EngineDeps } from './PacketEngine';
import { nodeState } from './PacketEngine';
import { runNodeNetfilter } from './netfilterHops';
import type { NetworkTopology, NodeNet } from './topology';
import { lookupRoute, nodeByIP, nodeRoutes, podByIP, routeText } from './topology';
import type { Hop, PacketView, TraceOutcome } from './trace';
import type { ConnectResult, Delivery, FlowRecord } from './types';

export interface WalkCtx {
  deps: EngineDeps;
  topo: NetworkTopology;
  origin: Src;
  /** The packet as the client sent it. */
  sent: PacketView;
  now: number;
  add(h: Omit<Hop, 'step'>): void;
  hops: Hop[];
  addTraversed(n: number): void;
  finish(outcome: TraceOutcome, delivery?: Delivery, flows?: FlowRecord[]): ConnectResult;
}

const at = (p: PacketView) => (p.protocol === 'icmp' || p.dport === undefined ? p.dst : `${p.dst}:${p.dport}`);
const tuple = (p: PacketView) => ({ src: p.src, dst: p.dst, sport: p.sport ?? 0, dport: p.dport ?? 0 });
const replyOf = (p: PacketView) => ({ src: p.dst, dst: p.src, sport: p.dport ?? 0, dport: p.sport ?? 0 });

/** One node a packet crossed, and the packet as it arrived there (before that node's NAT). */
export interface PathStep {
  node: string;
  arrived: PacketView;
}

/** Conntrack tuples: each node saw the packet as it arrived and expects the final reply back. */
function flowsFor(path: readonly PathStep[], final: PacketView): FlowRecord[] {
  return path.map((p) => ({ node: p.node, orig: tuple(p.arrived), reply: replyOf(final) }));
}

/** Most nodes a packet may cross before we call it a routing loop. */
const MAX_NODE_HOPS = 8;

/**
 * Routing on `node` after its netfilter, then delivery: on its own bridge, its own processes,
 * through another node (which runs its own netfilter: a NodePort there DNATs), or outside.
 */
export function forward(ctx: WalkCtx, node: NodeNet, pkt: PacketView, masquerade: boolean, path: PathStep[]): ConnectResult {
  const { topo, add } = ctx;
  if (pkt.dst === node.ip || pkt.dst === node.bridgeIP) return deliverNodeHost(ctx, node, pkt, path);
  const route = lookupRoute(nodeRoutes(topo, node), pkt.dst)!;
  const out = route.dev === 'cni0' ? node.bridgeIP : node.ip;
  if (masquerade) {
    const before = pkt;
    pkt = { ...pkt, src: out, ...(pkt.protocol !== 'icmp' ? { sport: 1024 + ctx.deps.rng.int(64512) } : {}) };
    fixMasqueradeHop(ctx, node.name, before, pkt);
  }
  add({ where: { machine: node.name, kind: 'node', interface: route.dev, table: 'route' }, before: pkt, after: pkt, why: [{ kind: 'route', text: routeText(route) }], explanation: routeExplanation(route.dev, route.via, pkt.dst, node, topo) });
  if (route.dev === 'cni0') return deliverToPod(ctx, node, pkt, path);
  const next = nodeByIP(topo, route.via ?? pkt.dst);
  if (!next || next === node) return outsideWorld(ctx, pkt, path, node);
  if (path.length >= MAX_NODE_HOPS) return ctx.finish({ kind: 'unreachable', reason: `routing loop: the packet crossed ${path.length} nodes (Time to live exceeded)` });
  add({ where: { machine: next.name, kind: 'node', interface: 'eth0' }, before: pkt, after: pkt, why: [], explanation: `The packet crosses the node network from ${node.name} (${node.ip}) to ${next.name} (${next.ip}) with its addresses unchanged.` });
  const nextPath = [...path, { node: next.name, arrived: pkt }];
  const proxy = ctx.deps.proxies.proxy(next.name);
  if (!proxy) return forward(ctx, next, pkt, false, nextPath);
  const st = nodeState(ctx.deps.state, next.name);
  const nf = runNodeNetfilter({ proxy, node: next, packet: pkt, fromLocalProcess: false, bridged: false, rng: ctx.deps.rng, now: ctx.now, recent: st.recent, ipvs: st.ipvs });
  ctx.addTraversed(nf.traversed);
  for (const h of nf.hops) add(h);
  if (nf.outcome.kind === 'REJECT') return ctx.finish({ kind: 'refused', reason: `${nf.noEndpoints ? 'no ready endpoints: ' : ''}${nf.blockedBy ?? 'rejected'}` });
  if (nf.outcome.kind === 'DROP') return ctx.finish({ kind: 'timeout', reason: `dropped: ${nf.blockedBy ?? 'DROP'}` });
  if (nf.ipvsBound.includes(nf.after.dst)) return deliverNodeHost(ctx, next, nf.after, nextPath);
  return forward(ctx, next, nf.after, nf.masquerade, nextPath);
}

function routeExplanation(dev: string, via: string | undefined, dst: string, node: NodeNet, topo: NetworkTopology): string {
  if (dev === 'cni0') return `${dst} is in ${node.name}'s own pod subnet ${node.podCIDR}, so the node delivers it on the cni0 bridge.`;
  const owner = via ? nodeByIP(topo, via) : undefined;
  const direct = !via ? nodeByIP(topo, dst) : undefined;
  if (direct) return `${dst} is ${direct.name}'s address on the node network, so ${node.name} sends the packet straight out of eth0 to it.`;
  if (owner) return `${dst} is in ${owner.name}'s pod subnet ${owner.podCIDR}, so ${node.name} forwards it out of eth0 to ${owner.name} (${via}).`;
  return `No cluster route covers ${dst}, so ${node.name} sends it to its default gateway ${via ?? topo.nodeNetwork.gateway}.`;
}

function fixMasqueradeHop(ctx: WalkCtx, node: string, before: PacketView, after: PacketView): void {
  for (let i = ctx.hops.length - 1; i >= 0; i--) {
    const h = ctx.hops[i]!;
    if (h.where.machine === node && h.where.chain === 'POSTROUTING') {
      ctx.hops[i] = { ...h, before, after, explanation: `On ${node}, nat POSTROUTING found kube-proxy's masquerade mark (0x4000) and rewrote the source ${before.src} to ${after.src}, the address of the interface the packet leaves by, so replies come back through ${node}.` };
      return;
    }
  }
}

/**
 * Which nodes the reply from `server` (on node `at`) to `client` passes: its own node, then the
 * node that owns the client's address (pod subnet or node IP), if another.
 */
function replyNodes(topo: NetworkTopology, at: NodeNet, client: string): Set<string> {
  const nodes = new Set([at.name]);
  const owner = topo.nodes.find((n) => n.ip === client || (n.podCIDR && lookupRoute([{ dst: n.podCIDR, dev: 'cni0' }], client)));
  if (owner) nodes.add(owner.name);
  return nodes;
}

/**
 * A translated connection only works if the reply comes back through the node that translated
 * it: there conntrack restores the address the client called. A reply that bypasses it reaches
 * the client from an address it never called, which drops it (asymmetric routing).
 */
function bypassedNat(ctx: WalkCtx, path: readonly PathStep[], pkt: PacketView, at: NodeNet): string | undefined {
  const back = replyNodes(ctx.topo, at, pkt.src);
  for (let i = 0; i < path.length; i++) {
    const next = path[i + 1]?.arrived ?? pkt;
    const step = path[i]!;
    if (step.arrived.dst !== next.dst && !back.has(step.node)) {
      return `the reply from ${at_(pkt)} goes straight back to ${pkt.src} without passing ${step.node}, where ${step.arrived.dst} was translated to ${next.dst}: the client drops an answer from an address it never called (asymmetric routing)`;
    }
  }
  return undefined;
}

const at_ = (p: PacketView) => (p.dport !== undefined && p.protocol !== 'icmp' ? `${p.dst}:${p.dport}` : p.dst);

/** cni0 → the pod's veth → its eth0, and the kernel's answer in the pod's network namespace. */
function deliverToPod(ctx: WalkCtx, node: NodeNet, pkt: PacketView, path: PathStep[]): ConnectResult {
  const pod = podByIP(ctx.topo, pkt.dst);
  if (!pod || pod.node !== node.name) {
    return ctx.finish({ kind: 'unreachable', reason: `no pod has ${pkt.dst} on ${node.name}: ARP for ${pkt.dst} on cni0 gets no answer (No route to host)` });
  }
  const label = `${pod.namespace}/${pod.name}`;
  ctx.add({ where: { machine: label, kind: 'pod', interface: 'eth0' }, before: pkt, after: pkt, why: [{ kind: 'route', text: `cni0 → ${pod.veth} → ${label} eth0` }], explanation: `The bridge hands the packet to ${pod.veth}, whose other end is eth0 inside pod ${label}.` });
  const flows = flowsFor(path, pkt);
  if (pkt.protocol === 'tcp') {
    const kubelet = ctx.deps.sim.kubelet(node.name);
    const accepted = kubelet?.accepts(pkt.dst, pkt.dport ?? 0, 'TCP') ?? 'refused';
    if (accepted === 'refused') return refusedByRst(ctx, label, pkt, flows);
    const bypass = bypassedNat(ctx, path, pkt, node);
    if (bypass) {
      ctx.add({ where: { machine: label, kind: 'pod' }, before: pkt, after: { ...pkt, src: pkt.dst, dst: pkt.src, sport: pkt.dport ?? 0, dport: pkt.sport ?? 0 }, why: [], explanation: `The server answers, but ${bypass}.` });
      return ctx.finish({ kind: 'timeout', reason: bypass }, undefined, flows.map((f) => ({ ...f, unreplied: true })));
    }
    return ctx.finish({ kind: 'delivered', ip: pkt.dst, port: pkt.dport ?? 0, machine: label, container: accepted.container }, delivery(pkt, node, pod, accepted.container), flows);
  }
  return ctx.finish({ kind: 'delivered', ip: pkt.dst, ...(pkt.dport !== undefined ? { port: pkt.dport } : {}), machine: label }, delivery(pkt, node, pod), flows);
}

function delivery(pkt: PacketView, node: NodeNet, pod?: { namespace: string; name: string }, container?: string): Delivery {
  return { node: node.name, ...(pod ? { pod: { namespace: pod.namespace, name: pod.name } } : {}), ...(container ? { container } : {}), ip: pkt.dst, port: pkt.dport ?? 0, seenSrc: pkt.src, seenSport: pkt.sport ?? 0 };
}

function refusedByRst(ctx: WalkCtx, machine: string, pkt: PacketView, flows: FlowRecord[]): ConnectResult {
  ctx.add({ where: { machine, kind: 'pod' }, before: pkt, after: { ...pkt, src: pkt.dst, dst: pkt.src, sport: pkt.dport ?? 0, dport: pkt.sport ?? 0 }, why: [], explanation: `Nothing in ${machine} listens on port ${pkt.dport}, so its kernel answers the SYN with a TCP RST: connection refused.` });
  return ctx.finish({ kind: 'refused', reason: `nothing listens on ${at(pkt)} in ${machine}: the kernel answered TCP RST` }, undefined, flows.map((f) => ({ ...f, state: 'CLOSE' })));
}

/** The node's own processes (host-network pods such as kube-apiserver), or the node answering a ping. */
export function deliverNodeHost(ctx: WalkCtx, node: NodeNet, pkt: PacketView, path: PathStep[]): ConnectResult {
  const flows = flowsFor(path, pkt);
  if (pkt.protocol === 'tcp') {
    const accepted = ctx.deps.sim.kubelet(node.name)?.accepts(node.ip, pkt.dport ?? 0, 'TCP') ?? 'refused';
    if (accepted === 'refused') return refusedByRst(ctx, node.name, pkt, flows);
    return ctx.finish({ kind: 'delivered', ip: pkt.dst, port: pkt.dport ?? 0, machine: node.name, container: accepted.container }, { ...delivery(pkt, node, accepted.pod, accepted.container) }, flows);
  }
  ctx.add({ where: { machine: node.name, kind: 'node' }, before: pkt, after: pkt, why: [], explanation: `${pkt.dst} is an address of ${node.name} itself, so its kernel takes the packet.` });
  return ctx.finish({ kind: 'delivered', ip: pkt.dst, ...(pkt.dport !== undefined ? { port: pkt.dport } : {}), machine: node.name }, delivery(pkt, node), flows);
}

/** Loopback or the client's own address: the packet never leaves its network namespace. */
export function deliverLocal(ctx: WalkCtx, pkt: PacketView): ConnectResult {
  const { origin } = ctx;
  const viaRules = ctx.hops.some((h) => h.where.table === 'nat' || h.where.table === 'filter');
  ctx.add({ where: { machine: origin.label, kind: origin.kind, interface: 'lo' }, before: pkt, after: pkt, why: [{ kind: 'route', text: `local ${pkt.dst} dev lo table local` }], explanation: viaRules ? `No rule translated it, and ${pkt.dst} is an address of ${origin.label}, so the packet goes through the loopback interface to a local socket.` : `${pkt.dst} is local to ${origin.label}, so the packet goes through the loopback interface and never reaches a bridge or kube-proxy's rules.` });
  if (origin.kind === 'outside' || !origin.node) return ctx.finish({ kind: 'refused', reason: `nothing listens on ${at(pkt)} on ${origin.label}` });
  if (pkt.protocol !== 'tcp') return ctx.finish({ kind: 'delivered', ip: pkt.dst, machine: origin.label }, delivery(pkt, origin.node, origin.pod));
  const ip = origin.kind === 'pod' ? origin.ip : origin.node.ip;
  // A socket bound to 127.0.0.1 (kube-scheduler's 10259) takes only connections to the loopback.
  const accepted = ctx.deps.sim.kubelet(origin.node.name)?.accepts(ip, pkt.dport ?? 0, 'TCP', pkt.dst.startsWith('127.')) ?? 'refused';
  if (accepted === 'refused' || (origin.kind === 'pod' && accepted.pod.name !== origin.pod?.name)) return refusedByRst(ctx, origin.label, pkt, []);
  return ctx.finish({ kind: 'delivered', ip: pkt.dst, port: pkt.dport ?? 0, machine: origin.label, container: accepted.container }, { ...delivery(pkt, origin.node, accepted.pod, accepted.container), listenerIp: ip });
}

/** Beyond the node network's gateway: the docker host, registered outside hosts, or nothing. */
export function outsideWorld(ctx: WalkCtx, pkt: PacketView, path: PathStep[], via?: NodeNet): ConnectResult {
  const gw = ctx.topo.nodeNetwork.gateway;
  // The CNI's ipMasq rule hides pod addresses behind the node's for traffic leaving the cluster.
  if (via && ctx.origin.kind === 'pod' && pkt.src === ctx.origin.ip) {
    const before = pkt;
    // MASQUERADE keeps the source port when it is free on the node (no --random-fully).
    pkt = { ...pkt, src: via.ip };
    ctx.add({ where: { machine: via.name, kind: 'node', interface: 'eth0', table: 'nat', chain: 'POSTROUTING' }, before, after: pkt, why: [{ kind: 'route', text: `${via.podCIDR} → ${pkt.dst}: MASQUERADE (CNI ipMasq, destination outside the cluster)` }], explanation: `${pkt.dst} is outside the cluster, so on its way out of ${via.name} the CNI's masquerade rule rewrites the source ${before.src} (a pod address the Internet cannot route back to) to the node's ${via.ip}; conntrack undoes it for the reply.` });
  }
  const host = ctx.deps.external.get(pkt.dst);
  const flows = flowsFor(path, pkt);
  if (pkt.dst === gw || host) {
    const name = host ? host.name : `the node network's gateway`;
    ctx.add({ where: { machine: `outside:${host ? host.name : gw}`, kind: 'outside' }, before: pkt, after: pkt, why: [], explanation: `The packet reaches ${name} (${pkt.dst}).` });
    if (pkt.protocol === 'tcp' && !host?.tcpPorts.includes(pkt.dport ?? 0)) return refusedByRst(ctx, `outside:${host ? host.name : gw}`, pkt, flows);
    return ctx.finish({ kind: 'delivered', ip: pkt.dst, ...(pkt.dport !== undefined ? { port: pkt.dport } : {}), machine: `outside:${host ? host.name : gw}` }, { ip: pkt.dst, port: pkt.dport ?? 0, seenSrc: pkt.src, seenSport: pkt.sport ?? 0, ...(host ? { external: host } : {}) }, flows);
  }
  ctx.add({ where: { machine: `outside:${gw}`, kind: 'outside' }, before: pkt, after: pkt, why: [], explanation: `Nothing beyond ${gw} has the address ${pkt.dst}: the packet is lost and no answer ever comes back.` });
  return ctx.finish({ kind: 'timeout', reason: `no host answers for ${pkt.dst}: it left ${via?.name ?? 'the node network'} through the default route and was lost` }, undefined, flows.map((f) => ({ ...f, unreplied: true })));
}
