import { useCallback, useEffect, useRef, useState } from 'react';
import { engine, onEngineRestart } from '../client/engineClient';
import { selectRecords, useEngineStore } from '../state/useEngineStore';
import { selectCommandsRun, useTerminalActivity } from '../state/useTerminalActivity';
import type { CheckResult, Lab } from './labCatalog';
import { useLabProgress } from './useLabProgress';

/**
 * How long after the cluster changes on its own (pods becoming ready as time flows, a rewind)
 * the checks look again; at most one such run per interval however busy the cluster is.
 */
const CLUSTER_RECHECK_MS = 1_000;

export interface LabChecks {
  /** Per step, the latest results of its checks (undefined before the first run). */
  results: (CheckResult[] | undefined)[];
  /** The steps whose Check the learner pressed, being checked right now. */
  checking: ReadonlySet<number>;
  /** What to announce to screen readers: the outcome of an asked-for check, or a step just done. */
  announcement: string;
  /** Re-runs one step's checks (the step's Check button). */
  checkStep: (step: number) => void;
}

/**
 * Runs a lab's checks against the live cluster: all of them when the lab opens, after each
 * command the terminal finishes, after the cluster engine restarts, and shortly after the
 * cluster changes; one step's on request.
 * A step whose checks all pass is recorded as done (kept across reloads).
 */
export function useLabChecks(lab: Lab): LabChecks {
  const [results, setResults] = useState<(CheckResult[] | undefined)[]>(() =>
    lab.steps.map(() => undefined),
  );
  const [checking, setChecking] = useState<ReadonlySet<number>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const commandsRun = useTerminalActivity(selectCommandsRun);
  const markDone = useLabProgress((s) => s.markDone);
  // One run at a time; a request made meanwhile runs once the current one ends.
  const inFlight = useRef(false);
  const queued = useRef<{ steps: Set<number>; asked: boolean } | undefined>(undefined);
  const live = useRef(true);
  // Bumped when the worker is replaced: a call to the old one never answers, and must not block.
  const generation = useRef(0);

  /** One round trip: the given steps' checks, their results, steps newly done, what to announce. */
  const checkOnce = useCallback(
    async (steps: number[], asked: boolean): Promise<boolean> => {
      const gen = generation.current;
      const withChecks = steps.filter((i) => lab.steps[i]!.checks.length > 0);
      // Only a check the learner asked for shows as busy: automatic runs come and go every second.
      if (asked) setChecking(new Set(withChecks));
      const r = await engine().runChecks(withChecks.flatMap((i) => lab.steps[i]!.checks));
      if (!live.current || gen !== generation.current) return false;
      setChecking(new Set());
      if (!r.ok) {
        setAnnouncement(`The checks could not run: ${r.error}`);
        return true;
      }
      let at = 0;
      const fresh = new Map(
        withChecks.map((i) => [i, r.value.slice(at, (at += lab.steps[i]!.checks.length))] as const),
      );
      setResults((old) => old.map((prev, i) => fresh.get(i) ?? prev));
      const done = useLabProgress.getState().done[lab.id] ?? [];
      const newlyDone = [...fresh]
        .filter(([i, rs]) => rs.every((c) => c.passed) && !done.includes(i))
        .map(([i]) => i);
      for (const i of newlyDone) markDone(lab.id, i);
      const message = describe(lab, fresh, newlyDone, asked);
      // A live region speaks only when its text changes: the same outcome twice gets a no-break space.
      if (message) setAnnouncement((old) => (old === message ? `${message}\u00a0` : message));
      return true;
    },
    [lab, markDone],
  );

  const run = useCallback(
    async (steps: number[], asked: boolean) => {
      if (inFlight.current) {
        const before = queued.current;
        queued.current = { steps: new Set([...(before?.steps ?? []), ...steps]), asked: asked || !!before?.asked };
        return;
      }
      inFlight.current = true;
      let next: { steps: Iterable<number>; asked: boolean } | undefined = { steps, asked };
      while (next && live.current) {
        // A stale answer (the worker was replaced meanwhile): the new generation's run owns the queue.
        if (!(await checkOnce([...next.steps], next.asked))) return;
        next = queued.current;
        queued.current = undefined;
      }
      inFlight.current = false;
    },
    [checkOnce],
  );

  const all = useCallback(
    () =>
      void run(
        lab.steps.map((_, i) => i),
        false,
      ),
    [lab, run],
  );

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // On opening the lab, and after every command the terminal finishes.
  useEffect(all, [all, commandsRun]);
  // A fresh cluster (the worker crashed or hung) answers differently: look again.
  useEffect(
    () =>
      onEngineRestart(() => {
        generation.current++;
        inFlight.current = false;
        queued.current = undefined;
        all();
      }),
    [all],
  );

  // The cluster moves on its own: a Deployment becomes ready a few seconds after the command that
  // made it, and a rewind takes back what passed. Look again shortly after it changes.
  const records = useEngineStore(selectRecords);
  const recheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (recheck.current !== undefined) return;
    recheck.current = setTimeout(() => {
      recheck.current = undefined;
      all();
    }, CLUSTER_RECHECK_MS);
  }, [records, all]);
  useEffect(() => () => clearTimeout(recheck.current), []);

  const checkStep = useCallback((step: number) => void run([step], true), [run]);
  return { results, checking, announcement, checkStep };
}

/** A step done is always worth saying; a check run the learner asked for says how it went. */
function describe(
  lab: Lab,
  fresh: Map<number, CheckResult[]>,
  newlyDone: number[],
  asked: boolean,
): string {
  const done = newlyDone.map((i) => `Step ${i + 1} done: ${lab.steps[i]!.title}.`);
  if (!asked) return done.join(' ');
  const outcomes = [...fresh].map(
    ([i, rs]) =>
      `Step ${i + 1}: ${rs.filter((c) => c.passed).length} of ${rs.length} checks passed.`,
  );
  return [...outcomes, ...done].join(' ');
}
