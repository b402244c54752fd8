import type { EndpointAddress, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1';
import { deepEqualExcept } from '../../store/json';
import type { EndpointsObj } from '../framework/objects';
import { findPort, isPodReady, podIPs, shouldPodBeInEndpoints, shouldSetHostname } from '../framework/pods';
import { LABEL_HEADLESS, TRIGGER_TIME_ANNOTATION } from '../endpointslice/reconcileEndpointSlices';
import { repackSubsets } from './repackSubsets';

/** maxCapacity in endpoints_controller.go: more addresses than this are truncated. */
export const MAX_ENDPOINTS_CAPACITY = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

/**
 * The legacy Endpoints controller's desired object for a Service (REFERENCE §5.2): ready pods in
 * `addresses`, not-ready in `notReadyAddresses`, terminating pods left out unless
 * publishNotReadyAddresses; repacked; labels copied from the Service. Returns the full object;
 * the caller compares it with what is stored.
 */
export function desiredEndpoints(service: Service, pods: Pod[], triggerTime: string | undefined): EndpointsObj {
  const pnra = !!service.spec?.publishNotReadyAddresses;
  let subsets: EndpointSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, pnra)) continue;
    const ip = podIPs(pod).find((a) => !a.includes(':')) ?? podIPs(pod)[0]!;
    const addr: EndpointAddress = { ip };
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    if (shouldSetHostname(pod, service)) addr.hostname = pod.spec!.hostname;
    addr.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid };
    const ready = pnra || isPodReady(pod);
    const ports = service.spec?.ports ?? [];
    if (ports.length === 0 && service.spec?.clusterIP === 'None') {
      subsets.push(ready ? { addresses: [addr] } : { notReadyAddresses: [addr] });
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const epp = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
      subsets.push(ready ? { addresses: [addr], ports: [epp] } : { notReadyAddresses: [addr], ports: [epp] });
    }
  }
  subsets = repackSubsets(subsets);
  const annotations: Record<string, string> = {};
  if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
  if (truncate(subsets)) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  const labels: Record<string, string> = { ...(service.metadata?.labels ?? {}) };
  const clusterIP = service.spec?.clusterIP;
  if (!clusterIP || clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  else delete labels[LABEL_HEADLESS];
  const ep: EndpointsObj = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: service.metadata?.name, namespace: service.metadata?.namespace, labels },
  };
  if (Object.keys(annotations).length) ep.metadata.annotations = annotations;
  if (subsets.length) ep.subsets = subsets;
  return ep;
}

/**
 * truncateEndpoints: keeps at most 1000 addresses, ready ones first, spreading the cut over
 * subsets in proportion to their size. Returns whether anything was cut.
 */
function truncate(subsets: EndpointSubset[]): boolean {
  const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  if (total <= MAX_ENDPOINTS_CAPACITY) return false;
  const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const canReady = Math.min(ready, MAX_ENDPOINTS_CAPACITY);
  let canNotReady = MAX_ENDPOINTS_CAPACITY - canReady;
  const notReadyTotal = total - ready;
  for (const s of subsets) {
    if (s.addresses && ready > 0) s.addresses = s.addresses.slice(0, Math.floor((canReady * s.addresses.length) / ready) || 0);
    if (s.notReadyAddresses && notReadyTotal > 0) {
      const keep = Math.min(canNotReady, Math.floor(((MAX_ENDPOINTS_CAPACITY - canReady) * s.notReadyAddresses.length) / notReadyTotal));
      s.notReadyAddresses = s.notReadyAddresses.slice(0, keep);
      canNotReady -= keep;
    }
  }
  return true;
}

/**
 * Whether two subset lists are the same apart from the resourceVersion of their ready
 * addresses' targetRefs (the controller's comparison, which drops it before a deep equal),
 * compared in place: every sync of every Service asks.
 */
export function sameSubsetsIgnoringRefVersions(a: EndpointSubset[], b: EndpointSubset[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const sa = a[i]!;
    const sb = b[i]!;
    if (!deepEqualExcept(sa, sb, 'addresses')) return false;
    const aa = sa.addresses ?? undefined;
    const ab = sb.addresses ?? undefined;
    if (aa === undefined || ab === undefined) {
      if (aa !== ab) return false;
      continue;
    }
    if (aa.length !== ab.length) return false;
    for (let j = 0; j < aa.length; j++) if (!sameAddress(aa[j]!, ab[j]!)) return false;
  }
  return true;
}

function sameAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  if (!deepEqualExcept(a, b, 'targetRef')) return false;
  const ra = a.targetRef;
  const rb = b.targetRef;
  // A missing (or other falsy) reference is compared as it is; a present one without its resourceVersion.
  if (!ra || !rb) return ra === rb;
  return deepEqualExcept(ra, rb, 'resourceVersion');
}
