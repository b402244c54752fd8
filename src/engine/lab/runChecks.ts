/**
 * A lab's checks, evaluated against the live cluster. Each check is a command line run in a
 * hidden login shell on `controlplane`: the same shell, kubectl and files as the learner's
 * terminal, so a check cannot disagree with what the terminal prints. Nothing reaches the
 * learner's terminal (its history, variables and working folder are its own), and time does not
 * move: a check looks at the cluster as it is now.
 */
import { createLearnerSession } from '../cluster/learnerSession';
import type { Simulation } from '../sim/Simulation';
import type { CheckResult, LabCheck } from './types';

/** Runs each check in a fresh hidden shell, in order, and judges its output. */
export function runChecks(sim: Simulation, checks: readonly LabCheck[]): CheckResult[] {
  return checks.map((check) => runCheck(sim, check));
}

function runCheck(sim: Simulation, check: LabCheck): CheckResult {
  // A fresh session per check: one check's `cd` or variables cannot leak into the next.
  const session = createLearnerSession(sim);
  const r = session.execute(check.run);
  const output = r.output;
  let problem: CheckResult['problem'];
  if (r.running || r.needsMoreInput) {
    // Time does not move for a check, so a command that waits (a watch, sleep) would wait forever.
    problem = r.running ? 'still-running' : 'unfinished-line';
    session.interrupt();
  }
  // Whatever the command wrote (a label, a pod) is followed up by the cluster, as after a typed command.
  sim.drain();
  const exitCode = problem ? (r.running ? 130 : 2) : r.exitCode;
  const result: CheckResult = { run: check.run, passed: !problem && judge(check, output, exitCode), output, exitCode };
  if (problem) result.problem = problem;
  return result;
}

/**
 * `expect`: the output, trimmed, equals it (trailing spaces of each line ignored, as a table's
 * padding is not what a learner reads). `match`: the regular expression finds a match.
 * Neither: the command succeeded (exit status 0).
 */
export function judge(check: LabCheck, output: string, exitCode: number): boolean {
  if (check.expect !== undefined) return normalise(output) === normalise(check.expect);
  if (check.match !== undefined) return new RegExp(check.match, 'm').test(output);
  return exitCode === 0;
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}
