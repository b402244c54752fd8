import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Unsubscribe, WatchEvent } from '../api/types';
import { hex } from './podStatus';
import type { PodObject } from '../sim/kinds';
import { goDuration } from './durations';
import { NodeHeartbeat } from './NodeHeartbeat';
import type { KubeletConfig } from './PodWorkers';
import { PodQueries } from './PodQueries';
import { podHostname, podHostsFile, podResolvConf } from './resolvConf';
import type { ContainerRuntime, KubeletAction, PodRuntime } from './runtimeTypes';
import type { RuntimeState } from './ContainerRuntimeSim';

export type { KubeletConfig } from './PodWorkers';
export type { ProcessContext, ProcessHook } from './ContainerRuntimeSim';

/** Snapshot of one kubelet (plain JSON). */
export interface KubeletState extends RuntimeState {
  lastIP: number;
  generation: number;
  queue: string[];
  stopped: boolean;
  events: [string, string][];
  /** The PLEG's relist phase and generator (absent in snapshots taken before the PLEG). */
  pleg?: { phaseMs: number; rng: [number, number, number, number] };
}

/**
 * One node's kubelet: runs the pods bound to its node through their lifecycle on the virtual
 * clock (sandbox, image pull, create, start, probes, restarts with back-off, graceful stop) and
 * reports their status, plus the node's own heartbeats. Watch handlers only enqueue; timers
 * carry {@link KubeletAction} data so a snapshot can re-arm them.
 */
export class Kubelet extends PodQueries {
  readonly name: string;
  private readonly heartbeat: NodeHeartbeat;
  private queue: string[] = [];
  private unsubscribe: Unsubscribe | undefined;
  stopped = true;
  private generation = 0;

  constructor(cfg: KubeletConfig) {
    super(cfg);
    this.name = `kubelet:${cfg.nodeName}`;
    this.heartbeat = new NodeHeartbeat(cfg.api, cfg.clock, cfg.nodeName);
  }

  /**
   * Starts watching this node's pods and heartbeating. `resume` continues from restored state
   * without posting a fresh node status (so a snapshot restores exactly).
   */
  start(resume = false): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.cfg.api.watch('pods', undefined, (ev) => this.onPod(ev), { fieldSelector: `spec.nodeName=${this.cfg.nodeName}` });
    this.podCache.clear();
    for (const p of this.cfg.api.list<PodObject>('pods', undefined, { fieldSelector: `spec.nodeName=${this.cfg.nodeName}` }).items) {
      this.cachePod(p, false);
      this.enqueue(p);
    }
    this.watching = true;
    this.serviceLinks.start();
    for (const rt of this.pods.values()) this.queue.push(`${rt.namespace}/${rt.name}`);
    // Changes made while the kubelet was down are found by its first relists.
    for (const rt of this.pods.values()) if ([...rt.initContainers, ...rt.containers].some((c) => c.report?.changedAt !== undefined)) this.syncAfterNextRelist(rt);
    if (!resume) this.heartbeat.beat(true);
    for (const sp of this.cfg.staticPods ?? []) {
      try {
        this.ensureMirrorPod(sp);
      } catch {
        // The API refused the mirror (e.g. namespace not there yet); the pod sync retries it.
      }
    }
    // A kubelet restored from a snapshot keeps its heartbeat chain; a fresh start begins one.
    const gen = this.generation;
    if (!this.hasAction((a) => a.kind === 'heartbeat' && a.generation === gen)) {
      this.generation++;
      this.after(this.heartbeat.leaseRenewMs, { kind: 'heartbeat', generation: this.generation }, true);
    }
  }

  /** Stops the kubelet (the node goes silent; the node controller will mark it NotReady). */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watching = false;
    this.podCache.clear();
    this.serviceLinks.stop();
  }

  processPending(): boolean {
    if (this.stopped) return false;
    let worked = false;
    for (let i = 0; i < 1000; i++) {
      const key = this.queue.shift();
      if (key === undefined) break;
      worked = true;
      this.sync(key);
    }
    return worked;
  }

  pendingKeys(): readonly string[] {
    return [...this.queue];
  }

  // ---- sync: what the API says should run here ----

  private onPod(ev: WatchEvent): void {
    const p = ev.object as Pod;
    this.cachePod(p as PodObject, ev.type === 'DELETED');
    if (p.spec?.nodeName !== this.cfg.nodeName && !this.pods.has(p.metadata?.uid ?? '')) return;
    this.enqueue(p);
  }

  /** Keeps {@link podCache} to the pods bound to this node (a watch without field selection may deliver others). */
  private cachePod(p: PodObject, deleted: boolean): void {
    const k = `${p.metadata.namespace}/${p.metadata.name}`;
    if (!deleted && p.spec?.nodeName === this.cfg.nodeName) this.podCache.set(k, p);
    else if (this.podCache.get(k)?.metadata.uid === p.metadata.uid) this.podCache.delete(k);
  }

  private enqueue(p: Pod): void {
    const k = `${p.metadata?.namespace}/${p.metadata?.name}`;
    if (!this.queue.includes(k)) this.queue.push(k);
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.currentPod(ns, name);
    const rt = this.podByName(ns, name);
    if (rt && (!pod || pod.metadata.uid !== rt.uid)) {
      // Force-deleted (or replaced by a new pod of the same name): tear down at once.
      this.forget(rt);
      if (!pod) return;
    }
    if (!pod) {
      // A deleted mirror pod comes back: the static pod is still in the manifests directory.
      const sp = (this.cfg.staticPods ?? []).find((p) => `${p.metadata?.name}-${this.cfg.nodeName}` === name && (p.metadata?.namespace ?? 'kube-system') === ns);
      if (sp) this.ensureMirrorPod(sp);
      return;
    }
    if (pod.spec?.nodeName !== this.cfg.nodeName) return;
    const current = this.pods.get(pod.metadata.uid!);
    if (!current) {
      if (pod.metadata.deletionTimestamp) {
        this.cfg.api.delete('pods', ns, name, { gracePeriodSeconds: 0 });
        return;
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      this.admit(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp && current.terminatingSince === undefined) this.beginTermination(pod, current);
  }

  private admit(pod: PodObject): void {
    const hostNetwork = !!pod.spec?.hostNetwork;
    const rt: PodRuntime = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      hostNetwork,
      startTime: this.clock.now(),
      sandboxReady: false,
      containers: (pod.spec?.containers ?? []).map((c) => this.newContainer(c, !!pod.spec?.initContainers?.length)),
      initContainers: (pod.spec?.initContainers ?? []).map((c) => ({ ...this.newContainer(c, false), init: true })),
      resolvConf: podResolvConf(pod, this.cfg.dns),
      hosts: '',
      hostname: podHostname(pod),
    };
    this.pods.set(rt.uid, rt);
    this.postStatus(rt, pod);
    // Sandbox creation and CNI setup take a fraction of a second.
    this.after(300 + this.rng.int(500), { kind: 'sandboxReady', uid: rt.uid });
  }

  private newContainer(c: Container, afterInit: boolean): ContainerRuntime {
    return { name: c.name, image: c.image ?? '', state: 'waiting', reason: afterInit ? 'PodInitializing' : 'ContainerCreating', restartCount: 0, ready: false, started: false, backoffMs: 0, files: [], logs: [], previousLogs: [], probes: {}, loopRound: 0 };
  }

  /**
   * Creates the API-side mirror of a static pod (pkg/kubelet/pod/mirror_client.go): named
   * `<name>-<node>`, annotated with the config hash, owned by the Node.
   */
  private ensureMirrorPod(sp: Pod): void {
    const ns = sp.metadata?.namespace ?? 'kube-system';
    const name = `${sp.metadata?.name}-${this.cfg.nodeName}`;
    if (this.cfg.api.tryGet('pods', ns, name)) return;
    const hash = hex(JSON.stringify(sp)).slice(0, 32);
    const seen = new Date(this.clock.now()).toISOString().replace('Z', '000000Z');
    this.cfg.api.create('pods', ns, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...sp.metadata,
        name,
        namespace: ns,
        annotations: { ...sp.metadata?.annotations, 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': seen, 'kubernetes.io/config.source': 'file' },
        // Real mirror pods are owned by their Node; that reference is left out while the garbage
        // collector does not track Nodes (it would see a dangling owner and delete the mirror).
      },
      spec: { ...sp.spec!, nodeName: this.cfg.nodeName },
    });
  }

  // ---- timed actions ----

  protected override run(a: KubeletAction): void {
    if (a.kind === 'heartbeat') {
      // A stop() and start() in between begins a new chain; the old one ends here.
      if (this.stopped || a.generation !== this.generation) return;
      this.heartbeat.beat(false);
      this.after(this.heartbeat.leaseRenewMs, { kind: 'heartbeat', generation: this.generation }, true);
      return;
    }
    if (a.kind === 'statusReport') return;
    if (this.stopped && a.kind !== 'processStep' && a.kind !== 'processLoop') return;
    const rt = this.pods.get(a.uid);
    if (!rt) return;
    const pod = this.currentPod(rt.namespace, rt.name);
    if (!pod || pod.metadata.uid !== rt.uid) return;
    if (a.kind === 'podSync') {
      this.podSync(rt, pod, a.relistAt);
      return;
    }
    if (a.kind === 'sandboxReady') {
      rt.sandboxReady = true;
      rt.ip = rt.hostNetwork ? this.cfg.nodeIP : this.network.allocate(rt.uid, this.ipsInUse());
      rt.hosts = podHostsFile(pod, [rt.ip], this.cfg.dns.clusterDomain);
      this.postStatus(rt, pod);
      if (rt.terminatingSince === undefined) this.startFirst(rt, pod);
      return;
    }
    const name = 'container' in a ? a.container : '';
    const spec = [...(pod.spec!.initContainers ?? []), ...pod.spec!.containers].find((c) => c.name === name);
    const c = [...rt.initContainers, ...rt.containers].find((x) => x.name === name);
    if (!spec || !c) return;
    switch (a.kind) {
      case 'pullDone':
        this.pullDone(rt, pod, spec, c, a.ms, a.cached, this.clock.now() - a.requestedAt);
        break;
      case 'containerStarted':
        this.containerStarted(rt, pod, spec, c);
        break;
      case 'initDone':
        if (rt.terminatingSince === undefined) this.startFirst(rt, pod);
        this.postStatus(rt, pod);
        break;
      case 'processStep':
        this.processStep(rt, pod, c, a.index, a.startedAt);
        break;
      case 'processLoop':
        this.processLoop(rt, pod, c, a.startedAt);
        break;
      case 'commandPoll':
        this.pollCommand(rt, pod, c, a.startedAt);
        break;
      case 'probe':
        this.probe(rt, pod, spec, c, a.probe, a.startedAt);
        break;
      case 'killDeadline':
        if (c.state === 'running' && c.startedAt === a.startedAt) this.exited(rt, pod, c, a.code);
        break;
      case 'backoff':
        if (c.state === 'terminated' && c.finishedAt === a.finishedAt && rt.terminatingSince === undefined) {
          this.archive(c);
          c.state = 'waiting';
          c.reason = 'CrashLoopBackOff';
          c.message = `back-off ${goDuration(a.delayMs)} restarting failed container=${c.name} pod=${rt.name}_${rt.namespace}(${rt.uid})`;
          this.events.record(this.target(rt, c), 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${rt.name}_${rt.namespace}(${rt.uid})`);
          this.postStatus(rt, pod);
        }
        break;
      case 'restart':
        if (rt.terminatingSince === undefined && (c.state === 'terminated' || c.reason === 'CrashLoopBackOff') && (c.finishedAt === a.finishedAt || c.lastTerminated?.finishedAt === a.finishedAt)) {
          // The status this sync posts was computed before the restart: it shows until a relist sees the new container.
          this.holdReport(c);
          if (c.state === 'terminated') this.archive(c);
          c.restartCount++;
          this.pull(rt, pod, spec, c);
        }
        break;
    }
  }

  /** The kubelet's whole state, as plain JSON. */
  save(): KubeletState {
    return { ...this.saveRuntime(), lastIP: this.network.last, generation: this.generation, queue: [...this.queue], stopped: this.stopped, events: this.events.save(), pleg: this.savePleg() };
  }

  /**
   * Replaces the state with a snapshot's; timers are re-armed on the clock, shifted by
   * `shiftMs`. The kubelet stays stopped: call {@link start} (unless the snapshot says stopped).
   */
  restore(s: KubeletState, shiftMs = 0): void {
    this.stop();
    this.restoreRuntime(s, shiftMs);
    this.network.last = s.lastIP;
    this.generation = s.generation;
    this.events.restore(s.events);
    this.queue = [...s.queue];
    this.restorePleg(s.pleg);
  }
}
