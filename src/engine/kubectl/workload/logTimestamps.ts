/**
 * The timestamps `kubectl logs --timestamps` prints. containerd stamps every line it reads from
 * a container's stdout/stderr with the node's wall clock (nanoseconds) in the CRI log file; the
 * kubelet parses that stamp back and writes it before the line as `types.RFC3339NanoFixed`
 * (`2006-01-02T15:04:05.000000000Z07:00`: always nine fraction digits, trailing zeros kept;
 * kuberuntime/logs `timeFormatOut`).
 *
 * The virtual clock counts milliseconds, so the part below the millisecond is made up here,
 * deterministically: from the cluster's seed, the container and the line itself, never from the
 * position in the log (the kubelet keeps only the newest lines). Lines logged within one
 * millisecond follow each other a few microseconds apart, as lines of one burst read from the
 * pipe do, so the stamps of one log never go backwards.
 */
import type { LogLine } from '../../kubelet/runtimeTypes';

const NS_PER_MS = 1_000_000;
/** Where the first line of a millisecond may fall: leaves room for the lines after it. */
const FIRST_LINE_SPAN_NS = 600_000;
/** Lines read in one burst: 1 to 31 µs apart. */
const MIN_GAP_NS = 1_000;
const GAP_SPAN_NS = 30_000;

/** FNV-1a over the UTF-16 units, then a murmur3 finaliser so nearby inputs spread. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whose lines: the same container's log always gets the same stamps, another cluster other ones. */
export interface LogSource {
  seed: string | number;
  podUid: string;
  container: string;
}

/** Nanoseconds past each line's millisecond, for a container's log in order. */
export function subMillisecondNanos(src: LogSource, lines: readonly LogLine[]): number[] {
  const key = `${src.seed}\u0000${src.podUid}\u0000${src.container}\u0000`;
  const out: number[] = [];
  let prevAt = Number.NaN;
  let prevNs = 0;
  for (const l of lines) {
    const h = hash(`${key}${l.at}\u0000${l.line}`);
    let ns: number;
    if (l.at !== prevAt) ns = h % FIRST_LINE_SPAN_NS;
    else {
      const room = NS_PER_MS - 1 - prevNs;
      // Never past the millisecond: a long burst halves what room is left instead.
      ns = prevNs + Math.min(MIN_GAP_NS + (h % GAP_SPAN_NS), Math.max(Math.min(room, 1), Math.floor(room / 2)));
    }
    out.push(ns);
    prevAt = l.at;
    prevNs = ns;
  }
  return out;
}

/** Go's Format with types.RFC3339NanoFixed in UTC: `2026-01-15T09:00:03.045123456Z`. */
export function rfc3339NanoFixed(ms: number, nanosPastMs: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(nanosPastMs).padStart(6, '0')}Z`;
}
