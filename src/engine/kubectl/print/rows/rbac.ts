/** Rows of roles, clusterroles, rolebindings and clusterrolebindings (printers.go). */
import type { ClusterRoleBinding, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../api/types';
import { parseTimestamp, timestampSince } from '../humanDuration';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const ROLE_COLUMNS: TableColumn[] = columns('Name', 'Created At');
export const ROLEBINDING_COLUMNS: TableColumn[] = columns('Name', 'Role', 'Age', 'Users*', 'Groups*', 'ServiceAccounts*');

/** `creationTimestamp.UTC().Format(time.RFC3339)`: second precision, `Z` suffix. */
export function rfc3339(ts: string | undefined): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Roles and ClusterRoles print their creation time, not an age. */
export function roleRow(obj: KubeObject): TableRow {
  return { object: obj, cells: [obj.metadata.name ?? '', rfc3339(obj.metadata.creationTimestamp)] };
}

/** `rbac.SubjectsStrings`: users, groups and `namespace:name` service accounts. */
export function subjectsStrings(subjects: Subject[] | undefined): [string[], string[], string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}:${s.name}`);
  }
  return [users, groups, sas];
}

export function roleBindingRow(obj: KubeObject, now: number): TableRow {
  const rb = obj as unknown as RoleBinding | ClusterRoleBinding;
  const [users, groups, sas] = subjectsStrings(rb.subjects);
  return {
    object: obj,
    cells: [
      rb.metadata?.name ?? '',
      `${rb.roleRef.kind}/${rb.roleRef.name}`,
      timestampSince(rb.metadata?.creationTimestamp, now),
      users.join(', '),
      groups.join(', '),
      sas.join(', '),
    ],
  };
}
