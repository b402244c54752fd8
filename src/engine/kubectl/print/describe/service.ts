/** `kubectl describe service` (describe.go `describeService`, `formatEndpointSlices`). */
import type { Event, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { joinHostPort } from '../rows/endpoints';
import { formatLabels } from '../labels';
import { annotationsMultiline, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './DescribeWriter';

/**
 * `formatEndpointSlices`: ready endpoints (nil counts as ready) of the named ports, at most
 * three, then ` + N more...`; `<none>` without slices. Reproduces kubectl's counting quirk:
 * `more` is set before the readiness check, so a not-ready endpoint after three listed ones
 * still triggers the suffix.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portNames?: Set<string>): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    if ((s.ports ?? []).length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more) list.push(e.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of s.ports ?? []) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(e.addresses[0]!, port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function targetPort(p: ServicePort): string {
  const t = p.targetPort ?? p.port;
  return `${t}/${p.protocol ?? 'TCP'}`;
}

/** `buildIngressString`: IP or hostname, with ` (VIP)`/` (Proxy)` when ipMode is set. */
function ingressString(svc: Service): string {
  return (svc.status?.loadBalancer?.ingress ?? []).map((i) => (i.ip || i.hostname || '') + (i.ipMode ? ` (${i.ipMode})` : '')).join(', ');
}

/** Describes a Service with the EndpointSlices labelled for it and its events. */
export function describeService(svc: Service, slices: EndpointSlice[], events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata?.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
  w.write(0, `Selector:\t${sortedSelector(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  if ((svc.status?.loadBalancer?.ingress ?? []).length > 0) w.write(0, `LoadBalancer Ingress:\t${ingressString(svc)}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${targetPort(p)}\n`);
    if (p.appProtocol) w.write(0, `AppProtocol:\t${p.appProtocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, new Set([p.name ?? '']))}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
  const trafficDistribution = (spec as { trafficDistribution?: string }).trafficDistribution;
  if (trafficDistribution) w.write(0, `Traffic Distribution:\t${trafficDistribution}\n`);
  describeEvents(w, events, now);
  return w.toString();
}

/** `labels.FormatLabels` of the selector map (`<none>` when empty). */
function sortedSelector(sel: Record<string, string> | undefined): string {
  return formatLabels(sel);
}
