/**
 * One new connection's path through a node's netfilter hooks, in kernel order: nat
 * PREROUTING (or OUTPUT for a local process) → routing → filter INPUT/FORWARD (or OUTPUT) →
 * nat POSTROUTING. The network engine builds its hops from this; tests use it for
 * kube-proxy-style packet-flow tables.
 */
import type { Rng } from '../../sim/Rng';
import type { Ruleset } from '../model';
import type { EvalResult, NetfilterState, Packet } from './evaluate';
import { evaluateTable } from './evaluate';

export interface FlowStep {
  hook: string;
  table: 'nat' | 'filter';
  result: EvalResult;
}

export type FlowOutcome =
  | { kind: 'endpoint'; ip: string; port: number }
  /** Not translated: delivered to its original destination (e.g. a plain node port or pod IP). */
  | { kind: 'unchanged'; ip: string; port: number }
  | { kind: 'REJECT' }
  | { kind: 'DROP' };

export interface FlowResult {
  outcome: FlowOutcome;
  masquerade: boolean;
  steps: FlowStep[];
}

/**
 * Traces a new connection. `fromLocalProcess` means it starts on the node itself (hostNetwork
 * or the node's shell): OUTPUT instead of PREROUTING.
 */
export function traceConnection(ruleset: Ruleset, packet: Packet, fromLocalProcess: boolean, rng: Rng, state: NetfilterState): FlowResult {
  const steps: FlowStep[] = [];
  const first = fromLocalProcess ? 'OUTPUT' : 'PREROUTING';
  const nat = evaluateTable(ruleset, 'nat', first, { ...packet, ctStates: ['NEW'] }, rng, state);
  steps.push({ hook: first, table: 'nat', result: nat });
  let dst = packet.dst;
  let dport = packet.dport;
  const dnat = nat.verdict.kind === 'DNAT';
  if (nat.verdict.kind === 'DNAT') {
    dst = nat.verdict.ip;
    dport = nat.verdict.port;
  }
  const after: Packet = { ...packet, dst, dport, mark: nat.mark, ctStates: dnat ? ['NEW', 'DNAT'] : ['NEW'] };
  const isLocal = dst.startsWith('127.') || state.localAddresses.includes(dst);
  const filterHook = fromLocalProcess ? 'OUTPUT' : isLocal ? 'INPUT' : 'FORWARD';
  const filter = evaluateTable(ruleset, 'filter', filterHook, after, rng, state);
  steps.push({ hook: filterHook, table: 'filter', result: filter });
  if (filter.verdict.kind === 'REJECT' || filter.verdict.kind === 'DROP') {
    return { outcome: { kind: filter.verdict.kind }, masquerade: false, steps };
  }
  let masquerade = false;
  if (!isLocal || fromLocalProcess) {
    const post = evaluateTable(ruleset, 'nat', 'POSTROUTING', { ...after, mark: filter.mark }, rng, state);
    steps.push({ hook: 'POSTROUTING', table: 'nat', result: post });
    masquerade = post.verdict.kind === 'MASQUERADE';
  }
  const outcome: FlowOutcome = dnat ? { kind: 'endpoint', ip: dst, port: dport } : { kind: 'unchanged', ip: dst, port: dport };
  return { outcome, masquerade, steps };
}
