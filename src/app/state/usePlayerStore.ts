import { create } from 'zustand';
import type { TraceBatch, TraceEntry } from '../../worker/createEngineApi';
import { Comlink, engine, onEngineRestart } from '../client/engineClient';

/** How long the player stays on a step while playing, by speed. */
export const PLAY_SPEEDS = { slow: 2600, normal: 1500, fast: 700 } as const;
export type PlaySpeed = keyof typeof PLAY_SPEEDS;

/** The list the player keeps (the worker keeps as many). */
const KEPT = 50;

interface PlayerState {
  /** Traced requests, oldest first. */
  entries: TraceEntry[];
  /** The request being stepped through; undefined shows the list. */
  selectedId: number | undefined;
  /** The request the learner just closed: the list gives its button the focus back. */
  closedId: number | undefined;
  /** Index of the current step (DNS queries, hops, outcome). */
  step: number;
  playing: boolean;
  speed: PlaySpeed;
  /** A Trace form request in flight, and its error. */
  tracing: boolean;
  traceError: string | undefined;
  connect: () => Promise<void>;
  select: (id: number | undefined) => void;
  /** Moves to step `n`, clamped to the trace's `count` steps; stops playing at the end. */
  goTo: (n: number, count: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: PlaySpeed) => void;
  traceRequest: (from: string, target: string) => Promise<void>;
}

let connected = false;

/** Applies one batch from the worker: a reset replaces the list; the selection survives only if its entry does. */
export function applyBatch(s: Pick<PlayerState, 'entries' | 'selectedId'>, batch: TraceBatch): Pick<PlayerState, 'entries' | 'selectedId'> {
  const incoming = new Map(batch.entries.map((e) => [e.id, e]));
  // An id seen before replaces its entry in place (another echo of a ping; the Trace form's own
  // entry arriving through the feed): never list one twice.
  const kept = (batch.reset ? [] : s.entries).map((e) => incoming.get(e.id) ?? e);
  const fresh = batch.entries.filter((e) => !kept.some((k) => k.id === e.id));
  const entries = [...kept, ...fresh].slice(-KEPT);
  const selectedId = entries.some((e) => e.id === s.selectedId) ? s.selectedId : undefined;
  return { entries, selectedId };
}

export const usePlayerStore = create<PlayerState>((set, get) => ({
  entries: [],
  selectedId: undefined,
  closedId: undefined,
  step: 0,
  playing: false,
  speed: 'normal',
  tracing: false,
  traceError: undefined,
  connect: async () => {
    if (connected) return;
    connected = true;
    await engine().subscribeTraces(Comlink.proxy((batch: TraceBatch) => set((s) => applyBatch(s, batch))));
  },
  select: (id) => set((s) => ({ selectedId: id, closedId: id === undefined ? s.selectedId : undefined, step: 0, playing: false })),
  goTo: (n, count) => {
    const step = Math.max(0, Math.min(count - 1, n));
    set({ step, ...(step >= count - 1 ? { playing: false } : {}) });
  },
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  traceRequest: async (from, target) => {
    set({ tracing: true, traceError: undefined });
    const r = await engine().traceRequest(from, target);
    if (!r.ok) {
      set({ tracing: false, traceError: r.error });
      return;
    }
    // The entry also arrives through the feed; add it now so it can be opened at once.
    set((s) => ({ ...applyBatch(s, { reset: false, entries: [r.value] }), tracing: false }));
    get().select(r.value.id);
  },
}));

// A fresh worker after a crash or a hang has a fresh cluster: its traces start from nothing, and
// the new worker's feed must be subscribed to again.
onEngineRestart(() => {
  connected = false;
  usePlayerStore.setState({ entries: [], selectedId: undefined, closedId: undefined, step: 0, playing: false, tracing: false, traceError: undefined });
  void usePlayerStore.getState().connect();
});

export const selectEntries = (s: PlayerState) => s.entries;
export const selectSelected = (s: PlayerState) => (s.selectedId === undefined ? undefined : s.entries.find((e) => e.id === s.selectedId));
export const selectStep = (s: PlayerState) => s.step;
