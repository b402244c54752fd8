import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import { sortByMd5 } from '../framework/md5';

/**
 * The EndpointSlice controller sorts a slice's ports by a hash (NewPortMapKey sorts them in
 * place with `portsInOrder`, which compares the hex md5 of each port as go-spew `%#v` prints
 * it). That is why kube-dns's slice lists `9153,53,53` on real 1.34 clusters. Kubernetes 1.35
 * replaced md5 with fnv128a (kubernetes#133511), which reorders them; we follow 1.34.
 */
export function spewEndpointPort(p: EndpointPort): string {
  return (
    `(v1.EndpointPort){Name:${spewPointer('string', p.name)} Protocol:${spewPointer('v1.Protocol', p.protocol)} ` +
    `Port:${spewPointer('int32', p.port)} AppProtocol:${spewPointer('string', p.appProtocol)}}`
  );
}

/** go-spew's rendering of a typed pointer field: `(*type)value`, or `(*type)<nil>` when unset. */
function spewPointer(type: string, v: string | number | undefined): string {
  return v === undefined ? `(*${type})<nil>` : `(*${type})${v}`;
}

/** Ports in the order the real controller stores them. Returns a new array. */
export function sortPortsLikeController(ports: readonly EndpointPort[]): EndpointPort[] {
  return sortByMd5(ports, spewEndpointPort);
}

/** A stable identity for a set of ports (PortMapKey): same ports in any order, same key. */
export function portMapKey(ports: readonly EndpointPort[]): string {
  return sortPortsLikeController(ports)
    .map((p) => spewEndpointPort(p))
    .join('|');
}
