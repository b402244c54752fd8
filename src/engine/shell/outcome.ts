import type { CommandOutcome, Job } from './types';

/**
 * Runs `after` with a command's exit code once it has one: at once for a finished command, or
 * when its job ends. What `after` returns becomes the exit code. An interrupted job never calls
 * it, as a command killed by Ctrl+C prints nothing more.
 */
export function whenDone(outcome: CommandOutcome, after: (code: number) => number): CommandOutcome {
  if (typeof outcome === 'number') return after(outcome);
  const { job } = outcome;
  if (!job) return { ...outcome, exitCode: after(outcome.exitCode) };
  const wrapped: Job = {
    poll: (now) => {
      const code = job.poll(now);
      return code === undefined ? undefined : after(code);
    },
    wakeAt: () => job.wakeAt(),
    interrupt: () => job.interrupt(),
  };
  return { ...outcome, job: wrapped };
}
