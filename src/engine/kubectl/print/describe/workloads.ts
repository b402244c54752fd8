/** `kubectl describe deployment`, `replicaset` and `daemonset` (describe.go). */
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event } from 'kubernetes-types/core/v1';
import { formatLabels, formatLabelSelector, labelSelectorString } from '../labels';
import { annotationsMultiline, controllerOf, describeEvents, labelsMultiline, rfc1123z } from './common';
import { describePodTemplate } from './containers';
import { DescribeWriter } from './DescribeWriter';

/** `printReplicaSetsByLabels`: `name (current/desired replicas created)`, comma-joined. */
function replicaSetsString(list: ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}

/**
 * Describes a Deployment. `oldReplicaSets`/`newReplicaSet` are what the deployment controller's
 * helpers find (owned ReplicaSets; the new one matches the current template); pass both as
 * undefined to omit the two lines as kubectl does when it could not list them.
 */
export function describeDeployment(
  d: Deployment,
  oldReplicaSets: ReplicaSet[] | undefined,
  newReplicaSet: ReplicaSet | undefined,
  events: Event[] | undefined,
  now: number,
): string {
  const w = new DescribeWriter();
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata?.labels);
  annotationsMultiline(w, 'Annotations', d.metadata?.annotations);
  w.write(0, `Selector:\t${labelSelectorString(d.spec?.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions!) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  if (oldReplicaSets !== undefined || newReplicaSet !== undefined) {
    w.write(0, `OldReplicaSets:\t${replicaSetsString(oldReplicaSets ?? [])}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsString(newReplicaSet ? [newReplicaSet] : [])}\n`);
  }
  describeEvents(w, events, now);
  return w.toString();
}

/** Pod phase counts of the ReplicaSet's pods, for the `Pods Status:` line. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export function describeReplicaSet(rs: ReplicaSet, pods: PodPhaseCounts, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata?.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
  const controlledBy = controllerOf(rs.metadata);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  if ((rs.status?.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of rs.status!.conditions!) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, events, now);
  return w.toString();
}

/** `describeDaemonSet`: `pods` counts the pods the DaemonSet controls that match its selector. */
export function describeDaemonSet(ds: DaemonSet, pods: PodPhaseCounts, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.write(0, `Name:\t${ds.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${labelSelectorString(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, events, now);
  return w.toString();
}
