/**
 * DNS over the packet engine: each query is a UDP exchange from the place to its nameserver,
 * walked hop by hop (pod eth0, veth, bridge, netfilter DNAT of 10.96.0.10:53 to one CoreDNS pod,
 * routing to its node). CoreDNS pods answer through the network's port-53 handler.
 */
import type { DnsMessage } from '../dns';
import { networkOf } from '../network/Network';
import type { Network } from '../network/Network';
import type { UdpDatagram } from '../network/types';
import type { Simulation } from '../sim/Simulation';
import type { ClusterDns } from './ClusterDns';
import type { DnsHop, DnsPath } from './dnsPath';

function isDnsMessage(x: unknown): x is DnsMessage {
  return typeof x === 'object' && x !== null && Array.isArray((x as DnsMessage).question) && typeof (x as DnsMessage).id === 'number';
}

/**
 * The UDP handler CoreDNS pods register: a datagram reaching a pod IP is answered by the CoreDNS
 * process running there, if any (`dns` is looked up per datagram: it is rebuilt on restore).
 * Undefined means nothing listens, and the kernel answers ICMP port unreachable.
 */
export function corednsUdpHandler(dns: () => ClusterDns): (d: UdpDatagram) => DnsMessage | undefined {
  return (d) => {
    if (!isDnsMessage(d.payload)) return undefined;
    const reply = dns().serve(d.dstIp, d.dstPort, d.payload, { ip: d.srcIp, port: d.srcPort, proto: 'udp' });
    return reply === 'timeout' ? undefined : reply;
  };
}

/** Ports already handed to the network per Network instance (the Corefile may add more than 53). */
const listening = new WeakMap<Network, Set<number>>();

/** Makes sure the network delivers `port` to CoreDNS pods. */
export function listenForDns(net: Network, port: number, dns: () => ClusterDns): void {
  let ports = listening.get(net);
  if (!ports) listening.set(net, (ports = new Set()));
  if (ports.has(port)) return;
  ports.add(port);
  net.listenUdp(port, corednsUdpHandler(dns));
}

/**
 * The resolver the nodes use (their resolv.conf, and CoreDNS's `forward . /etc/resolv.conf`): the
 * node network's gateway, answering from the simulated Internet.
 */
export const NODE_RESOLVER_IP = '172.18.0.1';

/** Puts the node network's resolver on the network as an outside host answering UDP and TCP 53. */
export function addNodeResolver(net: Network, dns: () => ClusterDns): void {
  net.addExternalHost({
    ip: NODE_RESOLVER_IP,
    name: 'node-resolver',
    tcpPorts: [53],
    udp: (d) => {
      if (!isDnsMessage(d.payload) || d.dstPort !== 53) return undefined;
      const reply = dns().upstreamAnswer(d.dstIp, d.payload);
      // A resolver that does not answer stays silent; the client times out.
      return reply === 'timeout' ? SILENT : reply;
    },
  });
}

/** A reply value the DNS path reads as silence (the network needs something to not send ICMP). */
const SILENT = { silent: true } as const;

/** A {@link DnsPath} over the packet engine. */
export function networkDnsPath(sim: Simulation, dns: () => ClusterDns): DnsPath {
  const net = networkOf(sim);
  return {
    exchange(from, server, query, port = 53) {
      listenForDns(net, port, dns);
      const r = net.udpExchange<DnsMessage>(from, server, port, query);
      const first = r.trace.hops[0]?.before;
      const hop: DnsHop = { from: { ip: first?.src ?? '', port: first?.sport ?? 0 }, to: { ip: server, port } };
      const svc = r.trace.hops.flatMap((h) => h.why).find((w) => w.kind === 'service');
      if (svc) hop.service = `${svc.namespace}/${svc.name}`;
      if (r.delivery) hop.endpoint = { ip: r.delivery.ip, port: r.delivery.port, ...(r.delivery.pod ? { pod: `${r.delivery.pod.namespace}/${r.delivery.pod.name}` } : {}) };
      if (r.reply && isDnsMessage(r.reply)) return { reply: r.reply, hop, trace: r.trace };
      // REJECT (kube-dns without endpoints) and a closed port answer ICMP port unreachable at once.
      const reply = r.outcome.kind === 'refused' ? 'refused' : 'timeout';
      return { reply, hop: { ...hop, failure: r.outcome.kind === 'delivered' ? 'no reply' : r.outcome.reason }, trace: r.trace };
    },
  };
}
