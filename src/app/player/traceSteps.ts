/**
 * A traced request as the player steps through it: the DNS walk first (one step per query), then
 * each hop of the connection, then the outcome. Pure: drawn from the Trace only, never invented.
 */
import type { Hop, TraceEntry, TraceOutcome } from '../../worker/traceApi';

/** One DNS query and its answer, read from the DNS area's (opaque) step records. */
export interface DnsQueryStep {
  kind: 'dns';
  /** `web.default.svc.cluster.local A → 10.101.223.66`, as the resolver describes it. */
  text: string;
  query?: string;
  type?: string;
  /** The nameserver the query went to (10.96.0.10). */
  server?: string;
  /** `namespace/name` of the CoreDNS pod that answered. */
  answeredBy?: string;
  /** Why nothing answered, in a sentence. */
  failure?: string;
}

export type PlayerStep = DnsQueryStep | { kind: 'hop'; hop: Hop } | { kind: 'outcome'; outcome: TraceOutcome; response?: { status: number; reason: string } };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads one of `trace.dns.steps`; entries without a text are not shown (nothing to say). */
export function dnsQueryStep(raw: unknown): DnsQueryStep | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const text = str(r.text);
  if (!text) return undefined;
  const step: DnsQueryStep = { kind: 'dns', text };
  for (const key of ['query', 'type', 'server', 'answeredBy', 'failure'] as const) {
    const v = str(r[key]);
    if (v !== undefined) step[key] = v;
  }
  return step;
}

export function traceSteps(entry: TraceEntry): PlayerStep[] {
  const dns = (entry.trace.dns?.steps ?? []).map(dnsQueryStep).filter((s): s is DnsQueryStep => s !== undefined);
  const hops = entry.trace.hops.map((hop): PlayerStep => ({ kind: 'hop', hop }));
  return [...dns, ...hops, { kind: 'outcome', outcome: entry.trace.outcome, ...(entry.response ? { response: entry.response } : {}) }];
}
