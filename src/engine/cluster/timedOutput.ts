/**
 * Output that appears over virtual time (apt's downloads, systemctl waiting for a unit): on the
 * command line the session advances the clock through it; in the browser it is a running job
 * that prints each piece when time gets there.
 */
import type { CommandContext, CommandOutcome } from '../shell/types';

/** A piece of output, written `afterMs` after the command started. */
export interface TimedChunk {
  afterMs: number;
  stdout?: string;
  stderr?: string;
  /** Runs when the chunk is written (e.g. the package is now installed). */
  effect?: () => void;
}

/** Writes `chunks` in time order and finishes with `exitCode` after the last one. */
export function timedOutput(ctx: CommandContext, chunks: readonly TimedChunk[], exitCode: number): CommandOutcome {
  const start = ctx.now();
  let next = 0;
  const flush = (now: number) => {
    while (next < chunks.length && start + chunks[next]!.afterMs <= now) {
      const c = chunks[next++]!;
      if (c.stdout) ctx.stdout(c.stdout);
      if (c.stderr) ctx.stderr(c.stderr);
      c.effect?.();
    }
    return next >= chunks.length;
  };
  if (flush(start)) return exitCode;
  const job = {
    poll: (now: number) => (flush(now) ? exitCode : undefined),
    wakeAt: () => (next < chunks.length ? start + chunks[next]!.afterMs : undefined),
    interrupt: () => {
      next = chunks.length;
    },
  };
  return { exitCode, job };
}
