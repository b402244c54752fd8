/**
 * What a CoreDNS container does when the kubelet starts it, decided by its Corefile: crash with
 * CoreDNS's own line when the Corefile is broken, otherwise print the real startup lines, listen
 * where the Corefile says and answer /health, /ready and /metrics from the live server.
 */
import type { HttpResponse, Listener } from '../apps';
import { parseImageRef } from '../apps';
import type { ApiClient } from '../api/types';
import { CoreDnsServer, CorefileError, DEFAULT_COREDNS_VERSION, staticClusterView } from '../dns';
import type { ServerConfig } from '../dns';
import type { PodObject } from '../sim/kinds';
import type { VirtualClock } from '../sim/VirtualClock';
import { corefileOf, isCoreDnsImage } from './corednsPods';
import type { ProcessHook } from '../kubelet/Kubelet';

/** A live server for a pod uid, with the function that copies its new log lines out. */
export type LiveServerLookup = (uid: string) => { server: CoreDnsServer; flush: () => void } | undefined;

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 503: 'Service Unavailable' };

/** The build a CoreDNS image tag names (`v1.12.1` → 1.12.1); go version and commit of kubeadm's. */
function versionOf(image: string): { coredns: string; go: string; commit: string } {
  const tag = parseImageRef(image).tag.replace(/^v/, '');
  return /^\d+\.\d+\.\d+$/.test(tag) ? { ...DEFAULT_COREDNS_VERSION, coredns: tag } : { ...DEFAULT_COREDNS_VERSION };
}

/** The sockets a Corefile opens: each server block's port (UDP and TCP) and the HTTP endpoints. */
export function corefileListeners(servers: readonly ServerConfig[]): Listener[] {
  const out: Listener[] = [];
  const add = (port: number, protocol: Listener['protocol']) => {
    if (!out.some((l) => l.port === port && l.protocol === protocol)) out.push({ port, protocol });
  };
  for (const s of servers) {
    add(s.port, 'UDP');
    add(s.port, 'TCP');
  }
  for (const s of servers) {
    for (const addr of [s.health, s.ready, s.prometheus]) {
      const port = addr === undefined ? NaN : Number(addr.slice(addr.lastIndexOf(':') + 1));
      if (Number.isInteger(port) && port > 0) add(port, 'TCP');
    }
  }
  return out;
}

/**
 * The kubelet process hook for CoreDNS containers. `live` finds the running server of a pod
 * (built by {@link ClusterDns} once the container runs) so probes see its real state.
 */
export function corednsProcessHook(api: ApiClient, clock: VirtualClock, live: LiveServerLookup): ProcessHook {
  return (ctx, plan) => {
    if (!isCoreDnsImage(ctx.launch.image)) return plan;
    const pod = api.tryGet<PodObject>('pods', ctx.namespace, ctx.pod);
    const spec = pod?.metadata.uid === ctx.uid ? pod.spec?.containers.find((c) => c.name === ctx.container) : undefined;
    const text = pod && spec ? corefileOf(api, pod, spec) : undefined;
    if (text === undefined) return plan;
    let startup: CoreDnsServer;
    try {
      startup = new CoreDnsServer({ corefile: text, cluster: staticClusterView({}), now: () => clock.now(), random: () => 0, upstream: () => 'timeout', version: versionOf(ctx.launch.image) });
    } catch (e) {
      if (!(e instanceof CorefileError)) throw e;
      // coremain's mustLogFatal: the error alone (log flags are 0), then exit status 1.
      return { ...plan, listens: [], http: undefined, steps: [{ atMs: 0, kind: 'log', line: e.message }, { atMs: 0, kind: 'exit', code: 1 }], loop: undefined, listenAfterMs: 0 };
    }
    const http = (port: number, path: string): HttpResponse | undefined => {
      const l = live(ctx.uid);
      if (!l) return undefined;
      const r = l.server.httpGet(port, path);
      l.flush();
      if (!r) return undefined;
      const type = port === 9153 && path === '/metrics' ? 'text/plain; version=0.0.4; charset=utf-8' : 'text/plain; charset=utf-8';
      return { status: r.status, reason: REASONS[r.status] ?? '', headers: [['Content-Type', type], ['Content-Length', String(r.body.length)]], body: r.body };
    };
    return {
      ...plan,
      listens: corefileListeners(startup.servers),
      steps: startup.logLines().map((line) => ({ atMs: 0, kind: 'log' as const, line })),
      http: (port, req) => http(port, req.path),
    };
  };
}
