/**
 * Runs one node's netfilter (and IPVS) for a new connection and turns the kernel's steps into
 * Trace hops: every matched rule with its exact `iptables-save` text, the Service and endpoint it
 * was written for, and a sentence a learner can follow.
 */
import type { FlowOutcome, IpvsDecision, IpvsRuntime, KubeProxy, MatchedRule, NetfilterState, Packet, RecentLists } from '../proxy';
import { traceConnection, traceIpvsConnection } from '../proxy';
import type { Rng } from '../sim/Rng';
import type { NodeNet } from './topology';
import type { Hop, HopReason, PacketView } from './trace';

export interface NodeNetfilterResult {
  outcome: FlowOutcome;
  masquerade: boolean;
  traversed: number;
  hops: Omit<Hop, 'step'>[];
  /** The packet after DNAT (before any masquerade). */
  after: PacketView;
  /** The rule (or IPVS decision) that rejected or dropped the packet, as text. */
  blockedBy?: string;
  /** True when the blocking rule is kube-proxy's "has no endpoints" rule (or IPVS has no real servers). */
  noEndpoints: boolean;
  ipvsBound: readonly string[];
}

export interface NodeNetfilterInput {
  proxy: KubeProxy;
  node: NodeNet;
  packet: PacketView;
  fromLocalProcess: boolean;
  bridged: boolean;
  rng: Rng;
  now: number;
  recent: RecentLists;
  ipvs: IpvsRuntime;
}

function ruleReasons(matched: readonly MatchedRule[]): HopReason[] {
  const out: HopReason[] = [];
  for (const m of matched) {
    out.push({ kind: 'rule', table: m.table, chain: m.chain, index: m.index, text: m.text, provenance: m.provenance });
    const svc = m.provenance.service;
    if (svc && !out.some((r) => r.kind === 'service')) out.push({ kind: 'service', namespace: svc.namespace, name: svc.name, port: svc.port });
    const ep = m.provenance.endpoint;
    if (ep && !out.some((r) => r.kind === 'endpoint')) {
      out.push({ kind: 'endpoint', ip: ep.ip, port: ep.port, ...(ep.slice ? { slice: ep.slice } : {}), ...(ep.nodeName ? { node: ep.nodeName } : {}) });
    }
  }
  return out;
}

const show = (p: PacketView) => (p.dport !== undefined && p.protocol !== 'icmp' ? `${p.dst}:${p.dport}` : p.dst);

function stepExplanation(hook: string, table: string, verdict: string, matched: number, before: PacketView, after: PacketView, node: string): string {
  if (verdict === 'DNAT') return `On ${node}, nat ${hook} sent the packet through kube-proxy's chains, which rewrote its destination ${show(before)} to the endpoint ${show(after)} (DNAT).`;
  if (verdict === 'MASQUERADE') return `On ${node}, nat POSTROUTING found the masquerade mark and rewrote the source to ${after.src}${after.sport ? `:${after.sport}` : ''}, so replies come back through this node.`;
  if (verdict === 'REJECT') return `On ${node}, the ${table} table at ${hook} rejected the packet; the kernel answers with ICMP port unreachable (connection refused).`;
  if (verdict === 'DROP') return `On ${node}, the ${table} table at ${hook} dropped the packet silently; the client hears nothing and times out.`;
  if (matched === 0) return `On ${node}, no rule in ${table} ${hook} matched; the packet goes on unchanged.`;
  return `On ${node}, ${table} ${hook} checked the packet (${matched} rule${matched === 1 ? '' : 's'} matched) and let it continue unchanged.`;
}

function ipvsReason(d: IpvsDecision): HopReason[] {
  if (d.kind === 'no-virtual-server') return [];
  const vs = d.virtualServer;
  const head = `${vs.protocol.toUpperCase()}  ${vs.ip}:${vs.port} ${vs.scheduler}${vs.persistentSeconds ? ` persistent ${vs.persistentSeconds}` : ''}`;
  const rs = d.kind === 'forward' ? `\n  -> ${`${d.realServer.ip}:${d.realServer.port}`.padEnd(28)} Masq    ${d.realServer.weight}` : '';
  return [{ kind: 'ipvs', text: head + rs }];
}

/** Evaluates one node's hooks for a new connection (iptables or IPVS mode, as the proxy runs). */
export function runNodeNetfilter(input: NodeNetfilterInput): NodeNetfilterResult {
  const { proxy, node, packet } = input;
  const ipvsMode = proxy.config.mode === 'ipvs';
  const ipvsState = ipvsMode ? proxy.ipvs() : undefined;
  const nf: NetfilterState = { nowMs: input.now, localAddresses: [node.ip, node.bridgeIP], recent: input.recent };
  const pkt: Packet = { src: packet.src, dst: packet.dst, protocol: packet.protocol as Packet['protocol'], dport: packet.dport ?? 0, bridged: input.bridged };
  input.ipvs.nowMs = input.now;
  const flow: { outcome: FlowOutcome; masquerade: boolean; steps: ReturnType<typeof traceConnection>['steps']; ipvs?: IpvsDecision } = ipvsState
    ? traceIpvsConnection(proxy.ruleset(), ipvsState, pkt, input.fromLocalProcess, input.rng, nf, input.ipvs)
    : traceConnection(proxy.ruleset(), pkt, input.fromLocalProcess, input.rng, nf);
  const hops: Omit<Hop, 'step'>[] = [];
  let current: PacketView = { ...packet };
  let traversed = 0;
  let blockedBy: string | undefined;
  let noEndpoints = false;
  const outcome = flow.outcome;
  const dnatTo = outcome.kind === 'endpoint' ? { dst: outcome.ip, dport: outcome.port } : undefined;
  const inputAt = flow.steps.findIndex((st) => st.hook === 'INPUT');
  const ipvsAfter = input.fromLocalProcess || inputAt < 0 ? 0 : inputAt;
  for (let i = 0; i < flow.steps.length; i++) {
    const step = flow.steps[i]!;
    traversed += step.result.traversed;
    const v = step.result.verdict.kind;
    const before = current;
    let after = current;
    if (step.table === 'nat' && step.hook !== 'POSTROUTING' && v === 'DNAT' && dnatTo) after = { ...current, ...dnatTo };
    if (v === 'REJECT' || v === 'DROP') {
      const last = step.result.matched[step.result.matched.length - 1];
      blockedBy = last ? `${last.chain} ${v} rule: ${last.text}` : `${step.hook} policy ${v}`;
      noEndpoints = Boolean(last?.text.includes('has no endpoints') || last?.text.includes('has no local endpoints'));
    }
    hops.push({
      where: { machine: node.name, kind: 'node', table: step.table, chain: step.hook },
      before,
      after,
      why: ruleReasons(step.result.matched),
      explanation: stepExplanation(step.hook, step.table, v, step.result.matched.length, before, after, node.name),
    });
    current = after;
    // IPVS decides after nat OUTPUT for local processes, after filter INPUT for packets from the network.
    const ipvsFlow = flow.ipvs;
    if (ipvsMode && ipvsFlow && i === ipvsAfter) {
      traversed += 1;
      const d = ipvsFlow;
      const to = d.kind === 'forward' ? { dst: d.realServer.ip, dport: d.realServer.port } : {};
      const next = { ...current, ...to };
      if (d.kind === 'no-real-server') {
        blockedBy = `IPVS virtual server ${d.virtualServer.protocol.toUpperCase()} ${d.virtualServer.ip}:${d.virtualServer.port} has no real servers`;
        noEndpoints = true;
      }
      hops.push({
        where: { machine: node.name, kind: 'node', interface: 'kube-ipvs0', table: 'ipvs' },
        before: current,
        after: next,
        why: ipvsReason(d),
        explanation:
          d.kind === 'forward'
            ? `On ${node.name}, ${packet.dst} is bound to kube-ipvs0, so IPVS takes the connection: ${d.reason} It rewrites the destination to ${show(next)}.`
            : `On ${node.name}, IPVS has a virtual server for ${show(current)} but no real servers: it answers ICMP port unreachable (connection refused).`,
      });
      current = next;
    }
  }
  if (ipvsMode && flow.ipvs?.kind === 'no-real-server' && !blockedBy) {
    blockedBy = `IPVS virtual server ${flow.ipvs.virtualServer.ip}:${flow.ipvs.virtualServer.port} has no real servers`;
    noEndpoints = true;
  }
  const after = dnatTo ? { ...packet, ...dnatTo } : { ...packet };
  return { outcome, masquerade: flow.masquerade, traversed, hops, after, ...(blockedBy ? { blockedBy } : {}), noEndpoints, ipvsBound: ipvsState?.boundAddresses ?? [] };
}
