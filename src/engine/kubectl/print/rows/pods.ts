/**
 * The pod row of `kubectl get pods`: printers.go `printPod`. Its STATUS column is not the phase
 * but a reason computed from init containers, container states and deletion, in this order.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { parseTimestamp, timestampSince } from '../humanDuration';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const POD_COLUMNS: TableColumn[] = columns('Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP*', 'Node*', 'Nominated Node*', 'Readiness Gates*');

/** Init containers with restartPolicy Always are sidecars: they count as regular containers. */
function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

/** The latest `lastState.terminated.finishedAt` seen, in ms (undefined = zero time). */
function laterRestart(current: number | undefined, st: ContainerStatus): number | undefined {
  const t = parseTimestamp(st.lastState?.terminated?.finishedAt);
  if (t === undefined) return current;
  return current === undefined || t > current ? t : current;
}

/** The computed cells of one pod: READY, STATUS and RESTARTS as printPod derives them. */
export function podStatusCells(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason = status.reason || status.phase || '';

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInit(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += cs.restartCount ?? 0;
    lastRestart = laterRestart(lastRestart, cs);
    const sidecar = isRestartableInit(initContainers.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      lastSidecarRestart = laterRestart(lastSidecarRestart, cs);
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // printPod walks containers from last to first, so the first container's reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += cs.restartCount ?? 0;
      lastRestart = laterRestart(lastRestart, cs);
      const waiting = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsStr = `${restarts} (${timestampSince(new Date(lastRestart).toISOString(), now)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

/** One `kubectl get pods` row, wide cells included. */
export function podRow(obj: KubeObject, now: number): TableRow {
  const pod = obj as unknown as Pod;
  const { ready, status, restarts } = podStatusCells(pod, now);
  const st = pod.status ?? {};
  const podIP = st.podIPs?.[0]?.ip || '<none>';
  const nodeName = pod.spec?.nodeName || '<none>';
  const nominated = st.nominatedNodeName || '<none>';
  let gates = '<none>';
  const readinessGates = pod.spec?.readinessGates ?? [];
  if (readinessGates.length > 0) {
    let trueConditions = 0;
    for (const g of readinessGates) {
      const cond = (st.conditions ?? []).find((c) => c.type === g.conditionType);
      if (cond?.status === 'True') trueConditions++;
    }
    gates = `${trueConditions}/${readinessGates.length}`;
  }
  return {
    object: obj,
    cells: [pod.metadata?.name ?? '', ready, status, restarts, timestampSince(pod.metadata?.creationTimestamp, now), podIP, nodeName, nominated, gates],
  };
}
