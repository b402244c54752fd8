/**
 * One new connection through a node in IPVS mode, in kernel hook order: nat PREROUTING →
 * filter INPUT → IPVS (LOCAL_IN; Service IPs are local on kube-ipvs0) for packets from the
 * network; nat OUTPUT → IPVS (LOCAL_OUT) → filter OUTPUT for local processes; then nat
 * POSTROUTING. IPVS with no real server answers ICMP port unreachable (ip_vs_leave).
 */
import type { Rng } from '../../sim/Rng';
import type { EvalResult, NetfilterState, Packet } from '../iptables/evaluate';
import { evaluateTable } from '../iptables/evaluate';
import type { FlowOutcome } from '../iptables/packetFlow';
import type { Ruleset } from '../model';
import type { IpvsDecision, IpvsRuntime } from './evaluateIpvs';
import { evaluateIpvs } from './evaluateIpvs';
import type { IpvsState } from './virtualServers';

export interface IpvsFlowResult {
  outcome: FlowOutcome;
  masquerade: boolean;
  steps: { hook: string; table: 'nat' | 'filter'; result: EvalResult }[];
  ipvs?: IpvsDecision;
}

export function traceIpvsConnection(ruleset: Ruleset, ipvs: IpvsState, packet: Packet, fromLocalProcess: boolean, rng: Rng, nf: NetfilterState, rt: IpvsRuntime): IpvsFlowResult {
  // Addresses on kube-ipvs0 are local addresses of the node.
  const state: NetfilterState = { ...nf, localAddresses: [...nf.localAddresses, ...ipvs.boundAddresses] };
  const steps: IpvsFlowResult['steps'] = [];
  const blocked = (r: EvalResult) => r.verdict.kind === 'REJECT' || r.verdict.kind === 'DROP';
  const nat = evaluateTable(ruleset, 'nat', fromLocalProcess ? 'OUTPUT' : 'PREROUTING', { ...packet, ctStates: ['NEW'] }, rng, state);
  steps.push({ hook: fromLocalProcess ? 'OUTPUT' : 'PREROUTING', table: 'nat', result: nat });
  let mark = nat.mark;
  const isLocal = packet.dst.startsWith('127.') || state.localAddresses.includes(packet.dst);
  if (!fromLocalProcess && isLocal) {
    const input = evaluateTable(ruleset, 'filter', 'INPUT', { ...packet, mark, ctStates: ['NEW'] }, rng, state);
    steps.push({ hook: 'INPUT', table: 'filter', result: input });
    if (blocked(input)) return { outcome: { kind: input.verdict.kind as 'REJECT' | 'DROP' }, masquerade: false, steps };
    mark = input.mark;
  }
  const decision = isLocal || fromLocalProcess ? evaluateIpvs(ipvs, packet, rng, rt) : ({ kind: 'no-virtual-server' } as const);
  if (decision.kind === 'no-real-server') return { outcome: { kind: 'REJECT' }, masquerade: false, steps, ipvs: decision };
  const dst = decision.kind === 'forward' ? decision.realServer.ip : packet.dst;
  const dport = decision.kind === 'forward' ? decision.realServer.port : packet.dport;
  const after: Packet = { ...packet, dst, dport, mark };
  if (fromLocalProcess) {
    const out = evaluateTable(ruleset, 'filter', 'OUTPUT', { ...after, ctStates: ['NEW'] }, rng, state);
    steps.push({ hook: 'OUTPUT', table: 'filter', result: out });
    if (blocked(out)) return { outcome: { kind: out.verdict.kind as 'REJECT' | 'DROP' }, masquerade: false, steps, ipvs: decision };
    mark = out.mark;
  } else if (!isLocal) {
    const fwd = evaluateTable(ruleset, 'filter', 'FORWARD', { ...after, ctStates: ['NEW'] }, rng, state);
    steps.push({ hook: 'FORWARD', table: 'filter', result: fwd });
    if (blocked(fwd)) return { outcome: { kind: fwd.verdict.kind as 'REJECT' | 'DROP' }, masquerade: false, steps, ipvs: decision };
    mark = fwd.mark;
  }
  let masquerade = false;
  if (decision.kind === 'forward' || !isLocal) {
    const post = evaluateTable(ruleset, 'nat', 'POSTROUTING', { ...after, mark, ctStates: ['NEW'] }, rng, state);
    steps.push({ hook: 'POSTROUTING', table: 'nat', result: post });
    masquerade = post.verdict.kind === 'MASQUERADE';
  }
  const outcome: FlowOutcome = decision.kind === 'forward' ? { kind: 'endpoint', ip: dst, port: dport } : { kind: 'unchanged', ip: dst, port: dport };
  return { outcome, masquerade, steps, ...(decision.kind === 'forward' ? { ipvs: decision } : {}) };
}
