import { ApiError, StatusReason } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { ItemExponentialRateLimiter } from './RateLimiter';
import { WorkQueue } from './WorkQueue';

/** What the Simulation drains: each call processes queued keys and says whether it did work. */
export interface Controller {
  readonly name: string;
  /** Processes every key queued now (and keys re-queued while doing so); true if any ran. */
  processPending(): boolean;
  /** Keys waiting, for the UI and tests. */
  pendingKeys(): readonly string[];
}

/** Upper bound on syncs per drain, so a controller fighting another cannot hang the simulation. */
const MAX_SYNCS_PER_DRAIN = 10_000;

/**
 * The shape every kube-controller-manager controller shares: handlers enqueue keys, the queue
 * de-duplicates them, `sync(key)` reconciles one object, failures retry with exponential
 * back-off on the virtual clock.
 */
export abstract class QueueController implements Controller {
  protected readonly queue = new WorkQueue();
  private readonly limiter = new ItemExponentialRateLimiter();
  /** Errors from the last failing sync per key, for tests and debugging. */
  readonly lastErrors = new Map<string, unknown>();

  constructor(
    readonly name: string,
    protected readonly clock: VirtualClock,
  ) {}

  /** Reconciles one key; throwing requeues it with back-off. */
  protected abstract sync(key: string): void;

  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** Requeues `key` after `delayMs` of virtual time (AddAfter). */
  enqueueAfter(key: string, delayMs: number): void {
    this.clock.schedule(delayMs, `${this.name}: requeue ${key}`, () => this.queue.add(key));
  }

  processPending(): boolean {
    let worked = false;
    for (let i = 0; i < MAX_SYNCS_PER_DRAIN; i++) {
      const key = this.queue.get();
      if (key === undefined) break;
      worked = true;
      try {
        this.sync(key);
        this.limiter.forget(key);
        this.lastErrors.delete(key);
      } catch (err) {
        this.lastErrors.set(key, err);
        // A conflict means our cache was stale; the watch event that made it so re-queues the
        // key anyway, but a back-off retry keeps us correct even if it did not.
        this.enqueueAfter(key, this.limiter.when(key));
      } finally {
        this.queue.done(key);
      }
    }
    return worked;
  }

  pendingKeys(): readonly string[] {
    return this.queue.pending();
  }
}

/** True for the API's NotFound error: the object is gone, so the controller cleans up. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.reason === StatusReason.NotFound;
}

export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.reason === StatusReason.Conflict;
}

export function isAlreadyExists(err: unknown): boolean {
  return err instanceof ApiError && err.reason === StatusReason.AlreadyExists;
}
