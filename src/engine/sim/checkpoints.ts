/**
 * Rewind: the whole cluster saved just before each thing the learner does (a command line, an
 * editor Apply), so they can go back to that moment and try again. A checkpoint is a
 * {@link Simulation.snapshot} kept as its JSON text: a string is several times smaller in memory
 * than the object graph, and parsing it afresh on every rewind means no restored object can share
 * (and later change) what the checkpoint holds, so rewinding twice to one moment gives the same
 * cluster twice.
 */
import type { Simulation, SimulationSnapshot } from './Simulation';

/** How many checkpoints are kept by default: the oldest is dropped past this. */
export const CHECKPOINTS_KEPT = 30;

/**
 * How much JSON text the checkpoints may hold together, by default. The default cluster's
 * snapshot is about 0.3 MB, so 30 fit many times over; after a 1,000-object apply (750 pods, 250
 * Services) it is about 6.5 MB, and 30 of those (195 MB) would weigh on the worker: there the
 * oldest go first, the newest always stays.
 */
export const CHECKPOINT_CHARS_KEPT = 120_000_000;

/** What the UI lists: when (virtual ms) and before what. */
export interface CheckpointInfo {
  id: number;
  /** Virtual time of the cluster at the checkpoint (ms since the epoch). */
  at: number;
  /** What the learner was about to do: the command line, or the editor's `kubectl apply -f FILE`. */
  label: string;
}

/** The cluster captured at one moment, not yet kept (a command line still waiting for its end). */
export interface CapturedCluster {
  at: number;
  json: string;
}

interface Checkpoint<M> extends CheckpointInfo {
  json: string;
  meta: M;
}

/**
 * A bounded, newest-last list of checkpoints of one Simulation (at most `limit`, and at most
 * `maxChars` of snapshot text together). `M` is whatever the owner keeps
 * beside each one (the worker keeps how far the packet player's feed had got).
 */
export class Checkpoints<M = undefined> {
  private kept: Checkpoint<M>[] = [];
  private nextId = 1;

  constructor(
    private readonly sim: Simulation,
    private readonly limit = CHECKPOINTS_KEPT,
    private readonly maxChars = CHECKPOINT_CHARS_KEPT,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`checkpoints: limit must be a whole number of at least 1, got ${limit}`);
  }

  /** The cluster as it is now, to {@link keep} once it is known what comes next. */
  capture(): CapturedCluster {
    return { at: this.sim.clock.now(), json: this.sim.snapshotText() };
  }

  /** Keeps a capture under `label`, dropping the oldest checkpoint past the limit. */
  keep(captured: CapturedCluster, label: string, meta: M): CheckpointInfo {
    const cp: Checkpoint<M> = { id: this.nextId++, at: captured.at, label, json: captured.json, meta };
    this.kept.push(cp);
    if (this.kept.length > this.limit) this.kept.splice(0, this.kept.length - this.limit);
    let chars = this.kept.reduce((n, c) => n + c.json.length, 0);
    while (chars > this.maxChars && this.kept.length > 1) chars -= this.kept.shift()!.json.length;
    return info(cp);
  }

  /** Captures and keeps in one go. */
  take(label: string, meta: M): CheckpointInfo {
    return this.keep(this.capture(), label, meta);
  }

  /** Newest first, as the Rewind menu lists them. */
  list(): CheckpointInfo[] {
    return this.kept.map(info).reverse();
  }

  /** The snapshot a checkpoint holds (a fresh copy). */
  snapshotOf(id: number): SimulationSnapshot {
    return JSON.parse(this.find(id).json) as SimulationSnapshot;
  }

  /**
   * Brings the cluster back to checkpoint `id`, in place (the same Simulation, so everything
   * holding it, such as open terminals, goes on working), with its clock paused there (at the
   * current speed). The checkpoints after it are dropped: what follows is a new timeline. The
   * chosen one stays, so the learner can come back to it again.
   */
  rewind(id: number): CheckpointInfo & { meta: M } {
    const cp = this.find(id);
    const snap = JSON.parse(cp.json) as SimulationSnapshot;
    // Paused there, at the speed chosen now: the speed is the viewer's, not the cluster's.
    snap.clock.paused = true;
    snap.clock.speed = this.sim.clock.speed;
    this.sim.restore(snap);
    this.kept = this.kept.slice(0, this.kept.indexOf(cp) + 1);
    return { ...info(cp), meta: cp.meta };
  }

  /** Forgets every checkpoint (a reset starts a new cluster). */
  clear(): void {
    this.kept = [];
  }

  private find(id: number): Checkpoint<M> {
    const cp = this.kept.find((c) => c.id === id);
    if (!cp) throw new Error(`no checkpoint ${id}: it was dropped or never taken`);
    return cp;
  }
}

function info(cp: CheckpointInfo): CheckpointInfo {
  return { id: cp.id, at: cp.at, label: cp.label };
}
