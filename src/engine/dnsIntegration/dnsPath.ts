/**
 * How a DNS datagram gets from a pod (or node) to a nameserver and back. Until the packet
 * engine's UDP API lands (src/engine/network/), this does what kube-proxy's iptables rules do for
 * one UDP datagram: a Service ClusterIP:port is DNATed to one of its endpoints, chosen uniformly
 * (the `statistic --mode random` chain), ready endpoints first and serving-terminating ones when
 * none is ready; no endpoint means nothing answers. The reply comes back un-DNATed, so the tools
 * still see the Service IP as the server.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/types';
import type { Place } from '../cluster/tools';
import type { DnsMessage } from '../dns';
import { categorizeEndpoints, endpointsForPort, servicePorts, slicesForService } from '../proxy/serviceInfo';
import type { PodObject } from '../sim/kinds';
import type { Simulation } from '../sim/Simulation';
import type { ClusterDns } from './ClusterDns';

/** Where one datagram went: the Service that DNATed it and the endpoint that got it. */
export interface DnsHop {
  from: { ip: string; port: number };
  to: { ip: string; port: number };
  /** `namespace/name` of the Service whose ClusterIP was the destination, if any. */
  service?: string;
  /** The endpoint kube-proxy picked (after DNAT), if any. */
  endpoint?: { ip: string; port: number; pod?: string };
  /** Why nothing answered, in a sentence. */
  failure?: string;
}

/** One query's trip and its reply. */
export interface DnsExchange {
  reply: DnsMessage | 'timeout';
  hop: DnsHop;
}

/** Carries DNS queries from a place; the network engine will provide another implementation. */
export interface DnsPath {
  exchange(from: Place, server: string, query: DnsMessage, port?: number): DnsExchange;
}

/** Linux's default ip_local_port_range: where a resolver's source port comes from. */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_COUNT = 60999 - 32768 + 1;

/** The address a place sends from: the pod's IP (or its node's with hostNetwork), or the node's. */
export function sourceIP(sim: Simulation, place: Place): string {
  if (place.kind === 'container') {
    const pod = sim.api.system('coredns').tryGet<PodObject>('pods', place.namespace, place.pod);
    if (pod?.status?.podIP) return pod.status.podIP;
  }
  return sim.config.nodes.find((n) => n.name === place.node)?.internalIP ?? '127.0.0.1';
}

/** The kube-proxy-style path over the live cluster: Service DNAT, then the CoreDNS pod. */
export function serviceDnatPath(sim: Simulation, dns: ClusterDns): DnsPath {
  const api = sim.api.system('coredns');
  return {
    exchange(from, server, query, port = 53) {
      const src = { ip: sourceIP(sim, from), port: EPHEMERAL_LOW + sim.rng.int(EPHEMERAL_COUNT) };
      const hop: DnsHop = { from: src, to: { ip: server, port } };
      let target = { ip: server, port };
      const svc = dns.serviceAt(server);
      if (svc) {
        hop.service = `${svc.metadata?.namespace}/${svc.metadata?.name}`;
        const info = servicePorts(svc).find((p) => p.port === port && p.ref.protocol === 'udp');
        if (!info) return { reply: 'timeout', hop: { ...hop, failure: `Service ${hop.service} has no UDP port ${port}: no rule matches and the packet is dropped` } };
        const slices = slicesForService(svc, api.list<EndpointSlice & KubeObject>('endpointslices.discovery.k8s.io', svc.metadata?.namespace).items);
        const eps = categorizeEndpoints(info, endpointsForPort(info, slices, from.node)).cluster;
        if (eps.length === 0) return { reply: 'timeout', hop: { ...hop, failure: `Service ${hop.service} has no ready endpoints for port ${port}/UDP` } };
        const ep = eps[sim.rng.int(eps.length)]!;
        target = { ip: ep.ip, port: ep.port };
      }
      const inst = dns.instanceAt(target.ip);
      hop.endpoint = { ...target, ...(inst ? { pod: `${inst.namespace}/${inst.pod}` } : {}) };
      if (!inst && !svc) {
        const reply = dns.upstreamAnswer(target.ip, query);
        return reply === 'timeout' ? { reply, hop: { ...hop, failure: `nothing answers DNS at ${target.ip}:${target.port}` } } : { reply, hop };
      }
      const reply = dns.serve(target.ip, target.port, query, { ip: src.ip, port: src.port, proto: 'udp' });
      return reply === 'timeout' ? { reply, hop: { ...hop, failure: `no DNS server listens on ${target.ip}:${target.port}/UDP` } } : { reply, hop };
    },
  };
}
