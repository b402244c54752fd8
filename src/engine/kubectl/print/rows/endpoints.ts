/** Rows of `kubectl get endpoints` and `kubectl get endpointslices` (printers.go). */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../api/types';
import { timestampSince } from '../humanDuration';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const ENDPOINTS_COLUMNS: TableColumn[] = columns('Name', 'Endpoints', 'Age');
export const ENDPOINTSLICE_COLUMNS: TableColumn[] = columns('Name', 'AddressType', 'Ports', 'Endpoints', 'Age');

const MAX_LISTED = 3;

/** Go's `net.JoinHostPort`: IPv6 literals get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * `formatEndpoints`: the first three `ip:port` (per subset, per port, per ready address),
 * then ` + N more...`; `<none>` without subsets. `portNames` restricts to those port names.
 */
export function formatEndpoints(ep: Endpoints, portNames?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_LISTED} more...` : ret;
}

/** `listWithMoreString`: like formatEndpoints' tail, but empty lists print `<unset>`. */
function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX_LISTED} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** `formatDiscoveryPorts`: port numbers (`*` when nil), first three. */
export function formatDiscoveryPorts(ports: EndpointPort[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < MAX_LISTED) list.push(p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'));
    else more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

/** `formatDiscoveryEndpoints`: addresses of all endpoints, ready or not, first three. */
export function formatDiscoveryEndpoints(endpoints: Endpoint[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses) {
      if (list.length < MAX_LISTED) list.push(a);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

export function endpointsRow(obj: KubeObject, now: number): TableRow {
  const ep = obj as unknown as Endpoints;
  return { object: obj, cells: [ep.metadata?.name ?? '', formatEndpoints(ep), timestampSince(ep.metadata?.creationTimestamp, now)] };
}

export function endpointSliceRow(obj: KubeObject, now: number): TableRow {
  const s = obj as unknown as EndpointSlice;
  return {
    object: obj,
    cells: [s.metadata?.name ?? '', s.addressType, formatDiscoveryPorts(s.ports), formatDiscoveryEndpoints(s.endpoints), timestampSince(s.metadata?.creationTimestamp, now)],
  };
}
