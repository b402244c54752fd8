import type { Container, Probe } from 'kubernetes-types/core/v1';
import { resolveImage, runExec } from '../apps';
import type { HttpRequest, ProcessPlan } from '../apps';
import type { ContainerRuntime } from './runtimeTypes';

export interface ProbeResult {
  ok: boolean;
  /** Failure text as kubelet's prober words it (without the `Readiness probe failed: ` prefix). */
  message: string;
}

/** Probe defaults from SetDefaults_Probe. */
export function probeTiming(p: Probe): { initialDelayMs: number; periodMs: number; successThreshold: number; failureThreshold: number } {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds ?? 10) * 1000,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

/** A named port (`http`) resolved against the container's ports, as kubelet does. */
export function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export interface ProbeTarget {
  container: Container;
  runtime: ContainerRuntime;
  plan: ProcessPlan;
  podIP: string;
  /** The node's bridge address: where kubelet's probes come from. */
  sourceIP: string;
  now: number;
  kubeletVersion: string;
}

/** True when the process accepts connections on `port`/TCP now. */
export function listening(t: ProbeTarget, port: number, protocol = 'TCP'): boolean {
  if (t.runtime.state !== 'running' || t.runtime.stopping) return false;
  if (t.now < (t.runtime.startedAt ?? 0) + t.plan.listenAfterMs) return false;
  return t.plan.listens.some((l) => l.port === port && l.protocol === protocol);
}

/**
 * Runs one probe against the simulated process. Messages follow pkg/probe/http, tcp and exec:
 * `HTTP probe failed with statuscode: 503`, Go's dial errors, or the command's output.
 * Returns the HTTP request too, so the caller can write the server's access log.
 */
export function runProbe(probe: Probe, t: ProbeTarget): ProbeResult & { request?: HttpRequest; logLine?: string } {
  if (probe.exec) {
    const { profile } = resolveImage(t.runtime.image);
    const files = new Set(t.runtime.files);
    const r = runExec(profile, { exists: (p) => files.has(p) || p.startsWith('/etc/') || p === '/' }, probe.exec.command ?? []);
    return r.exitCode === 0 ? { ok: true, message: '' } : { ok: false, message: r.output.replace(/\n$/, '') };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, t.container) ?? 0;
    const host = probe.tcpSocket.host ?? t.podIP;
    return listening(t, port) ? { ok: true, message: '' } : { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port = probe.grpc.port;
    return listening(t, port) ? { ok: true, message: '' } : { ok: false, message: `timeout: failed to connect service "${t.podIP}:${port}" within 1s: context deadline exceeded` };
  }
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = resolvePort(g.port, t.container) ?? 0;
    const host = g.host ?? t.podIP;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const path = g.path ?? '/';
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    if (!listening(t, port)) return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    const headers: Record<string, string> = { accept: '*/*' };
    for (const h of g.httpHeaders ?? []) headers[h.name.toLowerCase()] = h.value;
    const request: HttpRequest = { method: 'GET', path, host: `${host}:${port}`, userAgent: headers['user-agent'] ?? `kube-probe/${t.kubeletVersion}`, remoteAddr: t.sourceIP, remotePort: 40000 + (t.now % 20000), headers, at: t.now };
    const res = t.plan.http?.(port, request) ?? { status: 404, reason: 'Not Found', headers: [], body: '404 page not found\n' };
    const logLine = t.plan.accessLog?.(request, res);
    const ok = res.status >= 200 && res.status < 400;
    return { ok, message: ok ? '' : `HTTP probe failed with statuscode: ${res.status}`, request, ...(logLine ? { logLine } : {}) };
  }
  return { ok: true, message: '' };
}
