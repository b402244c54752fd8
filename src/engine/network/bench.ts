/**
 * The seeds' "iptables bottleneck", measured: one explained trace through a node with 10,000
 * Services (100,000 endpoints) in iptables mode and in IPVS mode, counting the rules the packet is
 * compared against; plus kube-proxy's full rule generation (its change tracking of the objects
 * timed apart) and one incremental change at that size. Trace and incremental figures are
 * medians over five (five Services), so one collector pause does not make them. The caller
 * passes its clock (`performance.now`), so the engine stays timer-free.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { chainLength, KubeProxy } from '../proxy';
import { Rng } from '../sim/Rng';
import { intToIp, ipToInt } from './addresses';
import { runNodeNetfilter } from './netfilterHops';
import type { NodeNet } from './topology';

export interface NetworkBenchResult {
  services: number;
  endpoints: number;
  iptables: { traversed: number; hops: number; traceMs: number; ingestMs: number; fullSyncMs: number; incrementalMs: number; rules: number };
  ipvs: { traversed: number; hops: number; traceMs: number; fullSyncMs: number };
}

const NODES = ['node01', 'node02', 'controlplane'];

/** `n` Services with `perService` ready endpoints each, spread over the nodes' pod CIDRs. */
export function bigCluster(n: number, perService: number): { services: Service[]; slices: EndpointSlice[] } {
  const services: Service[] = [];
  const slices: EndpointSlice[] = [];
  const base = ipToInt('10.100.0.0');
  let pod = 0;
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    services.push({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'bench' }, spec: { type: 'ClusterIP', clusterIP: intToIp(base + i + 1), selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } });
    const endpoints = Array.from({ length: perService }, () => {
      const node = pod % NODES.length;
      const ip = `10.244.${node}.${2 + (Math.floor(pod / NODES.length) % 250)}`;
      pod++;
      return { addresses: [ip], nodeName: NODES[node]!, conditions: { ready: true, serving: true, terminating: false } };
    });
    slices.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-abcde`, namespace: 'bench', labels: { 'kubernetes.io/service-name': name } }, addressType: 'IPv4', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints });
  }
  return { services, slices };
}

const node01: NodeNet = { name: 'node01', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', bridgeIP: '10.244.1.1', eth0Mac: '', bridgeMac: '', eth0PeerIndex: 0, controlPlane: false, ready: true, pods: [] };

function trace(proxy: KubeProxy, dst: string, now: () => number) {
  const t0 = now();
  const nf = runNodeNetfilter({ proxy, node: node01, packet: { protocol: 'tcp', src: '10.244.1.9', sport: 40000, dst, dport: 80 }, fromLocalProcess: false, bridged: true, rng: new Rng('bench'), now: 0, recent: {}, ipvs: { nowMs: 0, rrNext: {}, persistence: {}, active: {} } });
  return { traversed: nf.traversed, hops: nf.hops.length, traceMs: now() - t0 };
}

/** The median of `xs` (the figures are medians over five, so one collector pause does not make them). */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const SAMPLES = 5;

/** Five explained traces to `dsts`: the last one's counts (the worst case) and the median time. */
function traces(proxy: KubeProxy, dsts: readonly string[], now: () => number) {
  const runs = dsts.map((dst) => trace(proxy, dst, now));
  return { ...runs.at(-1)!, traceMs: median(runs.map((r) => r.traceMs)) };
}

export function runNetworkBench(now: () => number, services = 10_000, perService = 10): NetworkBenchResult {
  const { services: svcs, slices } = bigCluster(services, perService);
  const nodeInfo = { name: 'node01', ips: ['172.18.0.3'] };
  // Packets go to the Services whose KUBE-SERVICES rules come last: the worst case of a linear
  // chain, the very last one for the rule counts.
  const last = [...svcs].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1)).slice(-SAMPLES).map((s) => s.spec!.clusterIP!);

  const ipt = new KubeProxy(nodeInfo, { clusterCIDR: '10.244.0.0/16' });
  // Change tracking (the informer events: Services' port info and chain names, slices stored)
  // and the full sync (every endpoint gathered and named, every rule written and installed) are
  // timed apart, as kube-proxy does its work in those two places.
  let t0 = now();
  ipt.update(svcs, slices);
  const ingestMs = now() - t0;
  t0 = now();
  const rules = ipt.ruleset();
  const fullSyncMs = now() - t0;
  const ruleCount = rules.tables.reduce((sum, t) => sum + t.chains.reduce((s, c) => s + chainLength(c), 0), 0);
  const iptTrace = traces(ipt, last, now);
  // One EndpointSlice gains an endpoint, five times (five Services).
  const incremental = slices.slice(0, SAMPLES).map((slice) => {
    const changed = { ...slice, endpoints: [...slice.endpoints, { addresses: ['10.244.1.251'], nodeName: 'node01', conditions: { ready: true, serving: true, terminating: false } }] };
    t0 = now();
    ipt.onSliceChanged('bench', changed.metadata!.name!, changed, slice);
    ipt.ruleset();
    return now() - t0;
  });

  const ipvs = new KubeProxy(nodeInfo, { clusterCIDR: '10.244.0.0/16', mode: 'ipvs' });
  t0 = now();
  ipvs.update(svcs, slices);
  ipvs.ruleset();
  ipvs.ipvs();
  const ipvsSyncMs = now() - t0;
  const ipvsTrace = traces(ipvs, last, now);
  return {
    services,
    endpoints: services * perService,
    iptables: { ...iptTrace, ingestMs, fullSyncMs, incrementalMs: median(incremental), rules: ruleCount },
    ipvs: { ...ipvsTrace, fullSyncMs: ipvsSyncMs },
  };
}
