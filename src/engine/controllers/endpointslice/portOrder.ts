import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import { utf8 } from '../framework/keys';

/**
 * The EndpointSlice controller sorts a slice's ports by a hash (NewPortMapKey sorts them in
 * place with `portsInOrder`, which compares fnv128a hashes of each port as printed by
 * `dump.ForHash`, i.e. go-spew `%#v`). That is why kube-dns's slice lists 9153 before 53.
 * We print the Go struct exactly as spew does and hash it the same way.
 */
export function spewEndpointPort(p: EndpointPort): string {
  const str = (type: string, v: string | undefined) => (v === undefined ? `(*${type})<nil>` : `(*${type})${v}`);
  const num = (type: string, v: number | undefined) => (v === undefined ? `(*${type})<nil>` : `(*${type})${v}`);
  return (
    `(v1.EndpointPort){Name:${str('string', p.name)} Protocol:${str('v1.Protocol', p.protocol)} ` +
    `Port:${num('int32', p.port)} AppProtocol:${str('string', p.appProtocol)}}`
  );
}

const FNV128_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV128_PRIME = 0x0000000001000000000000000000013bn;
const MASK128 = (1n << 128n) - 1n;

/** FNV-1a, 128-bit, over the UTF-8 bytes of `s`, as lower-case hex (hash/fnv New128a + hex). */
export function fnv128aHex(s: string): string {
  let h = FNV128_OFFSET;
  for (const b of utf8(s)) {
    h ^= BigInt(b);
    h = (h * FNV128_PRIME) & MASK128;
  }
  return h.toString(16).padStart(32, '0');
}

/** Ports in the order the real controller stores them. Returns a new array. */
export function sortPortsLikeController(ports: readonly EndpointPort[]): EndpointPort[] {
  return ports
    .map((p) => ({ p, h: fnv128aHex(spewEndpointPort(p)) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .map((x) => x.p);
}

/** A stable identity for a set of ports (PortMapKey): same ports in any order, same key. */
export function portMapKey(ports: readonly EndpointPort[]): string {
  return sortPortsLikeController(ports)
    .map((p) => spewEndpointPort(p))
    .join('|');
}
