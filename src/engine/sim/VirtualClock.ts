/**
 * The simulation's only source of time. Nothing in the engine reads the wall clock: in the
 * browser the worker feeds real elapsed time through {@link VirtualClock.tick}; on the command
 * line time moves only when a command asks for it, so transcripts are reproducible.
 */
export interface Timer {
  readonly id: number;
  readonly at: number;
  readonly label: string;
  /** Periodic background work (probes, resyncs) does not keep the cluster "unsettled". */
  readonly background: boolean;
  readonly fn: () => void;
}

export interface ClockState {
  now: number;
  paused: boolean;
  speed: number;
}

export class VirtualClock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;
  paused = false;
  speed = 1;

  constructor(startMs: number) {
    this.current = Math.floor(startMs);
  }

  /** Milliseconds since the Unix epoch, in virtual time. */
  now(): number {
    return this.current;
  }

  /** Schedules `fn` to run `delayMs` from now; returns a handle for {@link cancel}. */
  schedule(delayMs: number, label: string, fn: () => void, background = false): number {
    const timer: Timer = { id: this.nextId++, at: this.current + Math.max(0, Math.round(delayMs)), label, fn, background };
    // Keep timers sorted by due time, then by creation order, so equal deadlines run FIFO: the
    // new timer goes after every timer due at or before it (binary search: a busy cluster has
    // hundreds of probes and requeues pending, and most new timers are due soon).
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timers[mid]!.at > timer.at) hi = mid;
      else lo = mid + 1;
    }
    this.timers.splice(lo, 0, timer);
    return timer.id;
  }

  cancel(id: number): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** The due time of the earliest timer, optionally ignoring background ones. */
  nextDue(includeBackground = true): number | undefined {
    for (const t of this.timers) if (includeBackground || !t.background) return t.at;
    return undefined;
  }

  hasForegroundTimers(): boolean {
    return this.timers.some((t) => !t.background);
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way, in order.
   * `afterEach` runs after every timer so callers can drain the work its callback queued.
   */
  advance(ms: number, afterEach?: () => void): void {
    const target = this.current + Math.max(0, ms);
    this.advanceTo(target, afterEach);
  }

  /**
   * Moves time to `target`, rounded down to a whole millisecond: virtual time is always an
   * integer number of ms (timestamps and event names are derived from it).
   */
  advanceTo(target: number, afterEach?: () => void): void {
    target = Math.floor(target);
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      if (next.at > this.current) this.current = next.at;
      next.fn();
      afterEach?.();
    }
    if (target > this.current) this.current = target;
  }

  state(): ClockState {
    return { now: this.current, paused: this.paused, speed: this.speed };
  }
}
