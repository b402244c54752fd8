/**
 * kube-proxy's chain names: `KUBE-SVC-` + the first 16 characters of the RFC 4648 base32
 * encoding of sha256(servicePortName + protocol) (pkg/proxy/iptables/proxier.go, portProtoHash).
 */
import { chainHash16, chainHashWords } from './chainHash';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4648 base32 with the standard alphabet and `=` padding, as Go's base32.StdEncoding (the
 * reference `chainHash16` is tested against).
 */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** The 16-character suffix shared by KUBE-SVC/SVL/EXT/FW chains; `protocol` must be lower case. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  portParts[0] = servicePortName;
  portParts[1] = protocol;
  return chainHash16(portParts);
}

/** The hash inputs, reused (a sync makes 110,000 names; each list would be garbage at once). */
const portParts = ['', ''];
const endpointParts = ['', '', ''];
const endpointIpPortParts = ['', '', '', ':', ''];

/** The per-service-port chain names kube-proxy derives from one hash. */
export interface ServicePortChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

export function servicePortChains(servicePortName: string, protocol: string): ServicePortChains {
  const h = portProtoHash(servicePortName, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** `KUBE-SEP-` chain for one endpoint; `endpoint` is `ip:port` (IPv6 in brackets). */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  endpointParts[0] = servicePortName;
  endpointParts[1] = protocol;
  endpointParts[2] = endpoint;
  return chainHash16(endpointParts, 'KUBE-SEP-');
}

/** {@link endpointChainName} of `ip:port` given apart, so the key need not be joined first. */
export function endpointChainNameOf(servicePortName: string, protocol: string, ip: string, portText: string): string {
  endpointIpPortParts[0] = servicePortName;
  endpointIpPortParts[1] = protocol;
  endpointIpPortParts[2] = ip;
  endpointIpPortParts[4] = portText;
  return chainHash16(endpointIpPortParts, 'KUBE-SEP-');
}

/**
 * {@link endpointChainNameOf}'s hash as three words at `out[at..at+2]` (`hashWordsToName` with
 * the `KUBE-SEP-` prefix spells the name): a sync keeps 100,000 of them in shared buffers.
 */
export function endpointChainWordsOf(servicePortName: string, protocol: string, ip: string, portText: string, out: Int32Array, at: number): void {
  endpointIpPortParts[0] = servicePortName;
  endpointIpPortParts[1] = protocol;
  endpointIpPortParts[2] = ip;
  endpointIpPortParts[4] = portText;
  chainHashWords(endpointIpPortParts, out, at);
}
