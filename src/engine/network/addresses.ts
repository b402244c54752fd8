/**
 * Address helpers and the deterministic names the CNI would pick at random (veth names, MACs):
 * derived from stable inputs so the same cluster always prints the same `ip addr`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { cidrContains, intToIp, ipToInt } from '../proxy/serviceInfo';

export { cidrContains, intToIp, ipToInt };

const hex = (s: string) => bytesToHex(sha256(utf8ToBytes(s)));

/** True for a dotted IPv4 literal. */
export function isIPv4(s: string): boolean {
  return /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255);
}

/** A locally administered unicast MAC derived from `seed` (what a veth or bridge gets at random). */
export function macFor(seed: string): string {
  const h = hex(`mac:${seed}`);
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => parseInt(h.slice(i * 2, i * 2 + 2), 16));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The bridge plugin's host-side veth name: `veth` + 8 hex characters. */
export function vethName(namespace: string, pod: string): string {
  return `veth${hex(`veth:${namespace}/${pod}`).slice(0, 8)}`;
}

/** The EUI-64 link-local IPv6 address the kernel derives from a MAC (addr_gen_mode eui64). */
export function linkLocalFor(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = b[0]! ^ 0x02;
  const words = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

/** The network address and prefix of a CIDR: `10.244.1.0/24` → base int and bits. */
export function parseCidr(cidr: string): { base: number; bits: number } {
  const [ip, bits] = cidr.split('/');
  const n = Number(bits ?? 32);
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return { base: (ipToInt(ip ?? '') & mask) >>> 0, bits: n };
}

/** The `.1` of a CIDR (the bridge / gateway) and its broadcast address. */
export function gatewayOf(cidr: string): string {
  return intToIp(parseCidr(cidr).base + 1);
}

export function broadcastOf(cidr: string): string {
  const { base, bits } = parseCidr(cidr);
  return intToIp((base + 2 ** (32 - bits) - 1) >>> 0);
}
