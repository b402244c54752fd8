/**
 * Which columns and row function each kind uses: the server-side table handlers of
 * printers.go for the kinds kubelab serves.
 */
import type { KubeObject } from '../../api/types';
import { timestampSince } from './humanDuration';
import { CONFIGMAP_COLUMNS, configMapRow, EVENT_COLUMNS, eventRow, NAMESPACE_COLUMNS, namespaceRow, NODE_COLUMNS, nodeRow, SERVICEACCOUNT_COLUMNS, serviceAccountRow } from './rows/cluster';
import { ENDPOINTS_COLUMNS, endpointsRow, ENDPOINTSLICE_COLUMNS, endpointSliceRow } from './rows/endpoints';
import { POD_COLUMNS, podRow } from './rows/pods';
import { ROLE_COLUMNS, roleRow, ROLEBINDING_COLUMNS, roleBindingRow } from './rows/rbac';
import { SERVICE_COLUMNS, serviceRow } from './rows/services';
import { DAEMONSET_COLUMNS, daemonSetRow, DEPLOYMENT_COLUMNS, deploymentRow, REPLICASET_COLUMNS, replicaSetRow } from './rows/workloads';
import { columns, type Table, type TableColumn, type TableRow } from './tableTypes';

interface TableHandler {
  columns: TableColumn[];
  row: (obj: KubeObject, now: number) => TableRow;
}

const HANDLERS: Record<string, TableHandler> = {
  Pod: { columns: POD_COLUMNS, row: podRow },
  Service: { columns: SERVICE_COLUMNS, row: serviceRow },
  Endpoints: { columns: ENDPOINTS_COLUMNS, row: endpointsRow },
  EndpointSlice: { columns: ENDPOINTSLICE_COLUMNS, row: endpointSliceRow },
  Deployment: { columns: DEPLOYMENT_COLUMNS, row: deploymentRow },
  ReplicaSet: { columns: REPLICASET_COLUMNS, row: replicaSetRow },
  DaemonSet: { columns: DAEMONSET_COLUMNS, row: daemonSetRow },
  Namespace: { columns: NAMESPACE_COLUMNS, row: namespaceRow },
  Node: { columns: NODE_COLUMNS, row: nodeRow },
  ConfigMap: { columns: CONFIGMAP_COLUMNS, row: configMapRow },
  ServiceAccount: { columns: SERVICEACCOUNT_COLUMNS, row: serviceAccountRow },
  Event: { columns: EVENT_COLUMNS, row: eventRow },
  Role: { columns: ROLE_COLUMNS, row: roleRow },
  ClusterRole: { columns: ROLE_COLUMNS, row: roleRow },
  RoleBinding: { columns: ROLEBINDING_COLUMNS, row: roleBindingRow },
  ClusterRoleBinding: { columns: ROLEBINDING_COLUMNS, row: roleBindingRow },
};

/**
 * The API server's default table for kinds without a printer: NAME and AGE
 * (`DefaultTableConvertor` uses "Created At" only for objects without a creation time).
 */
const DEFAULT_HANDLER: TableHandler = {
  columns: columns('Name', 'Age'),
  row: (obj, now) => ({ object: obj, cells: [obj.metadata.name ?? '', ageOf(obj, now)] }),
};

function ageOf(obj: KubeObject, now: number): string {
  return timestampSince(obj.metadata.creationTimestamp, now);
}

/** Kinds with a dedicated server-side printer. */
export const PRINTED_KINDS: readonly string[] = Object.keys(HANDLERS);

/** The column definitions for a kind (all of them, wide ones included). */
export function columnsFor(kind: string): TableColumn[] {
  return (HANDLERS[kind] ?? DEFAULT_HANDLER).columns;
}

/** Builds the Table the API server would return for these objects (all of one kind). */
export function buildTable(kind: string, objects: KubeObject[], now: number): Table {
  const h = HANDLERS[kind] ?? DEFAULT_HANDLER;
  return { columns: h.columns, rows: objects.map((o) => h.row(o, now)) };
}
