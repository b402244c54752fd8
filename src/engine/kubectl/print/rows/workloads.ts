/** Rows of deployments, replicasets and daemonsets (printers.go print{Deployment,ReplicaSet,DaemonSet}). */
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { timestampSince } from '../humanDuration';
import { formatLabels, formatLabelSelector, labelSelectorString } from '../labels';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const DEPLOYMENT_COLUMNS: TableColumn[] = columns('Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*');
export const REPLICASET_COLUMNS: TableColumn[] = columns('Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*');
export const DAEMONSET_COLUMNS: TableColumn[] = columns(
  'Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*',
);

/** `layoutContainerCells`: container names and images, each comma-joined. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export function deploymentRow(obj: KubeObject, now: number): TableRow {
  const d = obj as unknown as Deployment;
  // The API server defaults spec.replicas to 1, so an absent value means 1.
  const desired = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  const [names, images] = containerCells(d.spec?.template.spec?.containers);
  return {
    object: obj,
    cells: [
      d.metadata?.name ?? '',
      `${st.readyReplicas ?? 0}/${desired}`,
      st.updatedReplicas ?? 0,
      st.availableReplicas ?? 0,
      timestampSince(d.metadata?.creationTimestamp, now),
      names,
      images,
      // printDeployment prints Selector.String(), which is empty (not <none>) for `{}`.
      labelSelectorString(d.spec?.selector),
    ],
  };
}

export function replicaSetRow(obj: KubeObject, now: number): TableRow {
  const rs = obj as unknown as ReplicaSet;
  const st = rs.status ?? { replicas: 0 };
  const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
  return {
    object: obj,
    cells: [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      st.replicas ?? 0,
      st.readyReplicas ?? 0,
      timestampSince(rs.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ],
  };
}

export function daemonSetRow(obj: KubeObject, now: number): TableRow {
  const ds = obj as unknown as DaemonSet;
  const st = ds.status;
  const [names, images] = containerCells(ds.spec?.template.spec?.containers);
  return {
    object: obj,
    cells: [
      ds.metadata?.name ?? '',
      st?.desiredNumberScheduled ?? 0,
      st?.currentNumberScheduled ?? 0,
      st?.numberReady ?? 0,
      st?.updatedNumberScheduled ?? 0,
      st?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      timestampSince(ds.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ],
  };
}
