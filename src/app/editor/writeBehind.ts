import type { FileStore } from './fileStore';

/**
 * Coalesces keystrokes into one write per file after a short pause, so typing does not hit
 * IndexedDB on every key; `flush` writes everything pending at once (page hide, rename, close).
 */
export class WriteBehind {
  private readonly pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: FileStore,
    private readonly delayMs = 250,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Remembers the newest text for `path` and schedules a write. */
  write(path: string, text: string): void {
    this.pending.set(path, text);
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Forgets a pending write (the file was renamed or removed). */
  drop(path: string): string | undefined {
    const text = this.pending.get(path);
    this.pending.delete(path);
    return text;
  }

  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(
      batch.map(([path, text]) => this.store.write(path, text).catch(this.onError)),
    );
  }
}
