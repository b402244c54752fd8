/**
 * The packet player's feed: every request the packet engine walks (a learner's curl, wget, ping,
 * nc, a NodePort hit, kubectl proxy) becomes a numbered entry, tagged with the terminal command
 * that caused it, kept in a bounded list and pushed to the UI. `traceRequest` traces one request
 * on demand with the engine function `kubelab trace` uses.
 */
import { traceRequest } from '../engine/cluster';
import { networkOf } from '../engine/network';
import type { Trace } from '../engine/network';
import type { Simulation } from '../engine/sim/Simulation';

export type { Hop, HopReason, HopWhere, PacketView, Trace, TraceDns, TraceOutcome } from '../engine/network';

/** One traced request as the player lists it. */
export interface TraceEntry {
  id: number;
  trace: Trace;
  /** Virtual time (ms) when it happened. */
  at: number;
  /** `terminal`: a command the learner typed; `player`: the player's own Trace form; `cluster`: anything else. */
  source: 'terminal' | 'player' | 'cluster';
  /** The terminal session, when a command caused it. */
  session?: number;
  /** The command line that caused it (`kubectl exec client -- wget -qO- web`), or the traced target. */
  command?: string;
  /** The HTTP answer, for requests traced from the player. */
  response?: { status: number; reason: string };
  /** How many pings of one `ping` command this entry stands for (the trace is the latest echo's). */
  echoes?: number;
}

/** A batch for the UI: new entries, oldest first (an id seen before replaces its entry); `reset` replaces the list (a new cluster). */
export interface TraceBatch {
  reset: boolean;
  entries: TraceEntry[];
}

export type TraceListener = (batch: TraceBatch) => void;

/** How many entries the worker keeps (and a new subscriber receives). */
export const TRACE_ENTRIES_KEPT = 50;

type Cause = Pick<TraceEntry, 'source' | 'session' | 'command'>;

export function createTraceApi(initial: Simulation) {
  let sim = initial;
  let entries: TraceEntry[] = [];
  let pending: TraceEntry[] = [];
  let reset = false;
  let nextId = 1;
  let cause: Cause | undefined;
  /** Set while the lab's checks run: their requests are not the learner's, the player leaves them out. */
  let muted = false;
  const listeners = new Set<TraceListener>();
  /** The line each session ran last, so traces of a command still running (poll) name it. */
  const lines = new Map<number, string>();
  let unsubscribe = networkOf(sim).onTrace(record);

  function record(trace: Trace): void {
    if (muted) return;
    // A ping sends an echo a second until stopped: one entry per command, or it would push every
    // other request out of the list.
    const last = entries[entries.length - 1];
    if (last && isNextEcho(last, trace, cause)) {
      last.echoes = (last.echoes ?? 1) + 1;
      last.trace = trace;
      last.at = sim.clock.now();
      if (!pending.includes(last)) pending.push(last);
      return;
    }
    const entry: TraceEntry = { id: nextId++, trace, at: sim.clock.now(), ...(cause ?? { source: 'cluster' }) };
    entries.push(entry);
    if (entries.length > TRACE_ENTRIES_KEPT) entries = entries.slice(-TRACE_ENTRIES_KEPT);
    pending.push(entry);
  }

  return {
    /** Runs `fn` with the traces it causes attributed to a terminal session's command. */
    duringSession<T>(session: number, line: string | undefined, fn: () => T): T {
      if (line !== undefined) lines.set(session, line);
      const command = lines.get(session);
      const previous = cause;
      cause = { source: 'terminal', session, ...(command !== undefined ? { command } : {}) };
      try {
        return fn();
      } finally {
        cause = previous;
      }
    },
    /** Runs `fn` without listing the requests it causes (a lab's hidden checks). */
    unlisted<T>(fn: () => T): T {
      const previous = muted;
      muted = true;
      try {
        return fn();
      } finally {
        muted = previous;
      }
    },
    /** Follows a new Simulation (reset): the list starts empty. */
    rebind(next: Simulation): void {
      unsubscribe();
      sim = next;
      unsubscribe = networkOf(sim).onTrace(record);
      entries = [];
      pending = [];
      lines.clear();
      reset = true;
    },
    /** The newest entry's id (0 before the first): a mark to {@link forgetAfter}. */
    lastId(): number {
      return nextId - 1;
    },
    /**
     * Drops the entries made after `mark` (the cluster was rewound to before them, so they never
     * happened); listeners get the list that remains.
     */
    forgetAfter(mark: number): void {
      entries = entries.filter((e) => e.id <= mark);
      pending = [];
      reset = true;
    },
    /** Sends what is new to every listener. */
    flush(): void {
      if (!reset && pending.length === 0) return;
      const batch: TraceBatch = { reset, entries: reset ? [...entries] : pending };
      pending = [];
      reset = false;
      for (const l of listeners) l(batch);
    },
    subscribe(listener: TraceListener): void {
      listeners.add(listener);
      listener({ reset: true, entries: [...entries] });
    },
    /** Traces one request from `from` (`NAMESPACE/POD`, `node/NODE`, `outside`, `internet`) to a URL or HOST:PORT. */
    trace(from: string, target: string): { ok: true; value: TraceEntry } | { ok: false; error: string } {
      const previous = cause;
      const before = entries.length === 0 ? 0 : entries[entries.length - 1]!.id;
      cause = { source: 'player', command: `${from} → ${target}` };
      try {
        const r = traceRequest(sim, from, target);
        if (!r.ok) return { ok: false, error: r.error };
        const entry = entries.find((e) => e.id > before && e.trace === r.trace);
        if (!entry) return { ok: false, error: 'the request left no trace' };
        if (r.response) entry.response = r.response;
        return { ok: true, value: entry };
      } finally {
        cause = previous;
      }
    },
    dispose(): void {
      unsubscribe();
      listeners.clear();
    },
  };
}

export type TraceApi = ReturnType<typeof createTraceApi>;

/** Another echo of the same ping command, to the same address, with the same fate. */
function isNextEcho(last: TraceEntry, trace: Trace, cause: Cause | undefined): boolean {
  const a = last.trace;
  return (
    trace.request.protocol === 'icmp' &&
    a.request.protocol === 'icmp' &&
    cause?.source === 'terminal' &&
    last.source === 'terminal' &&
    last.session === cause.session &&
    last.command === cause.command &&
    a.request.from === trace.request.from &&
    a.request.dst === trace.request.dst &&
    a.outcome.kind === trace.outcome.kind
  );
}
