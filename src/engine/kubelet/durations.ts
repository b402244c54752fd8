/** Go's time.Duration.String for whole milliseconds: `512ms`, `1.2s`, `1m2.5s`, `1h0m0s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number(s.toFixed(3))}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

/** kubelet's container restart back-off: 10s doubling to 5m (pkg/kubelet/kubelet.go). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** The next back-off after `previousMs` (0 = none yet). */
export function nextBackoff(previousMs: number): number {
  return previousMs <= 0 ? BACKOFF_INITIAL_MS : Math.min(previousMs * 2, BACKOFF_MAX_MS);
}

/** A container that ran this long before exiting starts over with no back-off. */
export const BACKOFF_RESET_MS = 600_000;
