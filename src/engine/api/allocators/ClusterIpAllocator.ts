/**
 * Service ClusterIP allocation (REFERENCE §4.2): random free address from the service CIDR,
 * never the network or broadcast address, preferring the range above the low "static band"
 * so well-known fixed IPs (10.96.0.1, 10.96.0.10) stay free.
 */
import ipaddr from 'ipaddr.js';
import type { Rng } from '../../sim/Rng';

export class AllocationError extends Error {}

export class ClusterIpAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly staticBand: number;
  private readonly used = new Set<number>();

  constructor(
    readonly cidr: string,
    private readonly rng: Rng,
  ) {
    const [addr, prefix] = ipaddr.parseCIDR(cidr);
    if (addr.kind() !== 'ipv4') throw new Error(`only IPv4 service CIDRs are simulated, got ${cidr}`);
    this.base = toInt(addr.toString());
    this.size = 2 ** (32 - prefix);
    this.staticBand = Math.min(Math.max(16, Math.floor(this.size / 16)), 256);
  }

  /** Reserves a specific IP; throws with the real allocator's wording. */
  allocate(ip: string): void {
    const offset = this.offsetOf(ip);
    if (offset === undefined) throw new AllocationError(`failed to allocate IP ${ip}: the provided network does not match the current range`);
    if (this.used.has(offset)) throw new AllocationError(`failed to allocate IP ${ip}: provided IP is already allocated`);
    this.used.add(offset);
  }

  /** Picks a random free IP above the static band, falling back to the band when full. */
  allocateNext(): string {
    const upper = this.scan(this.staticBand, this.size - 1) ?? this.scan(1, Math.min(this.staticBand, this.size - 1));
    if (upper === undefined) throw new AllocationError('failed to allocate a serviceIP: range is full');
    this.used.add(upper);
    return fromInt(this.base + upper);
  }

  release(ip: string): void {
    const offset = this.offsetOf(ip);
    if (offset !== undefined) this.used.delete(offset);
  }

  isAllocated(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.used.has(offset);
  }

  /** The n-th address of the range (1 = `kubernetes`, 10 = `kube-dns`). */
  nth(n: number): string {
    return fromInt(this.base + n);
  }

  contains(ip: string): boolean {
    return this.offsetOf(ip) !== undefined;
  }

  allocated(): string[] {
    return [...this.used].sort((a, b) => a - b).map((o) => fromInt(this.base + o));
  }

  restore(ips: readonly string[]): void {
    this.used.clear();
    for (const ip of ips) {
      const o = this.offsetOf(ip);
      if (o !== undefined) this.used.add(o);
    }
  }

  /** Random start in [lo, hi), then the first free offset scanning forward with wrap-around. */
  private scan(lo: number, hi: number): number | undefined {
    const n = hi - lo;
    if (n <= 0) return undefined;
    const start = this.rng.int(n);
    for (let i = 0; i < n; i++) {
      const o = lo + ((start + i) % n);
      if (!this.used.has(o)) return o;
    }
    return undefined;
  }

  /** Offset within the range of a usable address, or undefined (outside, network, broadcast, not an IP). */
  private offsetOf(ip: string): number | undefined {
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
    const o = toInt(ip) - this.base;
    return o >= 1 && o < this.size - 1 ? o : undefined;
  }
}

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}

function fromInt(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
