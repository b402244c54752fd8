/** The words the player shows for a request, a step and an outcome (one place, so they agree). */
import type { HopWhere, TraceEntry, TraceOutcome } from '../../worker/traceApi';
import { translationOf } from './packetDiff';
import type { PlayerStep } from './traceSteps';

/** `default/client` → `client`: the default namespace goes without saying, as in kubectl. */
export function shortName(machine: string): string {
  return machine.startsWith('default/') ? machine.slice('default/'.length) : machine;
}

/** The outcome in a few words: `delivered to web-7c…:80`, `refused`, `timed out`. */
export function outcomeShort(o: TraceOutcome): string {
  switch (o.kind) {
    case 'delivered':
      return `delivered to ${shortName(o.machine)}${o.port !== undefined ? `:${o.port}` : ''}`;
    case 'refused':
      return 'refused';
    case 'timeout':
      return 'timed out';
    case 'unreachable':
      return 'unreachable';
  }
}

/** `client → web:80 · delivered to web-7c9d-x2x:80`: who asked for what (the typed name), and what came of it. */
export function entryLabel(entry: TraceEntry): string {
  const { request, dns, outcome } = entry.trace;
  const target = `${dns?.name ?? request.dst}${request.dport !== undefined ? `:${request.dport}` : ''}`;
  const proto = request.protocol === 'tcp' ? '' : `${request.protocol.toUpperCase()} `;
  return `${shortName(request.from)} → ${proto}${target} · ${outcomeShort(outcome)}`;
}

/** `node01 · nat PREROUTING`, `default/client · eth0 · route`: where a hop happened. */
export function whereText(w: HopWhere): string {
  const table = w.table && w.chain ? `${w.table} ${w.chain}` : w.table;
  return [w.machine, w.interface, table].filter(Boolean).join(' · ');
}

/** A step's line in the hop list: the place, and what happened there in a word or two. */
export function stepLabel(step: PlayerStep): { title: string; note?: string } {
  // The answering pod by name only: the list is narrow, the details say kube-system/….
  if (step.kind === 'dns') return { title: `DNS ${step.text}`, ...(step.answeredBy ? { note: `answered by ${step.answeredBy.split('/').pop()}` } : step.failure ? { note: 'no answer' } : {}) };
  if (step.kind === 'outcome') return { title: outcomeTitle(step.outcome), note: step.response ? `HTTP ${step.response.status} ${step.response.reason}` : undefined };
  const t = translationOf(step.hop);
  return { title: whereText(step.hop.where), ...(t ? { note: t } : {}) };
}

export function outcomeTitle(o: TraceOutcome): string {
  return o.kind === 'delivered' ? `Delivered to ${shortName(o.machine)}` : o.kind === 'refused' ? 'Connection refused' : o.kind === 'timeout' ? 'Timed out' : 'Unreachable';
}

/** What the live region says when the current step changes. */
export function announcement(step: PlayerStep, index: number, total: number): string {
  const at = `Step ${index + 1} of ${total}`;
  if (step.kind === 'dns') return `${at}, DNS query: ${step.text}.`;
  if (step.kind === 'outcome') return `${at}, ${outcomeTitle(step.outcome)}${step.outcome.kind === 'delivered' ? '' : `: ${step.outcome.reason}`}`;
  return `${at}, ${whereText(step.hop.where)}: ${step.hop.explanation}`;
}
