import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { parseImageRef } from '../apps';
import { rfc3339 } from '../sim/events';
import { reportedView } from './pleg';
import type { ContainerRuntime, PodRuntime } from './runtimeTypes';

/** `docker.io/library/nginx:latest`: how containerd reports the image it ran. */
export function normalizedImage(image: string): string {
  const r = parseImageRef(image);
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}

/** imageID by image reference: every status post names each container's image (and a sha256 is not cheap). */
const imageIDs = new Map<string, string>();

/** A stable fake digest for an image (`docker.io/library/nginx@sha256:...`). */
export function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    const r = parseImageRef(image);
    id = `${r.registry}/${r.repository}@sha256:${hex(`image:${r.registry}/${r.repository}:${r.tag}`)}`;
    // A pure function of its input; the bound only keeps odd workloads from growing it without end.
    if (imageIDs.size >= 1024) imageIDs.clear();
    imageIDs.set(image, id);
  }
  return id;
}

export function hex(s: string): string {
  return bytesToHex(sha256(utf8ToBytes(s)));
}

/** QoS class from requests and limits (pkg/apis/core/helper/qos). */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const request = req[r] ?? lim[r];
      if (lim[r] === undefined || String(request) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function containerStatus(c: ContainerRuntime): ContainerStatus {
  const state: ContainerStatus['state'] =
    c.state === 'running'
      ? { running: { startedAt: rfc3339(c.startedAt!) } }
      : c.state === 'terminated'
        ? { terminated: { exitCode: c.exitCode ?? 0, reason: c.reason ?? 'Completed', ...(c.message ? { message: c.message } : {}), startedAt: rfc3339(c.startedAt ?? c.finishedAt!), finishedAt: rfc3339(c.finishedAt!), ...(c.containerID ? { containerID: c.containerID } : {}) } }
        : { waiting: { reason: c.reason ?? 'ContainerCreating', ...(c.message ? { message: c.message } : {}) } };
  const last = c.lastTerminated;
  const ran = c.containerID !== undefined;
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: ran ? normalizedImage(c.image) : c.image,
    imageID: ran ? imageID(c.image) : '',
    lastState: last ? { terminated: { exitCode: last.exitCode, reason: last.reason, ...(last.message ? { message: last.message } : {}), startedAt: rfc3339(last.startedAt ?? last.finishedAt), finishedAt: rfc3339(last.finishedAt), ...(last.containerID ? { containerID: last.containerID } : {}) } } : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state,
  };
}

/** Keeps a condition's lastTransitionTime while its status does not change. */
function condition(prev: PodCondition[] | undefined, now: number, type: string, ok: boolean, reason?: string, message?: string): PodCondition {
  const old = prev?.find((c) => c.type === type);
  const status = ok ? 'True' : 'False';
  return {
    lastProbeTime: null as unknown as string,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime! : rfc3339(now),
    ...(ok ? {} : reason ? { reason } : {}),
    ...(ok ? {} : message ? { message } : {}),
    status,
    type,
  };
}

/**
 * The status kubelet posts for a pod (pkg/kubelet/kubelet_pods.go generateAPIPodStatus): phase,
 * the five conditions in kubelet's order, container statuses, IPs, start time and QoS class.
 * Containers appear as the kubelet's pod cache has them (pleg.ts), which may trail the runtime.
 */
export function buildPodStatus(pod: Pod, runtime: PodRuntime, nodeIP: string, now: number): PodStatus {
  const rt = { ...runtime, containers: runtime.containers.map(reportedView), initContainers: runtime.initContainers.map(reportedView) };
  const prev = pod.status?.conditions;
  const statuses = rt.containers.map(containerStatus);
  const initStatuses = rt.initContainers.map(containerStatus);
  const incomplete = rt.initContainers.filter((c) => !(c.state === 'terminated' && c.exitCode === 0)).map((c) => c.name);
  const unready = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = unready.length === 0 && rt.containers.length > 0;
  const terminal = rt.finished;
  const anyRunning = rt.containers.some((c) => c.state === 'running');
  const anyStarted = rt.containers.some((c) => c.containerID !== undefined);
  // A pod whose init container failed with restartPolicy Never has failed as a whole.
  const restarts = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
  const phase: PodStatus['phase'] = terminal ?? (anyRunning || (anyStarted && restarts) ? 'Running' : 'Pending');
  const notReadyMsg = `containers with unready status: [${unready.join(' ')}]`;
  const readyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  const conditions: PodCondition[] = [
    condition(prev, now, 'PodReadyToStartContainers', rt.sandboxReady && !terminal),
    condition(prev, now, 'Initialized', incomplete.length === 0, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    condition(prev, now, 'Ready', allReady && !terminal, readyReason, terminal ? undefined : notReadyMsg),
    condition(prev, now, 'ContainersReady', allReady && !terminal, readyReason, terminal ? undefined : notReadyMsg),
    condition(prev, now, 'PodScheduled', true),
  ];
  const ips = rt.ip ? [rt.ip] : [];
  return {
    conditions,
    containerStatuses: statuses,
    hostIP: nodeIP,
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    hostIPs: [{ ip: nodeIP }],
    phase,
    ...(ips.length ? { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) } : {}),
    qosClass: qosClass(pod),
    startTime: rfc3339(rt.startTime),
  };
}
