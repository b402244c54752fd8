/**
 * The kubelet's generic PLEG (pkg/kubelet/pleg/generic.go): the container runtime is relisted
 * every second and what changed (a container started, a container died) reaches the kubelet's
 * pod cache, whose pod worker then syncs the pod and the status manager posts the new status.
 * SyncPod computes the status it posts from that cache *before* it starts containers, so a
 * container's running state, its Ready (for containers without a readiness probe) and its exit
 * reach the API only after the next relist. Probe workers read the status manager too: they
 * skip a container the status manager does not know to be running yet.
 */
import type { Rng } from '../sim/Rng';
import type { ContainerRuntime, ReportedState } from './runtimeTypes';

/** genericPlegRelistPeriod (pkg/kubelet/kubelet.go); Evented PLEG is off by default in 1.34. */
export const RELIST_PERIOD_MS = 1000;

/**
 * From a relist to the status it leads to reaching the API: the relist's runtime calls for the
 * changed pod (GetPodStatus), the pod worker's SyncPod, and the status manager's PATCH.
 */
export function podSyncDelayMs(rng: Rng): number {
  return 50 + rng.int(100);
}

/** The first relist strictly after `now` (a relist running at `now` has already listed). */
export function nextRelistAt(now: number, phaseMs: number): number {
  return phaseMs + (Math.floor((now - phaseMs) / RELIST_PERIOD_MS) + 1) * RELIST_PERIOD_MS;
}

/** The latest relist at or before `now`. */
export function lastRelistAt(now: number, phaseMs: number): number {
  return phaseMs + Math.floor((now - phaseMs) / RELIST_PERIOD_MS) * RELIST_PERIOD_MS;
}

export function reportedState(c: ContainerRuntime): ReportedState {
  const r: ReportedState = { state: c.state, restartCount: c.restartCount, ready: c.ready, started: c.started };
  if (c.reason !== undefined) r.reason = c.reason;
  if (c.message !== undefined) r.message = c.message;
  if (c.exitCode !== undefined) r.exitCode = c.exitCode;
  if (c.containerID !== undefined) r.containerID = c.containerID;
  if (c.startedAt !== undefined) r.startedAt = c.startedAt;
  if (c.finishedAt !== undefined) r.finishedAt = c.finishedAt;
  if (c.lastTerminated !== undefined) r.lastTerminated = c.lastTerminated;
  return r;
}

/**
 * The container as the kubelet reports it: the runtime's own state, or, while a relist has not
 * seen the runtime's latest change, what was reported before it. Every reported field is
 * replaced (absent ones too), as snapshots drop undefined keys.
 */
export function reportedView(c: ContainerRuntime): ContainerRuntime {
  const r = c.report?.shown;
  if (!r) return c;
  return {
    ...c,
    state: r.state,
    reason: r.reason,
    message: r.message,
    exitCode: r.exitCode,
    containerID: r.containerID,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    restartCount: r.restartCount,
    lastTerminated: r.lastTerminated,
    ready: r.ready,
    started: r.started,
  };
}
