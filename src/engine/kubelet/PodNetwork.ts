import ipaddr from 'ipaddr.js';

/**
 * The bridge CNI's host-local IPAM for one node: `.1` of the node's podCIDR is the bridge
 * (every pod's default gateway); pods get addresses from `.2` upwards, continuing after the
 * last one handed out (host-local's round robin) and skipping addresses still in use.
 */
export class PodNetwork {
  private readonly base: number;
  private readonly size: number;
  last = 1;

  constructor(readonly podCIDR: string) {
    const [addr, len] = ipaddr.IPv4.parseCIDR(podCIDR);
    this.base = toInt(addr.toString());
    this.size = 2 ** (32 - len);
  }

  /** The bridge (gateway) address, e.g. 10.244.1.1. */
  gateway(): string {
    return fromInt(this.base + 1);
  }

  allocate(_owner: string, inUse: Set<string>): string {
    for (let i = 0; i < this.size - 3; i++) {
      const n = ((this.last - 2 + 1 + i) % (this.size - 3)) + 2;
      const ip = fromInt(this.base + n);
      if (!inUse.has(ip)) {
        this.last = n;
        return ip;
      }
    }
    throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${fromInt(this.base + 1)}-${fromInt(this.base + this.size - 2)}`);
  }
}

function toInt(ip: string): number {
  return ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
}

function fromInt(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
