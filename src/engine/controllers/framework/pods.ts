import type { Pod, ServicePort } from 'kubernetes-types/core/v1';
import { parseTime } from './keys';

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Succeeded or Failed: the pod will never run again. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return false;
  if (minReadySeconds <= 0) return true;
  const since = parseTime(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/** The pod's addresses: status.podIPs, falling back to status.podIP. */
export function podIPs(pod: Pod): string[] {
  const ips = pod.status?.podIPs?.map((p) => p.ip).filter((ip): ip is string => !!ip) ?? [];
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips;
}

/** endpointutil.ShouldPodBeInEndpoints: has an IP, not terminal, and (optionally) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (podIPs(pod).length === 0) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/**
 * Whether an update left everything the endpoint controllers read from a pod as it was
 * (endpointutil's podEndpointsChanged, kept on the safe side): the same labels and spec (by
 * reference: the API server hands unchanged parts on as the same frozen objects), deletion
 * timestamp, readiness, whether the pod is terminal, and IPs. Such an update cannot change
 * the pod's endpoint, so the controllers need not resync its Services.
 */
export function sameEndpointInputs(a: Pod, b: Pod): boolean {
  return (
    a.metadata?.labels === b.metadata?.labels &&
    a.spec === b.spec &&
    a.metadata?.deletionTimestamp === b.metadata?.deletionTimestamp &&
    isPodReady(a) === isPodReady(b) &&
    isPodTerminal(a) === isPodTerminal(b) &&
    samePodIPs(a, b)
  );
}

function samePodIPs(a: Pod, b: Pod): boolean {
  if (a.status?.podIP !== b.status?.podIP) return false;
  const x = a.status?.podIPs ?? [];
  const y = b.status?.podIPs ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i]?.ip !== y[i]?.ip) return false;
  return true;
}

/** endpointutil.ShouldSetHostname: the pod names a hostname and sits in the Service's subdomain. */
export function shouldSetHostname(pod: Pod, svc: { metadata?: { name?: string; namespace?: string } }): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the pod's
 * containers (and restartable init "sidecar" containers) with the same protocol. A missing
 * targetPort defaults to the port (API defaulting does this; repeated here for safety).
 */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  const protocol = svcPort.protocol ?? 'TCP';
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}
