/** `kubectl describe endpoints` and `kubectl describe endpointslice` (describe.go). */
import type { Endpoints, Event } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { annotationsMultiline, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './DescribeWriter';

export function describeEndpoints(ep: Endpoints, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ep.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', ep.metadata?.labels);
  annotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((ss.ports ?? []).length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports ?? []) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, events, now);
  return w.toString();
}

export function describeEndpointSlice(eps: EndpointSlice, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${eps.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${eps.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', eps.metadata?.labels);
  annotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if ((eps.ports ?? []).length === 0) {
    w.write(0, 'Ports: <unset>\n');
  } else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports ?? []) {
      const port = p.port !== undefined && p.port !== null ? String(p.port) : '<unset>';
      w.write(1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? 'TCP'}\n`);
    }
  }
  if ((eps.endpoints ?? []).length === 0) {
    w.write(0, 'Endpoints: <none>\n');
  } else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(',') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined || e.conditions.ready === null ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, events, now);
  return w.toString();
}
