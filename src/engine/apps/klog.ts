/**
 * klog's text format, as Kubernetes components (kube-proxy, kubelet, ...) write it to stderr:
 *
 *   I0115 09:00:00.123456       1 server.go:219] "Successfully retrieved NodeIPs" NodeIPs=["172.18.0.3"]
 *
 * Severity letter, month and day, wall time with microseconds (UTC on our nodes), the process
 * id right-aligned in 7 columns (a containerised binary is PID 1), `file:line] `, then the
 * structured message: the message quoted, followed by ` key=value` pairs (klog's textlogger).
 */

export type KlogSeverity = 'I' | 'W' | 'E' | 'F';

/** A value as klog's text logger writes it after `key=`. */
export type KlogValue = string | number | boolean | readonly string[];

/** Go's strconv.Quote for the printable ASCII (and UTF-8) text components log. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * klog (textlogger) formats strings quoted, numbers and booleans bare, and slices as JSON-like
 * lists of quoted elements (`NodeIPs=["10.0.0.1"]`).
 */
export function klogValue(v: KlogValue): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `[${v.map(goQuote).join(',')}]`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The klog header for a line written at `atMicros` (microseconds since the epoch, UTC):
 * `I0115 09:00:00.123456       1 file.go:42] `.
 */
export function klogHeader(severity: KlogSeverity, atMicros: number, pid: number, file: string, line: number): string {
  const ms = Math.floor(atMicros / 1000);
  const d = new Date(ms);
  const micros = (ms % 1000) * 1000 + (atMicros % 1000);
  const stamp = `${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(micros, 6)}`;
  return `${severity}${stamp} ${String(pid).padStart(7, ' ')} ${file}:${line}] `;
}

/** One structured klog line: header, quoted message, then ` key=value` for each pair in order. */
export function klogLine(severity: KlogSeverity, atMicros: number, pid: number, file: string, line: number, msg: string, kv: readonly (readonly [string, KlogValue])[] = []): string {
  return `${klogHeader(severity, atMicros, pid, file, line)}${goQuote(msg)}${kv.map(([k, v]) => ` ${k}=${klogValue(v)}`).join('')}`;
}
