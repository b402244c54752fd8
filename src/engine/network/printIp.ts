/**
 * `ip addr` and `ip route` as iproute2 6.x prints them (ipaddress.c print_linkinfo /
 * print_addrinfo, iproute.c print_route): the trailing blank after `group default` and after
 * an inet6 scope is iproute2's own.
 */
import { broadcastOf, linkLocalFor } from './addresses';
import type { NetworkTopology, NodeNet, PodNet } from './topology';
import { CNI0_INDEX, KUBE_IPVS0_INDEX, nodeRoutes, podRoutes, routeText } from './topology';

const LO = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '    inet6 ::1/128 scope host ',
  '       valid_lft forever preferred_lft forever',
];

const FOREVER = '       valid_lft forever preferred_lft forever';
const UP = '<BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue';

function inet6(mac: string): string[] {
  return [`    inet6 ${linkLocalFor(mac)}/64 scope link `, FOREVER];
}

/** One interface block of `ip addr` (the lines belonging to `name`). */
type Block = { name: string; lines: string[] };

function nodeBlocks(topo: NetworkTopology, node: NodeNet, ipvsAddresses?: readonly string[]): Block[] {
  const prefix = topo.nodeNetwork.cidr.split('/')[1];
  const blocks: Block[] = [
    { name: 'lo', lines: LO },
    {
      name: 'eth0',
      lines: [
        `2: eth0@if${node.eth0PeerIndex}: ${UP} state UP group default `,
        `    link/ether ${node.eth0Mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
        `    inet ${node.ip}/${prefix} brd ${broadcastOf(topo.nodeNetwork.cidr)} scope global eth0`,
        FOREVER,
        ...inet6(node.eth0Mac),
      ],
    },
    {
      name: 'cni0',
      lines: [
        `${CNI0_INDEX}: cni0: ${UP} state UP group default qlen 1000`,
        `    link/ether ${node.bridgeMac} brd ff:ff:ff:ff:ff:ff`,
        `    inet ${node.bridgeIP}/${node.podCIDR.split('/')[1]} brd ${broadcastOf(node.podCIDR)} scope global cni0`,
        FOREVER,
        ...inet6(node.bridgeMac),
      ],
    },
  ];
  if (ipvsAddresses) {
    const mac = node.eth0Mac.replace(/^../, '8a');
    blocks.push({
      name: 'kube-ipvs0',
      lines: [`${KUBE_IPVS0_INDEX}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `, `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`, ...ipvsAddresses.flatMap((ip) => [`    inet ${ip}/32 scope global kube-ipvs0`, FOREVER])],
    });
  }
  for (const p of node.pods) {
    if (p.hostNetwork || !p.vethIndex) continue;
    blocks.push({
      name: p.veth,
      lines: [`${p.vethIndex}: ${p.veth}@if2: ${UP} master cni0 state UP group default `, `    link/ether ${p.vethMac} brd ff:ff:ff:ff:ff:ff link-netns cni-${netnsId(p)}`, ...inet6(p.vethMac)],
    });
  }
  return blocks;
}

/** The CNI's network namespace name suffix (a UUID in real clusters), stable per pod. */
function netnsId(p: PodNet): string {
  const h = p.mac.replace(/:/g, '') + p.vethMac.replace(/:/g, '') + p.veth.slice(4);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 28)}${h.slice(0, 4)}`;
}

function podBlocks(node: NodeNet, pod: PodNet): Block[] {
  return [
    { name: 'lo', lines: LO },
    {
      name: 'eth0',
      lines: [
        `2: eth0@if${pod.vethIndex}: ${UP} state UP group default `,
        `    link/ether ${pod.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
        `    inet ${pod.ip}/${node.podCIDR.split('/')[1]} brd ${broadcastOf(node.podCIDR)} scope global eth0`,
        FOREVER,
        ...inet6(pod.mac),
      ],
    },
  ];
}

/**
 * busybox `ip` (an old iproute2 fork): no `state`/`group` fields, `M-DOWN` on veth ends, no
 * `link-netnsid`, `qlen` straight after the qdisc.
 */
function busyboxBlock(b: Block): Block {
  const lines = b.lines.map((l, i) => {
    if (i === 0) {
      const veth = /@if\d+:/.test(l);
      return l
        .replace(/ state \S+ group default( qlen (\d+))?/, (_m, _q, qlen: string | undefined) => (qlen ? ` qlen ${qlen}` : ''))
        .replace(/,LOWER_UP>/, veth ? ',LOWER_UP,M-DOWN>' : ',LOWER_UP>');
    }
    return l.replace(/ link-netnsid \d+$/, '');
  });
  return { name: b.name, lines };
}

/** `ip addr [show [dev] NAME]` on a node or in a pod; undefined when the device does not exist. */
export function ipAddrShow(topo: NetworkTopology, node: NodeNet, pod: PodNet | undefined, dev?: string, ipvsAddresses?: readonly string[], busybox = false): string | undefined {
  const raw = pod && !pod.hostNetwork ? podBlocks(node, pod) : nodeBlocks(topo, node, ipvsAddresses);
  const blocks = busybox ? raw.map(busyboxBlock) : raw;
  const chosen = dev ? blocks.filter((b) => b.name === dev) : blocks;
  if (dev && chosen.length === 0) return undefined;
  return chosen.flatMap((b) => b.lines).join('\n') + '\n';
}

/** `ip route [show]`; busybox prints `scope link  src X ` without `proto kernel`, and a blank after every route. */
export function ipRouteShow(topo: NetworkTopology, node: NodeNet, pod: PodNet | undefined, busybox = false): string {
  const routes = pod && !pod.hostNetwork ? podRoutes(node, pod) : nodeRoutes(topo, node);
  if (!busybox) return routes.map((r) => `${routeText(r)}\n`).join('');
  return routes.map((r) => (r.via ? `${r.dst} via ${r.via} dev ${r.dev} \n` : `${r.dst} dev ${r.dev} scope link  src ${r.src ?? ''} \n`)).join('');
}
