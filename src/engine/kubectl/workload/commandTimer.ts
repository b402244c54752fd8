/**
 * A `--timeout` as kubectl keeps it: a context deadline on its own clock, which only runs
 * forward. The command line's clock is the cluster's virtual clock, and a rewind moves that back
 * to the checkpoint: the time the command already waited still counts, so the deadline is kept
 * as time left, never as a moment of the virtual clock. It learns the time from the jobs' polls:
 * time after the last poll before a rewind and before the first one after it is not counted (the
 * page polls its jobs while a rewound clock stands paused at the checkpoint, so none is lost).
 */
export interface CommandTimer {
  /** Whether the time is up at `now` (virtual ms); also takes note of `now`. */
  expired(now: number): boolean;
  /** The virtual moment the time runs out, seen from `now`. */
  deadline(now: number): number;
}

export function commandTimer(start: number, timeoutMs: number): CommandTimer {
  let last = start;
  let waited = 0;
  const observe = (now: number): void => {
    // A rewind takes the virtual clock back; what was waited before it stays waited.
    if (now > last) waited += now - last;
    last = now;
  };
  return {
    expired(now) {
      observe(now);
      return waited >= timeoutMs;
    },
    deadline(now) {
      observe(now);
      return now + Math.max(0, timeoutMs - waited);
    },
  };
}
