/**
 * The kubelet's picture of what runs on its node, kept as plain data (snapshots store it and
 * timers are re-armed from it). The container runtime itself is simulated; this is its state.
 */

import type { ContainerLaunch } from '../apps';

export type ProbeKind = 'readiness' | 'liveness' | 'startup';

export interface ProbeState {
  successes: number;
  failures: number;
  /** Last result: undefined before the first run. */
  ok?: boolean;
}

export interface LogLine {
  at: number;
  line: string;
}

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt?: number;
  finishedAt: number;
  containerID?: string;
}

export interface ContainerRuntime {
  name: string;
  /** True for an init container (runs to completion, no probes). */
  init?: boolean;
  image: string;
  /** What the container is doing now. */
  state: 'waiting' | 'running' | 'terminated';
  /** Waiting reason (ContainerCreating, CrashLoopBackOff, StartError...) or terminated reason. */
  reason?: string;
  message?: string;
  exitCode?: number;
  containerID?: string;
  startedAt?: number;
  finishedAt?: number;
  restartCount: number;
  lastTerminated?: TerminatedInfo;
  ready: boolean;
  started: boolean;
  /** Last crash back-off used (ms), 0 when none. */
  backoffMs: number;
  /** Files the process created (touch) and that exec probes can see. */
  files: string[];
  logs: LogLine[];
  previousLogs: LogLine[];
  probes: Partial<Record<ProbeKind, ProbeState>>;
  /** Completed rounds of the process's endless loop (to schedule the next). */
  loopRound: number;
  /** What the current process was started with; rebuilding its plan from this is deterministic. */
  launch?: ContainerLaunch;
  /**
   * The main-process command's resume state while it runs (`CommandRun.state`, plain JSON kept
   * up to date by the run itself): a restore hands it back, so the command goes on where it was.
   */
  commandState?: unknown;
  /** Set while the kubelet is stopping the container (SIGTERM sent). */
  stopping?: boolean;
  /**
   * Set while the runtime is ahead of what the kubelet reports (pleg.ts): a start or an exit no
   * relist has seen yet, or a restart whose new container is still being created.
   */
  report?: HeldReport;
}

/** The fields of a container the kubelet reports: its state as the pod cache has it, and readiness. */
export type ReportedState = Pick<
  ContainerRuntime,
  'state' | 'reason' | 'message' | 'exitCode' | 'containerID' | 'startedAt' | 'finishedAt' | 'restartCount' | 'lastTerminated' | 'ready' | 'started'
>;

export interface HeldReport {
  /** What the status shows for the container until a relist sees the runtime's changes. */
  shown: ReportedState;
  /** Virtual time of the runtime's latest change not yet relisted (undefined: none yet). */
  changedAt?: number;
  /** The state a relist saw between `shown` and a later change (its pod sync is still pending). */
  relisted?: { at: number; state: ReportedState };
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  ip?: string;
  hostNetwork: boolean;
  startTime: number;
  sandboxReady: boolean;
  containers: ContainerRuntime[];
  /** Init containers, run one after another to completion before `containers` start. */
  initContainers: ContainerRuntime[];
  /** Terminal phase once every container has finished for good (restartPolicy permitting). */
  finished?: 'Succeeded' | 'Failed';
  /** Set once the kubelet began graceful termination. */
  terminatingSince?: number;
  resolvConf: string;
  hosts: string;
  hostname: string;
}

/** Work the kubelet has scheduled on the clock, as data so it survives snapshots. */
export type KubeletAction =
  | { kind: 'sandboxReady'; uid: string }
  | { kind: 'pullDone'; uid: string; container: string; ms: number; cached: boolean; requestedAt: number }
  | { kind: 'containerStarted'; uid: string; container: string }
  | { kind: 'initDone'; uid: string; container: string }
  | { kind: 'processStep'; uid: string; container: string; index: number; startedAt: number }
  | { kind: 'processLoop'; uid: string; container: string; startedAt: number }
  | { kind: 'commandPoll'; uid: string; container: string; startedAt: number }
  | { kind: 'probe'; uid: string; container: string; probe: ProbeKind; startedAt: number }
  | { kind: 'backoff'; uid: string; container: string; finishedAt: number; delayMs: number }
  | { kind: 'restart'; uid: string; container: string; finishedAt: number }
  | { kind: 'killDeadline'; uid: string; container: string; code: number; startedAt: number }
  | { kind: 'podSync'; uid: string; relistAt: number }
  | { kind: 'heartbeat'; generation: number }
  | { kind: 'statusReport' };

export interface ScheduledAction {
  at: number;
  action: KubeletAction;
  background: boolean;
}
