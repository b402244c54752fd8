/** `kubectl describe pod` (describe.go `describePod`). */
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import { timestampSince } from '../humanDuration';
import { annotationsMultiline, controllerOf, describeEvents, labelsMultiline, rfc1123z, tolerationsMultiline } from './common';
import { describeContainers, describeVolumes, podEnvResolver } from './containers';
import { DescribeWriter } from './DescribeWriter';

function isZero(q: string | number | undefined): boolean {
  return q === undefined || Number.parseFloat(String(q)) === 0;
}

/**
 * `qos.GetPodQOS`: the status field when the kubelet set it, else computed: BestEffort without
 * any cpu/memory request or limit, Guaranteed when every container limits both and requests
 * equal limits, Burstable otherwise.
 */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (!isZero(req[r]) || !isZero(lim[r])) any = true;
      if (isZero(lim[r])) guaranteed = false;
      else if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata?.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
  if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${timestampSince(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  if ((status.podIPs ?? []).length === 0) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of status.podIPs!) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(pod.metadata);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const resolve = podEnvResolver(pod);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers!, status.initContainerStatuses, resolve, '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses, resolve, '');
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, events, now);
  return w.toString();
}
