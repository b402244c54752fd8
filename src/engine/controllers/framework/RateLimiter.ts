/**
 * client-go's ItemExponentialFailureRateLimiter as used by DefaultControllerRateLimiter:
 * the n-th consecutive failure of a key waits base·2^(n-1), capped.
 */
export class ItemExponentialRateLimiter {
  private failures = new Map<string, number>();

  constructor(
    private readonly baseMs = 5,
    private readonly maxMs = 1000 * 1000,
  ) {}

  /** Records a failure and returns how long to wait before retrying `key`. */
  when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.baseMs * 2 ** n, this.maxMs);
  }

  /** Forgets a key's failure history after a successful sync. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
