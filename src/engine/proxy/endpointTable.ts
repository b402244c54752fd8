/**
 * A Service port's endpoints as the checkout leaves them (endpointslicecache.go): columns in
 * chunks shared by many Service ports, not an object each. A full sync gathers 100,000
 * endpoints and keeps them until the next; as objects they were the largest part of what the
 * young-generation GC copied during a sync. An `EndpointInfo` is made only for a reader that
 * wants one (`at(i)`: IPVS real servers, tests).
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { EndpointRef } from './model';
import type { ServicePortInfo } from './serviceInfo';

/**
 * One endpoint of a Service port as an object, with the conditions kube-proxy uses; made from
 * a table only for readers that want objects. Its `ip:port` key is made only when asked for.
 */
export class EndpointInfo implements EndpointRef {
  constructor(
    readonly ip: string,
    readonly port: number,
    /** `String(port)`, shared by the endpoints of one EndpointSlice port. */
    readonly portText: string,
    /** The EndpointSlice that listed this endpoint. */
    readonly slice: string | undefined,
    readonly nodeName: string | undefined,
    readonly ready: boolean,
    readonly serving: boolean,
    readonly terminating: boolean,
    readonly isLocal: boolean,
  ) {}

  /** `ip:port`, the sort key and the hash input. */
  get key(): string {
    return `${this.ip}:${this.portText}`;
  }
}

/** Condition bits, one small integer per endpoint. */
export const READY = 1;
export const SERVING = 2;
export const TERMINATING = 4;
export const LOCAL = 8;

/** Slots per endpoint: ip, port text, port, slice name, node name, condition bits. */
const W = 6;
const IP = 0;
const PORT_TEXT = 1;
const PORT = 2;
const SLICE = 3;
const NODE = 4;
const FLAGS = 5;

/**
 * Where tables are written: a few large arrays instead of 100,000 small objects (the GC moves
 * an array as one block, where it handles each small object on its own). A chunk of 2,048
 * endpoints stays under V8's largest regular object, so it is made in the young generation's
 * memory, which is already mapped (a large-object chunk is fresh memory, and touching it cost
 * more in page faults than the copy the GC makes of a regular one). A chunk lives while any
 * table written into it does.
 */
let chunk: unknown[] = [];
let chunkUsed = 0;
const CHUNK_SLOTS = W * 2048;

function reserve(slots: number): unknown[] {
  if (chunkUsed + slots > chunk.length) {
    // Holes until written; a table reads only the slots it wrote.
    chunk = slots > CHUNK_SLOTS ? emptyArray(slots) : new Array<unknown>(CHUNK_SLOTS);
    chunkUsed = 0;
  }
  return chunk;
}

/** `size` slots of undefined, grown by push: `new Array(n)` past V8's fast limit would start as a dictionary. */
function emptyArray(size: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < size; i++) out.push(undefined);
  return out;
}

/**
 * Endpoints gathered for one table before they are sorted, `W` slots each, reused from one
 * table to the next (it holds the last table's strings until the next, as the table does).
 */
const staged: unknown[] = [];
/** Positions in `staged`, sorted by key. */
let order = new Int32Array(64);

/**
 * Sorts `order[0..n)` by key, stably. A Service port has a few endpoints, so an insertion
 * sort (the comparison inlined, no call into the engine's sort) serves; many take the built-in.
 */
function sortOrder(n: number): void {
  if (n > 48) {
    const sorted = Array.from(order.subarray(0, n)).sort(compareStaged);
    order.set(sorted);
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = order[i]!;
    const xi = staged[W * x + IP] as string;
    const xp = staged[W * x + PORT_TEXT] as string;
    let j = i - 1;
    while (j >= 0 && compareKeyText(staged[W * order[j]! + IP] as string, staged[W * order[j]! + PORT_TEXT] as string, xi, xp) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
}

/** One Service port's endpoints, sorted by `ip:port` text and unique by it. */
export class EndpointTable {
  readonly #v: readonly unknown[];
  readonly #at: number;

  private constructor(
    v: readonly unknown[],
    at: number,
    readonly length: number,
  ) {
    this.#v = v;
    this.#at = at;
  }

  /**
   * The `n` endpoints in `staged` sorted stably by key, the first of several with one key kept
   * (endpointslicecache.go `byEndpoint` after the map that makes keys unique).
   */
  static fromStaged(n: number): EndpointTable {
    if (order.length < n) order = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) order[i] = i;
    sortOrder(n);
    const v = reserve(W * n);
    const at = chunkUsed;
    let kept = 0;
    let prev = -1;
    // Copied slot by slot, unrolled: the sync's first tables are written before the optimizer
    // has compiled this, and each loop step costs there.
    for (let i = 0; i < n; i++) {
      const from = W * order[i]!;
      if (prev >= 0 && compareKeyText(staged[prev + IP] as string, staged[prev + PORT_TEXT] as string, staged[from + IP] as string, staged[from + PORT_TEXT] as string) === 0) continue;
      prev = from;
      const to = at + W * kept++;
      v[to + IP] = staged[from + IP];
      v[to + PORT_TEXT] = staged[from + PORT_TEXT];
      v[to + PORT] = staged[from + PORT];
      v[to + SLICE] = staged[from + SLICE];
      v[to + NODE] = staged[from + NODE];
      v[to + FLAGS] = staged[from + FLAGS];
    }
    chunkUsed += W * kept;
    return new EndpointTable(v, at, kept);
  }

  ip(i: number): string {
    return this.#v[this.#at + W * i + IP] as string;
  }
  portText(i: number): string {
    return this.#v[this.#at + W * i + PORT_TEXT] as string;
  }
  port(i: number): number {
    return this.#v[this.#at + W * i + PORT] as number;
  }
  slice(i: number): string | undefined {
    return this.#v[this.#at + W * i + SLICE] as string | undefined;
  }
  nodeName(i: number): string | undefined {
    return this.#v[this.#at + W * i + NODE] as string | undefined;
  }
  /** Condition bits ({@link READY}, {@link SERVING}, {@link TERMINATING}, {@link LOCAL}). */
  flags(i: number): number {
    return this.#v[this.#at + W * i + FLAGS] as number;
  }
  isLocal(i: number): boolean {
    return (this.flags(i) & LOCAL) !== 0;
  }

  /**
   * The positions of the endpoints whose condition bits include all of `bits`, or undefined
   * when every endpoint's do. (A sync asks this of 10,000 tables, often before the code is
   * optimized, so the loop is here rather than a call per endpoint.)
   */
  positionsWith(bits: number): number[] | undefined {
    const v = this.#v;
    const at = this.#at + FLAGS;
    const n = this.length;
    let i = 0;
    while (i < n && ((v[at + W * i] as number) & bits) === bits) i++;
    if (i === n) return undefined;
    const out: number[] = [];
    for (let k = 0; k < i; k++) out.push(k);
    for (i++; i < n; i++) if (((v[at + W * i] as number) & bits) === bits) out.push(i);
    return out;
  }

  /** Calls `f` with the ip and port text of the endpoints at `positions` (all when undefined), in order. */
  eachIpPort(positions: readonly number[] | undefined, f: (ip: string, portText: string, k: number) => void): void {
    const v = this.#v;
    const n = positions ? positions.length : this.length;
    for (let k = 0; k < n; k++) {
      const s = this.#at + W * (positions ? positions[k]! : k);
      f(v[s + IP] as string, v[s + PORT_TEXT] as string, k);
    }
  }

  /**
   * Calls `f` with the ip, port, slice name and condition bits of the endpoints at `positions`
   * (all when undefined), in order: one call per endpoint instead of one per field, for readers
   * that run once per sync before the optimizer has compiled them (IPVS real servers, ipsets).
   */
  each(positions: readonly number[] | undefined, f: (ip: string, port: number, slice: string | undefined, flags: number) => void): void {
    const v = this.#v;
    const n = positions ? positions.length : this.length;
    for (let k = 0; k < n; k++) {
      const s = this.#at + W * (positions ? positions[k]! : k);
      f(v[s + IP] as string, v[s + PORT] as number, v[s + SLICE] as string | undefined, v[s + FLAGS] as number);
    }
  }

  /** `ip:port`, the sort key and the hash input. */
  key(i: number): string {
    return `${this.ip(i)}:${this.portText(i)}`;
  }

  /** Endpoint `i` as the provenance of its rules names it (fields in `EndpointRef` order). */
  ref(i: number): EndpointRef {
    const ip = this.ip(i);
    const port = this.port(i);
    const slice = this.slice(i);
    const nodeName = this.nodeName(i);
    // One literal for the usual case: an object grown field by field carries a second allocation.
    if (slice && nodeName) return { ip, port, slice, nodeName };
    const ref: EndpointRef = { ip, port };
    if (slice) ref.slice = slice;
    if (nodeName) ref.nodeName = nodeName;
    return ref;
  }

  /** Endpoint `i` as an object, for readers that want one. */
  at(i: number): EndpointInfo {
    const f = this.flags(i);
    return new EndpointInfo(this.ip(i), this.port(i), this.portText(i), this.slice(i), this.nodeName(i), (f & READY) !== 0, (f & SERVING) !== 0, (f & TERMINATING) !== 0, (f & LOCAL) !== 0);
  }

  /** Every endpoint as an object, in order. */
  toArray(): EndpointInfo[] {
    const out: EndpointInfo[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
    return out;
  }
}

function compareStaged(a: number, b: number): number {
  const sa = W * a;
  const sb = W * b;
  return compareKeyText(staged[sa + IP] as string, staged[sa + PORT_TEXT] as string, staged[sb + IP] as string, staged[sb + PORT_TEXT] as string);
}

/**
 * Compares `ai:ap` with `bi:bp` as strings (UTF-16 code units, as `<` does) without joining
 * them: the checkout sorts 100,000 endpoints by these keys.
 */
export function compareKeyText(ai: string, ap: string, bi: string, bp: string): number {
  if (ai === bi) return ap === bp ? 0 : ap < bp ? -1 : 1;
  const al = ai.length;
  const bl = bi.length;
  const n = Math.min(al + 1 + ap.length, bl + 1 + bp.length);
  for (let k = 0; k < n; k++) {
    const ca = k < al ? ai.charCodeAt(k) : k === al ? 58 : ap.charCodeAt(k - al - 1);
    const cb = k < bl ? bi.charCodeAt(k) : k === bl ? 58 : bp.charCodeAt(k - bl - 1);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  const la = al + ap.length;
  const lb = bl + bp.length;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/**
 * Endpoints of one Service port gathered from its slices: deduplicated by `ip:port` and sorted
 * lexicographically by that string (endpointslicecache.go `byEndpoint`).
 */
export function endpointsForPort(info: ServicePortInfo, slices: readonly EndpointSlice[], nodeName: string): EndpointTable {
  // Gathered in slice order, then sorted stably: of several entries for one `ip:port` the first
  // gathered comes first and is kept. (No map: 100,000 endpoints are gathered in a full sync.)
  let n = 0;
  for (let s = 0; s < slices.length; s++) {
    const slice = slices[s]!;
    if (slice.addressType !== 'IPv4') continue;
    const ports = slice.ports ?? [];
    for (let p = 0; p < ports.length; p++) {
      const port = ports[p]!;
      if ((port.name ?? '') !== info.ref.port || lowerProtocol(port.protocol) !== info.ref.protocol) continue;
      if (port.port === undefined || port.port === null) continue;
      const portText = String(port.port);
      const sliceName = slice.metadata?.name;
      const endpoints = slice.endpoints ?? [];
      for (let e = 0; e < endpoints.length; e++) {
        const ep = endpoints[e]!;
        const ip = ep.addresses[0];
        if (!ip) continue;
        const c = ep.conditions;
        const ready = c?.ready ?? true;
        const flags = (ready ? READY : 0) | ((c?.serving ?? ready) ? SERVING : 0) | ((c?.terminating ?? false) ? TERMINATING : 0) | (ep.nodeName === nodeName ? LOCAL : 0);
        const at = W * n++;
        staged[at + IP] = ip;
        staged[at + PORT_TEXT] = portText;
        staged[at + PORT] = port.port;
        staged[at + SLICE] = sliceName;
        staged[at + NODE] = ep.nodeName;
        staged[at + FLAGS] = flags;
      }
    }
  }
  return EndpointTable.fromStaged(n);
}

const LOWER: Record<string, string> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' };
/** An EndpointPort's protocol in lower case (TCP when unset), without a new string for the usual ones. */
const lowerProtocol = (p: string | undefined): string => (p === undefined ? 'tcp' : (LOWER[p] ?? p.toLowerCase()));
