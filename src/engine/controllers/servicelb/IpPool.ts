import ipaddr from 'ipaddr.js';

/**
 * The simulated cloud's pool of load-balancer addresses (like MetalLB's or cloud-provider-kind's
 * range on the kind network): an inclusive IPv4 range, handed out lowest first.
 */
export class IpPool {
  private readonly first: number;
  private readonly last: number;
  private readonly used = new Map<number, string>();

  constructor(range: string) {
    const [a, b] = range.split('-').map((s) => s.trim());
    this.first = toInt(a!);
    this.last = toInt(b ?? a!);
  }

  /** Allocates `wanted` if it is in range and free, else the lowest free address. */
  allocate(owner: string, wanted?: string): string | undefined {
    for (const [ip, o] of this.used) if (o === owner) return fromInt(ip);
    if (wanted && ipaddr.IPv4.isValid(wanted)) {
      const w = toInt(wanted);
      if (w >= this.first && w <= this.last && !this.used.has(w)) {
        this.used.set(w, owner);
        return wanted;
      }
      return undefined;
    }
    for (let ip = this.first; ip <= this.last; ip++) {
      if (!this.used.has(ip)) {
        this.used.set(ip, owner);
        return fromInt(ip);
      }
    }
    return undefined;
  }

  release(owner: string): void {
    for (const [ip, o] of this.used) if (o === owner) this.used.delete(ip);
  }

  /** Marks an address already recorded in a Service's status as taken (after a restart). */
  reserve(owner: string, ip: string): void {
    if (ipaddr.IPv4.isValid(ip)) this.used.set(toInt(ip), owner);
  }
}

function toInt(ip: string): number {
  return ipaddr.IPv4.parse(ip).octets.reduce((n, o) => n * 256 + o, 0);
}

function fromInt(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
