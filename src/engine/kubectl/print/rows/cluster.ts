/** Rows of namespaces, nodes, configmaps, serviceaccounts and events (printers.go). */
import type { ConfigMap, Event, EventSource, Namespace, Node, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { timestampSince } from '../humanDuration';
import { goStringCompare } from '../labels';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const NAMESPACE_COLUMNS: TableColumn[] = columns('Name', 'Status', 'Age');
export const NODE_COLUMNS: TableColumn[] = columns(
  'Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP*', 'External-IP*', 'OS-Image*', 'Kernel-Version*', 'Container-Runtime*',
);
export const CONFIGMAP_COLUMNS: TableColumn[] = columns('Name', 'Data', 'Age');
export const SERVICEACCOUNT_COLUMNS: TableColumn[] = columns('Name', 'Secrets', 'Age');
export const EVENT_COLUMNS: TableColumn[] = columns(
  'Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*',
);

export function namespaceRow(obj: KubeObject, now: number): TableRow {
  const ns = obj as unknown as Namespace;
  return { object: obj, cells: [ns.metadata?.name ?? '', ns.status?.phase ?? '', timestampSince(ns.metadata?.creationTimestamp, now)] };
}

/** `findNodeRoles`: `node-role.kubernetes.io/<role>` keys and the legacy `kubernetes.io/role` value. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(goStringCompare);
}

/** STATUS of a node: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeRow(obj: KubeObject, now: number): TableRow {
  const node = obj as unknown as Node;
  const info = node.status?.nodeInfo;
  return {
    object: obj,
    cells: [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      timestampSince(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ],
  };
}

export function configMapRow(obj: KubeObject, now: number): TableRow {
  const cm = obj as unknown as ConfigMap;
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return { object: obj, cells: [cm.metadata?.name ?? '', n, timestampSince(cm.metadata?.creationTimestamp, now)] };
}

export function serviceAccountRow(obj: KubeObject, now: number): TableRow {
  const sa = obj as unknown as ServiceAccount;
  return { object: obj, cells: [sa.metadata?.name ?? '', (sa.secrets ?? []).length, timestampSince(sa.metadata?.creationTimestamp, now)] };
}

/** `formatEventSource`: `component[, host]`, falling back to the reporting controller. */
export function formatEventSource(src: EventSource | undefined, reportingController?: string, reportingInstance?: string): string {
  const component = src?.component || reportingController || '';
  const host = src?.component ? src.host : reportingInstance;
  return host ? `${component}, ${host}` : component;
}

export function eventRow(obj: KubeObject, now: number): TableRow {
  const e = obj as unknown as Event;
  let first = timestampSince(e.firstTimestamp, now);
  if (!e.firstTimestamp) first = timestampSince(e.eventTime, now);
  let last = e.lastTimestamp ? timestampSince(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = timestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1;
  }
  const io = e.involvedObject;
  const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase();
  return {
    object: obj,
    cells: [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      io.fieldPath ?? '',
      formatEventSource(e.source, e.reportingComponent, e.reportingInstance),
      (e.message ?? '').trim(),
      first,
      count,
      e.metadata?.name ?? '',
    ],
  };
}
