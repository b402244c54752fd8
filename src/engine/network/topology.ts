/**
 * The network as it follows from cluster state: every node's eth0 on the node network, its cni0
 * bridge (`.1` of the node's pod CIDR, every local pod's default gateway), one veth pair per pod,
 * and the routes the bridge CNI and host-gw routing install. Derived, never stored: pods come and
 * go, the topology follows.
 */
import type { ApiClient } from '../api/types';
import type { NodeObject, PodObject } from '../sim/kinds';
import { broadcastOf, cidrContains, gatewayOf, ipToInt, macFor, parseCidr, vethName } from './addresses';

/** The node network (kind's docker network) and its gateway, the host that is "outside". */
export interface NodeNetworkConfig {
  cidr: string;
  gateway: string;
}

export const DEFAULT_NODE_NETWORK: NodeNetworkConfig = { cidr: '172.18.0.0/16', gateway: '172.18.0.1' };

export interface PodNet {
  namespace: string;
  name: string;
  node: string;
  ip: string;
  /** Host-network pods share their node's interfaces and have no veth. */
  hostNetwork: boolean;
  /** Host-side veth name (`vethXXXXXXXX`) and interface index on the node. */
  veth: string;
  vethIndex: number;
  vethMac: string;
  /** The pod-side `eth0` MAC. */
  mac: string;
}

export interface NodeNet {
  name: string;
  ip: string;
  podCIDR: string;
  /** cni0's address: the `.1` of the pod CIDR. */
  bridgeIP: string;
  eth0Mac: string;
  bridgeMac: string;
  /** Index of eth0's peer on the outside host (`eth0@ifN`). */
  eth0PeerIndex: number;
  controlPlane: boolean;
  ready: boolean;
  pods: PodNet[];
}

export interface NetworkTopology {
  nodeNetwork: NodeNetworkConfig;
  nodes: NodeNet[];
}

/** cni0 is interface 3, kube-ipvs0 4; veths follow their pod's address so indexes are stable. */
export const CNI0_INDEX = 3;
export const KUBE_IPVS0_INDEX = 4;

function vethIndexFor(podCIDR: string, ip: string): number {
  return 4 + (ipToInt(ip) - parseCidr(podCIDR).base - 1);
}

/** Builds the topology from the API's Nodes and Pods. */
export function buildTopology(api: ApiClient, nodeNetwork: NodeNetworkConfig = DEFAULT_NODE_NETWORK): NetworkTopology {
  const nodes = api.list<NodeObject>('nodes', undefined).items;
  const pods = api.list<PodObject>('pods', undefined).items;
  const nets: NodeNet[] = nodes.map((n, i) => {
    const name = n.metadata.name ?? '';
    const podCIDR = n.spec?.podCIDR ?? '';
    return {
      name,
      ip: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
      podCIDR,
      bridgeIP: podCIDR ? gatewayOf(podCIDR) : '',
      eth0Mac: macFor(`eth0:${name}`),
      bridgeMac: macFor(`cni0:${name}`),
      eth0PeerIndex: 10 + 2 * i,
      controlPlane: Object.prototype.hasOwnProperty.call(n.metadata.labels ?? {}, 'node-role.kubernetes.io/control-plane'),
      ready: n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      pods: [],
    };
  });
  for (const p of pods) {
    const ip = p.status?.podIP;
    const node = nets.find((n) => n.name === p.spec?.nodeName);
    if (!ip || !node) continue;
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const ns = p.metadata.namespace ?? 'default';
    const name = p.metadata.name ?? '';
    const hostNetwork = Boolean(p.spec?.hostNetwork);
    node.pods.push({
      namespace: ns,
      name,
      node: node.name,
      ip,
      hostNetwork,
      veth: hostNetwork ? '' : vethName(ns, name),
      vethIndex: hostNetwork || !cidrContains(node.podCIDR, ip) ? 0 : vethIndexFor(node.podCIDR, ip),
      vethMac: macFor(`veth-host:${ns}/${name}`),
      mac: macFor(`veth-pod:${ns}/${name}`),
    });
  }
  for (const n of nets) n.pods.sort((a, b) => a.vethIndex - b.vethIndex);
  return { nodeNetwork, nodes: nets };
}

/** The (non-host-network) pod that owns `ip`, if any. */
export function podByIP(topo: NetworkTopology, ip: string): PodNet | undefined {
  for (const n of topo.nodes) for (const p of n.pods) if (!p.hostNetwork && p.ip === ip) return p;
  return undefined;
}

export function nodeByName(topo: NetworkTopology, name: string): NodeNet | undefined {
  return topo.nodes.find((n) => n.name === name);
}

export function nodeByIP(topo: NetworkTopology, ip: string): NodeNet | undefined {
  return topo.nodes.find((n) => n.ip === ip);
}

/** The node whose pod CIDR holds `ip`. */
export function nodeForPodIP(topo: NetworkTopology, ip: string): NodeNet | undefined {
  return topo.nodes.find((n) => n.podCIDR && cidrContains(n.podCIDR, ip));
}

export interface Route {
  dst: string;
  via?: string;
  dev: string;
  /** `proto kernel scope link src X` for connected routes. */
  src?: string;
}

/** `ip route` text for one route, as iproute2 6.x prints it. */
export function routeText(r: Route): string {
  if (r.via) return `${r.dst} via ${r.via} dev ${r.dev}`;
  return `${r.dst} dev ${r.dev} proto kernel scope link src ${r.src ?? ''}`;
}

/** A node's main routing table: default, other nodes' pod CIDRs via their IPs, cni0, eth0. */
export function nodeRoutes(topo: NetworkTopology, node: NodeNet): Route[] {
  const routes: Route[] = [{ dst: 'default', via: topo.nodeNetwork.gateway, dev: 'eth0' }];
  for (const n of topo.nodes) {
    if (!n.podCIDR) continue;
    if (n === node) routes.push({ dst: n.podCIDR, dev: 'cni0', src: n.bridgeIP });
    else routes.push({ dst: n.podCIDR, via: n.ip, dev: 'eth0' });
  }
  routes.push({ dst: topo.nodeNetwork.cidr, dev: 'eth0', src: node.ip });
  return sortRoutes(routes);
}

/** A pod's routes: default via the bridge, and its node's pod subnet on eth0. */
export function podRoutes(node: NodeNet, pod: PodNet): Route[] {
  return [
    { dst: 'default', via: node.bridgeIP, dev: 'eth0' },
    { dst: node.podCIDR, dev: 'eth0', src: pod.ip },
  ];
}

function sortRoutes(routes: Route[]): Route[] {
  const key = (r: Route) => (r.dst === 'default' ? [-1, 0] : [parseCidr(r.dst).base, parseCidr(r.dst).bits]);
  return routes.sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!);
}

/** Longest-prefix match over a routing table. */
export function lookupRoute(routes: readonly Route[], ip: string): Route | undefined {
  let best: Route | undefined;
  let bestBits = -1;
  for (const r of routes) {
    const bits = r.dst === 'default' ? 0 : parseCidr(r.dst).bits;
    if ((r.dst === 'default' || cidrContains(r.dst, ip)) && bits > bestBits) {
      best = r;
      bestBits = bits;
    }
  }
  return best;
}

export { broadcastOf };
