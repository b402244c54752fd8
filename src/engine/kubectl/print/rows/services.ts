/** The service row of `kubectl get svc`: printers.go `printService` and its helpers. */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { timestampSince } from '../humanDuration';
import { formatLabels, goStringCompare } from '../labels';
import { columns, type TableColumn, type TableRow } from '../tableTypes';

export const SERVICE_COLUMNS: TableColumn[] = columns('Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector*');

/** `makePortString`: `port/PROTO` or `port:nodePort/PROTO`, comma-joined. */
export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

/**
 * `loadBalancerStatusStringer` as the API server calls it (always wide, so never truncated):
 * the distinct ingress IPs or hostnames, sorted.
 */
function loadBalancerIngress(svc: Service): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort(goStringCompare).join(',');
}

/** `getServiceExternalIP`: the EXTERNAL-IP cell. */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** One `kubectl get svc` row, wide cells included. */
export function serviceRow(obj: KubeObject, now: number): TableRow {
  const svc = obj as unknown as Service;
  const clusterIP = svc.spec?.clusterIPs?.[0] ?? '<none>';
  const ports = makePortString(svc.spec?.ports) || '<none>';
  return {
    object: obj,
    cells: [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? '',
      clusterIP,
      serviceExternalIP(svc),
      ports,
      timestampSince(svc.metadata?.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ],
  };
}
