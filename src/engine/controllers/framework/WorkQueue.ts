/**
 * client-go's workqueue semantics: a key is queued at most once; a key added while it is being
 * processed is queued again when processing finishes (so no change is ever lost, and no key is
 * synced by two workers at once).
 */
export class WorkQueue {
  /** Keys in order from `head` on; taking from the front moves `head` (shift is O(n) per call). */
  private queue: string[] = [];
  private head = 0;
  /**
   * DIRTY (queued or re-queued) and PROCESSING bits per key, in one map so each operation
   * hashes its key once or twice (client-go keeps two sets).
   */
  private state = new Map<string, number>();

  add(key: string): void {
    const s = this.state.get(key) ?? 0;
    if (s & DIRTY) return;
    this.state.set(key, s | DIRTY);
    if (s & PROCESSING) return;
    this.queue.push(key);
  }

  /** The next key to process, or undefined when the queue is empty. */
  get(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++]!;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.state.set(key, PROCESSING);
    return key;
  }

  /** Marks `key` processed; if it was added meanwhile it goes back on the queue. */
  done(key: string): void {
    if ((this.state.get(key) ?? 0) & DIRTY) {
      this.state.set(key, DIRTY);
      this.queue.push(key);
    } else this.state.delete(key);
  }

  get length(): number {
    return this.queue.length - this.head;
  }

  /** Keys waiting, in order (for tests and the UI). */
  pending(): readonly string[] {
    return this.queue.slice(this.head);
  }
}

const DIRTY = 1;
const PROCESSING = 2;
