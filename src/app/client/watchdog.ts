/**
 * Notices an engine that stopped answering: a ping goes out every `intervalMs`; when one has been
 * waiting longer than `hungMs`, `onHung` fires once (the caller replaces the worker and the watchdog).
 * Time comes from outside so the rule can be tested without waiting.
 */
export class Watchdog {
  private waitingSince: number | undefined;
  private fired = false;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly onHung: () => void,
    private readonly hungMs: number,
  ) {}

  /** Called every interval: sends a ping unless one is still out, and fires when that one is too old. */
  tick(now: number): void {
    if (this.fired) return;
    if (this.waitingSince === undefined) {
      this.waitingSince = now;
      void this.ping().then(
        () => (this.waitingSince = undefined),
        () => (this.waitingSince = undefined),
      );
      return;
    }
    if (now - this.waitingSince >= this.hungMs) {
      this.fired = true;
      this.onHung();
    }
  }
}
