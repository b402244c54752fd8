/**
 * NodePort allocation (REFERENCE §4.2): random free port from `--service-node-port-range`,
 * avoiding the low static band unless the rest is full. Like the real bitmap allocator, one
 * port number belongs to one Service whatever the protocol; a Service may use the same
 * nodePort for its TCP and UDP ports.
 */
import type { Rng } from '../../sim/Rng';
import { AllocationError } from './ClusterIpAllocator';

export class NodePortAllocator {
  readonly min: number;
  readonly max: number;
  private readonly staticBand: number;
  private readonly used = new Set<number>();

  constructor(
    readonly range: string,
    private readonly rng: Rng,
  ) {
    const m = /^(\d+)-(\d+)$/.exec(range.trim());
    if (!m) throw new Error(`invalid node port range ${range}`);
    this.min = Number(m[1]);
    this.max = Number(m[2]);
    const size = this.max - this.min + 1;
    this.staticBand = Math.min(Math.max(16, Math.floor(size / 32)), 128);
  }

  get rangeString(): string {
    return `${this.min}-${this.max}`;
  }

  /** Reserves `port`; messages are the field-error details the real server uses. */
  allocate(port: number): void {
    if (port < this.min || port > this.max)
      throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.rangeString}`);
    if (this.used.has(port)) throw new AllocationError('provided port is already allocated');
    this.used.add(port);
  }

  allocateNext(): number {
    const size = this.max - this.min + 1;
    const pick = this.scan(this.min + this.staticBand, this.max + 1) ?? this.scan(this.min, this.min + Math.min(this.staticBand, size));
    if (pick === undefined) throw new AllocationError('range is full');
    this.used.add(pick);
    return pick;
  }

  release(port: number): void {
    this.used.delete(port);
  }

  isAllocated(port: number): boolean {
    return this.used.has(port);
  }

  allocated(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }

  restore(ports: readonly number[]): void {
    this.used.clear();
    for (const p of ports) this.used.add(p);
  }

  private scan(lo: number, hi: number): number | undefined {
    const n = hi - lo;
    if (n <= 0) return undefined;
    const start = this.rng.int(n);
    for (let i = 0; i < n; i++) {
      const p = lo + ((start + i) % n);
      if (!this.used.has(p)) return p;
    }
    return undefined;
  }
}
