/** A condition on the live cluster, phrased as a command line and what it must print. */
export interface LabCheck {
  /** One shell command line, run as the learner would type it on `controlplane`. */
  run: string;
  /** The output (stdout and stderr as the terminal shows them), trimmed, must equal this. */
  expect?: string;
  /** The output must contain a match of this regular expression (`^`/`$` match at line ends). */
  match?: string;
  /** Shown while the check fails. */
  hint?: string;
}

export interface LabStep {
  title: string;
  text: string;
  /** Suggested command lines (the panel's Run buttons; what `kubelab lab` types). */
  commands: string[];
  checks: LabCheck[];
}

export interface Lab {
  /** The folder name, `01-cluster-dns`. */
  id: string;
  title: string;
  summary: string;
  steps: LabStep[];
}

/** One check evaluated against the cluster. */
export interface CheckResult {
  run: string;
  passed: boolean;
  /** What the command printed (stdout and stderr interleaved, as the terminal shows it). */
  output: string;
  exitCode: number;
  /** Why the command could not be judged on its output: it kept running, or its line was unfinished. */
  problem?: 'still-running' | 'unfinished-line';
}
