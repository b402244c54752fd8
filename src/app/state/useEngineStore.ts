import { create } from 'zustand';
import type {
  CheckpointInfo,
  ClockState,
  EngineUpdate,
  NodeRecord,
  PodRecord,
  ServiceRecord,
  EndpointSliceRecord,
  ViewRecord,
} from '../../worker/createEngineApi';
import { Comlink, engine, onEngineRestart } from '../client/engineClient';
import { rewoundStatus } from '../header/rewindText';

interface EngineState {
  clock: ClockState | undefined;
  /** The cluster as the worker last described it, by record key. */
  records: Record<string, ViewRecord>;
  error: string | undefined;
  connect: () => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  setSpeed: (speed: number) => Promise<void>;
  /** Advances the paused clock by {@link STEP_MS}. */
  step: () => Promise<void>;
  /** The moments the cluster can be rewound to, newest first (as last fetched). */
  checkpoints: CheckpointInfo[];
  loadCheckpoints: () => Promise<void>;
  /** Rewinds the cluster to a checkpoint (paused there) and says so in {@link clockStatus}. */
  rewind: (checkpoint: CheckpointInfo) => Promise<void>;
  /** The last thing the clock controls did that a screen reader should hear (an aria-live text). */
  clockStatus: string;
}

/**
 * One Step of the paused clock. A second is the grain the cluster moves in: the header shows
 * whole seconds, the kubelet's PLEG relists once a second, and a pod's pull, create and start
 * each land a second or more apart, so every Step shows at most one change of each kind.
 */
export const STEP_MS = 1_000;

let connected = false;

function applyUpdate(
  records: Record<string, ViewRecord>,
  update: EngineUpdate,
): Record<string, ViewRecord> {
  const delta = update.delta;
  if (!delta) return records;
  const next = delta.reset ? {} : { ...records };
  for (const key of delta.deletes) delete next[key];
  for (const rec of delta.upserts) next[rec.key] = rec;
  return next;
}

export const useEngineStore = create<EngineState>((set) => ({
  clock: undefined,
  records: {},
  error: undefined,
  checkpoints: [],
  clockStatus: '',
  connect: async () => {
    if (connected) return;
    connected = true;
    await engine().subscribe(
      Comlink.proxy((update: EngineUpdate) =>
        set((s) => ({ clock: update.clock, records: applyUpdate(s.records, update) })),
      ),
    );
  },
  pause: async () => set({ clock: await engine().pause() }),
  resume: async () => set({ clock: await engine().resume(), clockStatus: '' }),
  setSpeed: async (speed) => {
    const r = await engine().setSpeed(speed);
    if (r.ok) set({ clock: r.value, error: undefined });
    else set({ error: r.error });
  },
  step: async () => set({ clock: await engine().step(STEP_MS), clockStatus: '' }),
  loadCheckpoints: async () => set({ checkpoints: await engine().checkpoints() }),
  rewind: async (checkpoint) => {
    const r = await engine().rewind(checkpoint.id);
    if (r.ok)
      set({
        clock: r.value.clock,
        checkpoints: [],
        clockStatus: rewoundStatus(r.value.checkpoint),
        error: undefined,
      });
    else set({ clockStatus: `Could not rewind: ${r.error}` });
  },
}));

// A fresh worker after a crash or a hang: say so, and follow the new cluster from its start.
onEngineRestart((reason) => {
  connected = false;
  useEngineStore.setState({
    records: {},
    checkpoints: [],
    clockStatus: '',
    error: `Sorry: ${reason}. A fresh cluster was started; your editor files are kept.`,
  });
  void useEngineStore.getState().connect();
});

export const selectClock = (s: EngineState) => s.clock;
export const selectRecords = (s: EngineState) => s.records;

/** Records of one kind, in key order (stable for rendering). */
export function recordsOfKind<K extends ViewRecord['kind']>(
  records: Record<string, ViewRecord>,
  kind: K,
): Extract<ViewRecord, { kind: K }>[] {
  return Object.keys(records)
    .filter((k) => k.startsWith(`${kind}/`))
    .sort()
    .map((k) => records[k] as Extract<ViewRecord, { kind: K }>);
}

export type { NodeRecord, PodRecord, ServiceRecord, EndpointSliceRecord };
