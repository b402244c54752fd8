import type { DnsClient, DnsMessage, UpstreamTransport } from '../dns';
import { ApiClusterView, CoreDnsServer, UpstreamWorld } from '../dns';
import type { ApiClient, Unsubscribe } from '../api/types';
import type { PodObject } from '../sim/kinds';
import type { ComponentContext, SimComponent } from '../sim/Simulation';
import { COREDNS_LABEL, corednsContainer, corefileOf, runningSince } from './corednsPods';
import { corednsProcessHook } from './corednsProcess';

/** How long the `kubernetes` plugin takes to list and watch before it serves (informer sync). */
export const INFORMER_SYNC_MS = 1000;
/** The reload plugin's defaults: check every 30 s, jittered by up to 15 s (±7.5 s). */
const RELOAD_INTERVAL_MS = 30_000;
const RELOAD_JITTER_MS = 15_000;

/**
 * The reload plugin's check period for one process: the interval with a jitter CoreDNS draws once
 * at setup (±jitter/2). Derived from the process identity rather than the shared Rng, so that
 * rebuilding the component (restore) neither changes it nor consumes randomness.
 */
function reloadPeriod(processKey: string): number {
  let h = 2166136261;
  for (let i = 0; i < processKey.length; i++) h = Math.imul(h ^ processKey.charCodeAt(i), 16777619) >>> 0;
  return RELOAD_INTERVAL_MS - RELOAD_JITTER_MS / 2 + (h % RELOAD_JITTER_MS);
}

/** One running CoreDNS process: the pod it runs in and its server. */
export interface CoreDnsInstance {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  node: string;
  ip: string;
  startedAt: number;
  server: CoreDnsServer;
}

interface Running extends CoreDnsInstance {
  key: string;
  view: ApiClusterView;
  /** How many of the server's log lines are already in the container log. */
  logged: number;
  reloadTimer?: number;
}

/** What the component can be told at construction (labs swap the Internet out). */
export interface ClusterDnsOptions {
  /** The upstream behind `forward . /etc/resolv.conf`; the default simulated Internet otherwise. */
  upstream?: UpstreamTransport;
}

/**
 * CoreDNS as the pods of the cluster run it: one {@link CoreDnsServer} per running CoreDNS
 * container (pods labelled `k8s-app=kube-dns`, whichever Deployment made them), built from the
 * Corefile its ConfigMap volume provides, serving only once its informers have synced. The
 * servers follow the pods: scale, delete, crash, and they come and go. Query and reload log
 * lines go to the container's log; the kubelet's probes reach /health and /ready through a
 * process hook, and a broken Corefile crashes the container with CoreDNS's own line.
 */
export class ClusterDns implements SimComponent {
  private readonly running = new Map<string, Running>();
  private readonly byIP = new Map<string, Running>();
  private dirty = true;
  private readonly stops: Unsubscribe[] = [];
  private readonly upstream: UpstreamTransport;
  private readonly api: ApiClient;

  constructor(
    private readonly ctx: ComponentContext,
    opts: ClusterDnsOptions = {},
  ) {
    const world = new UpstreamWorld();
    this.upstream = opts.upstream ?? ((server, q) => (server === '172.18.0.1' ? world.resolve(q) : 'timeout'));
    const api = (this.api = ctx.api.system('coredns'));
    // Handlers only mark: the next drain re-reads the pods (the ApiClient contract).
    this.stops.push(api.watch('pods', 'kube-system', () => (this.dirty = true)));
    for (const k of ctx.sim.kubelets) this.stops.push(k.addProcessHook(corednsProcessHook(api, ctx.clock, (uid) => this.instanceByUid(uid))));
  }

  processPending(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    this.reconcile();
    return false;
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    for (const r of [...this.running.values()]) this.drop(r);
  }

  /** The CoreDNS processes running now, in pod-name order. */
  instances(): CoreDnsInstance[] {
    this.refresh();
    return [...this.running.values()].sort((a, b) => a.pod.localeCompare(b.pod)).map(({ namespace, pod, uid, container, node, ip, startedAt, server }) => ({ namespace, pod, uid, container, node, ip, startedAt, server }));
  }

  /** The CoreDNS process listening on `ip`, if any. */
  instanceAt(ip: string): CoreDnsInstance | undefined {
    this.refresh();
    return this.byIP.get(ip);
  }

  /**
   * A DNS datagram arriving at `ip:port`: the CoreDNS process there answers it (and logs it), or
   * nothing answers (no process listening: the sender times out).
   */
  serve(ip: string, port: number, query: DnsMessage, client: DnsClient): DnsMessage | 'timeout' {
    this.refresh();
    const r = this.byIP.get(ip);
    if (!r || !r.server.servers.some((s) => s.port === port)) return 'timeout';
    const reply = r.server.handle(query, client);
    this.flush(r);
    return reply;
  }

  /** A query to a resolver outside the cluster (the node's, 172.18.0.1), or `timeout`. */
  upstreamAnswer(server: string, query: DnsMessage): DnsMessage | 'timeout' {
    return this.upstream(server, query);
  }

  private instanceByUid(uid: string): { server: CoreDnsServer; flush: () => void } | undefined {
    this.refresh();
    for (const r of this.running.values()) if (r.uid === uid) return { server: r.server, flush: () => this.flush(r) };
    return undefined;
  }

  private refresh(): void {
    if (this.dirty) this.processPending();
  }

  private reconcile(): void {
    const api = this.api;
    const pods = api.list<PodObject>('pods', 'kube-system', { labelSelector: `${COREDNS_LABEL.key}=${COREDNS_LABEL.value}` }).items;
    const seen = new Set<string>();
    for (const pod of pods) {
      const c = corednsContainer(pod);
      const ip = pod.status?.podIP;
      const since = c && runningSince(pod, c.name);
      if (!c || !ip || !since || !pod.spec?.nodeName) continue;
      const key = `${pod.metadata.uid}/${since.restartCount}`;
      seen.add(key);
      if (this.running.has(key)) continue;
      const text = corefileOf(api, pod, c);
      if (text === undefined) continue;
      const startedAt = this.ctx.sim.kubelet(pod.spec.nodeName)?.container('kube-system', pod.metadata.name!, c.name)?.container.startedAt ?? since.startedAt;
      const view = new ApiClusterView(this.api, () => this.ctx.clock.now());
      let server: CoreDnsServer;
      try {
        server = new CoreDnsServer({
          corefile: text,
          cluster: view,
          now: () => this.ctx.clock.now(),
          random: () => this.ctx.rng.next(),
          upstream: this.upstream,
          nodeNameservers: ['172.18.0.1'],
          podIP: ip,
          synced: () => this.ctx.clock.now() >= startedAt + INFORMER_SYNC_MS,
        });
      } catch {
        // The process hook has already made this container exit with CoreDNS's crash line.
        view.dispose();
        continue;
      }
      const r: Running = { key, namespace: 'kube-system', pod: pod.metadata.name!, uid: pod.metadata.uid!, container: c.name, node: pod.spec.nodeName, ip, startedAt, server, view, logged: server.logLines().length };
      this.running.set(key, r);
      this.byIP.set(ip, r);
      if (server.servers.some((s) => s.reload)) this.armReload(r);
    }
    for (const r of [...this.running.values()]) if (!seen.has(r.key)) this.drop(r);
  }

  private drop(r: Running): void {
    this.running.delete(r.key);
    if (this.byIP.get(r.ip) === r) this.byIP.delete(r.ip);
    r.view.dispose();
    if (r.reloadTimer !== undefined) this.ctx.clock.cancel(r.reloadTimer);
  }

  /** The reload plugin's poll: re-read the mounted Corefile and apply it if it changed. */
  private armReload(r: Running): void {
    const period = reloadPeriod(r.key);
    // A ticker started with the process: checks at startedAt + n·period, so a restored
    // Simulation (which rebuilds this component) keeps the same schedule.
    const now = this.ctx.clock.now();
    const next = r.startedAt + (Math.floor((now - r.startedAt) / period) + 1) * period;
    r.reloadTimer = this.ctx.clock.schedule(
      next - now,
      'coredns: reload check',
      () => {
        r.reloadTimer = undefined;
        if (this.running.get(r.key) !== r) return;
        const api = this.api;
        const pod = api.tryGet<PodObject>('pods', r.namespace, r.pod);
        const c = pod && corednsContainer(pod);
        const text = pod && c ? corefileOf(api, pod, c) : undefined;
        if (text !== undefined) r.server.reload(text);
        this.flush(r);
        if (r.server.servers.some((s) => s.reload)) this.armReload(r);
      },
      true,
    );
  }

  /** Copies the server's new log lines into the container's log. */
  private flush(r: Running): void {
    const lines = r.server.logLines();
    if (lines.length === r.logged) return;
    const kubelet = this.ctx.sim.kubelet(r.node);
    for (let i = r.logged; i < lines.length; i++) kubelet?.appendLog(r.namespace, r.pod, r.container, lines[i]!);
    r.logged = lines.length;
  }
}
