import type { Container, Pod } from 'kubernetes-types/core/v1';
import { defaultPullPolicy, parseImageRef, resolveImage, type CommandRun } from '../apps';
import type { ApiClient } from '../api/types';
import { EventRecorder, type EventTarget } from '../sim/events';
import type { PodObject } from '../sim/kinds';
import type { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import { configMapFiles } from './configMapFiles';
import { containerEnv } from './containerEnv';
import { NODE_CPUS } from './nodeObject';
import { ServiceLinks } from './serviceLinks';
import { BACKOFF_RESET_MS, goDuration, nextBackoff } from './durations';
import { PodNetwork } from './PodNetwork';
import { deepEqual } from '../store/json';
import { buildPodStatus, hex } from './podStatus';
import { probeTiming } from './probes';
import { RELIST_PERIOD_MS } from './pleg';
import { RelistedRuntime } from './RelistedRuntime';
import type { ClusterDnsSettings } from './resolvConf';
import type { ContainerRuntime, PodRuntime } from './runtimeTypes';

export interface KubeletConfig {
  api: ApiClient;
  clock: VirtualClock;
  rng: Rng;
  nodeName: string;
  nodeIP: string;
  podCIDR: string;
  dns: ClusterDnsSettings;
  /** Manifests in /etc/kubernetes/manifests: run here, and mirrored into the API. */
  staticPods?: Pod[];
}

/** How often a main-process command still running is asked for output (virtual ms). */
const COMMAND_POLL_MS = 100;

/** Effective image download speed on the simulated network (bytes per ms ≈ 40 MB/s). */
const PULL_BYTES_PER_MS = 40_000;

/**
 * The per-container lifecycle that kubelet's pod workers drive: pull, create, start, run the
 * process plan, probe, restart with back-off, stop gracefully, and post the pod's status.
 */
export abstract class PodWorkers extends RelistedRuntime {
  protected readonly events: EventRecorder;
  protected readonly network: PodNetwork;
  protected readonly serviceLinks: ServiceLinks;
  /**
   * This node's pods as the pod watch last delivered them (kubelet's pod config source), by
   * `namespace/name`; frozen objects shared with the API server, so never mutated here. Only
   * meaningful while {@link watching}: a stopped kubelet reads the API server instead.
   */
  protected readonly podCache = new Map<string, PodObject>();
  protected watching = false;
  /** Main-process commands still running, by `uid/container/startedAt` (live shells; `ContainerRuntime.commandState` is what snapshots keep). */
  private readonly commandRuns = new Map<string, CommandRun>();

  constructor(readonly cfg: KubeletConfig) {
    super(cfg.clock, cfg.rng, cfg.nodeName);
    this.events = new EventRecorder(cfg.api, cfg.clock, 'kubelet', cfg.nodeName);
    this.network = new PodNetwork(cfg.podCIDR);
    this.serviceLinks = new ServiceLinks(cfg.api);
  }

  /** The pod as the API server has it now (from the watch cache while watching). */
  protected currentPod(namespace: string, name: string): PodObject | undefined {
    return this.watching ? this.podCache.get(`${namespace}/${name}`) : this.cfg.api.tryGet<PodObject>('pods', namespace, name);
  }

  protected target(rt: PodRuntime, c?: ContainerRuntime): EventTarget {
    return { kind: 'Pod', namespace: rt.namespace, name: rt.name, uid: rt.uid, ...(c ? { fieldPath: `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` } : {}) };
  }

  protected postStatus(rt: PodRuntime, pod: PodObject): void {
    // A pod the kubelet has already let go of (deleted, replaced) gets no more status writes.
    if (!this.pods.has(rt.uid)) return;
    const fresh = this.currentPod(rt.namespace, rt.name);
    void pod;
    if (!fresh || fresh.metadata.uid !== rt.uid) return;
    const status = buildPodStatus(fresh, rt, this.cfg.nodeIP, this.clock.now());
    // Unchanged means the same JSON text (key order included); most posts differ, and deepEqual
    // tells those apart without serialising both statuses.
    if (deepEqual(status, fresh.status) && JSON.stringify(status) === JSON.stringify(fresh.status)) return;
    this.cfg.api.updateStatus('pods', rt.namespace, { ...fresh, status });
  }

  /** After the sandbox: the first init container, or the regular containers when there is none. */
  protected startFirst(rt: PodRuntime, pod: PodObject): void {
    const init = rt.initContainers.findIndex((c) => !(c.state === 'terminated' && c.exitCode === 0));
    if (init >= 0) {
      this.pull(rt, pod, pod.spec!.initContainers![init]!, rt.initContainers[init]!);
      return;
    }
    for (const c of rt.containers) if (c.reason === 'PodInitializing') c.reason = 'ContainerCreating';
    this.startNext(rt, pod, 0);
  }

  /** Starts container `index` and, once it is running, the next one (kubelet starts them in order). */
  protected startNext(rt: PodRuntime, pod: PodObject, index: number): void {
    const spec = pod.spec!.containers[index];
    const c = rt.containers[index];
    if (!spec || !c) return;
    this.pull(rt, pod, spec, c);
  }

  protected pull(rt: PodRuntime, pod: PodObject, spec: Container, c: ContainerRuntime): void {
    const ref = parseImageRef(c.image);
    const policy = spec.imagePullPolicy ?? defaultPullPolicy(ref);
    const present = this.images.has(c.image);
    if (policy === 'Never' && !present) {
      // The sync that fails the start reports it (no container was created for a relist to see).
      if (c.report?.changedAt === undefined) c.report = undefined;
      c.state = 'waiting';
      c.reason = 'ErrImageNeverPull';
      c.message = `Container image "${c.image}" is not present with pull policy of Never`;
      this.events.record(this.target(rt, c), 'Warning', 'ErrImageNeverPull', c.message);
      this.postStatus(rt, pod);
      return;
    }
    if (present && policy !== 'Always') {
      this.events.record(this.target(rt, c), 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      this.after(50 + this.rng.int(100), { kind: 'containerStarted', uid: rt.uid, container: c.name });
      return;
    }
    this.events.record(this.target(rt, c), 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    const size = resolveImage(c.image).profile.sizeBytes(ref);
    // A cached image only needs its manifest checked; a new one is downloaded and unpacked.
    const work = present ? 300 + this.rng.int(500) : Math.round((size / PULL_BYTES_PER_MS) * (0.8 + this.rng.next() * 0.4)) + 200 + this.rng.int(300);
    const begin = Math.max(this.clock.now(), this.pullBusyUntil);
    this.pullBusyUntil = begin + work;
    this.after(this.pullBusyUntil - this.clock.now(), { kind: 'pullDone', uid: rt.uid, container: c.name, ms: work, cached: present, requestedAt: this.clock.now() });
  }

  protected pullDone(rt: PodRuntime, pod: PodObject, _spec: Container, c: ContainerRuntime, workMs: number, _cached: boolean, waitedMs: number): void {
    this.images.add(c.image);
    const size = resolveImage(c.image).profile.sizeBytes(parseImageRef(c.image));
    this.events.record(this.target(rt, c), 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${goDuration(workMs)} (${goDuration(waitedMs)} including waiting). Image size: ${size} bytes.`);
    void pod;
    this.after(80 + this.rng.int(120), { kind: 'containerStarted', uid: rt.uid, container: c.name });
  }

  protected containerStarted(rt: PodRuntime, pod: PodObject, spec: Container, c: ContainerRuntime): void {
    const now = this.clock.now();
    const env = containerEnv(this.cfg.api, this.serviceLinks, pod, spec, rt.ip, this.cfg.nodeIP);
    c.launch = {
      image: c.image,
      ...(spec.command ? { command: spec.command } : {}),
      ...(spec.args ? { args: spec.args } : {}),
      tty: !!spec.tty,
      stdin: !!spec.stdin,
      containerPorts: (spec.ports ?? []).map((p) => ({ port: p.containerPort, protocol: (p.protocol ?? 'TCP') as 'TCP' })),
      env,
      startedAt: now,
      hostname: rt.hostname,
      host: { ip: this.cfg.nodeIP, cpus: NODE_CPUS, sysctls: { ...this.sysctls } },
    };
    const files = configMapFiles(this.cfg.api, pod, spec);
    if (files) c.launch.files = files;
    const plan = this.planOf(rt, c)!;
    this.runtimeChanged(rt, c);
    c.containerID = `containerd://${hex(`${rt.uid}/${c.name}/${c.restartCount}`)}`;
    this.events.record(this.target(rt, c), 'Normal', 'Created', `Created container: ${c.name}`);
    if (plan.startError) {
      c.state = 'terminated';
      c.reason = 'StartError';
      c.message = plan.startError;
      c.exitCode = 128;
      c.startedAt = undefined;
      c.finishedAt = now;
      this.events.record(this.target(rt, c), 'Warning', 'Failed', `Error: ${plan.startError}`);
      return;
    }
    c.state = 'running';
    c.reason = undefined;
    c.message = undefined;
    c.exitCode = undefined;
    c.startedAt = now;
    c.finishedAt = undefined;
    c.files = [];
    c.commandState = undefined;
    c.loopRound = 0;
    c.probes = {};
    c.started = !spec.startupProbe;
    c.ready = c.started && !spec.readinessProbe;
    this.events.record(this.target(rt, c), 'Normal', 'Started', `Started container ${c.name}`);
    if (plan.command) this.after(0, { kind: 'commandPoll', uid: rt.uid, container: c.name, startedAt: now }, true);
    else if (plan.steps.length) this.after(plan.steps[0]!.atMs, { kind: 'processStep', uid: rt.uid, container: c.name, index: 0, startedAt: now }, true);
    else if (plan.loop) this.after(0, { kind: 'processLoop', uid: rt.uid, container: c.name, startedAt: now }, true);
    for (const kind of ['startup', 'readiness', 'liveness'] as const) {
      const probe = spec[`${kind}Probe`];
      if (probe) this.after(probeTiming(probe).initialDelayMs, { kind: 'probe', uid: rt.uid, container: c.name, probe: kind, startedAt: now }, true);
    }
    const index = rt.containers.indexOf(c);
    if (index >= 0 && c.restartCount === 0 && index + 1 < rt.containers.length && rt.containers[index + 1]!.containerID === undefined) this.startNext(rt, pod, index + 1);
  }

  /** Applies every step due at this offset, then schedules the next one. */
  protected processStep(rt: PodRuntime, pod: PodObject, c: ContainerRuntime, index: number, startedAt: number): void {
    if (c.state !== 'running' || c.startedAt !== startedAt) return;
    const plan = this.planOf(rt, c)!;
    const at = plan.steps[index]?.atMs;
    let i = index;
    for (; i < plan.steps.length && plan.steps[i]!.atMs === at; i++) {
      const s = plan.steps[i]!;
      if (s.kind === 'log') c.logs.push({ at: this.clock.now(), line: s.line });
      else if (s.kind === 'touch') c.files = [...new Set([...c.files, s.path])];
      else if (s.kind === 'rm') c.files = c.files.filter((f) => f !== s.path);
      else if (s.kind === 'sysctl') this.sysctls[s.key] = s.value;
      else if (s.kind === 'exit') {
        this.exited(rt, pod, c, s.code);
        return;
      }
    }
    if (i < plan.steps.length) this.after(startedAt + plan.steps[i]!.atMs - this.clock.now(), { kind: 'processStep', uid: rt.uid, container: c.name, index: i, startedAt }, true);
    else if (plan.loop) this.after(0, { kind: 'processLoop', uid: rt.uid, container: c.name, startedAt }, true);
  }

  /** One round of an endless loop: its output and file changes, then the next round. */
  protected processLoop(rt: PodRuntime, _pod: PodObject, c: ContainerRuntime, startedAt: number): void {
    if (c.state !== 'running' || c.startedAt !== startedAt) return;
    const loop = this.planOf(rt, c)!.loop!;
    for (const s of loop.steps) {
      if (s.kind === 'log') c.logs.push({ at: this.clock.now() + s.atMs, line: s.line });
      else if (s.kind === 'touch') c.files = [...new Set([...c.files, s.path])];
      else if (s.kind === 'rm') c.files = c.files.filter((f) => f !== s.path);
      else if (s.kind === 'sysctl') this.sysctls[s.key] = s.value;
    }
    // Keep only the recent output of chatty loops (the runtime rotates logs too).
    if (c.logs.length > 5000) c.logs = c.logs.slice(-5000);
    c.loopRound++;
    this.after(loop.periodMs, { kind: 'processLoop', uid: rt.uid, container: c.name, startedAt }, true);
  }

  /**
   * A main process that is a command: started on the first call (the container is running, so
   * its shell exists), then asked for output until it ends; its lines go to the log as written.
   */
  protected pollCommand(rt: PodRuntime, pod: PodObject, c: ContainerRuntime, startedAt: number): void {
    const key = `${rt.uid}/${c.name}/${startedAt}`;
    let run = this.commandRuns.get(key);
    if (c.state !== 'running' || c.startedAt !== startedAt) {
      // Killed (or restarted) while it ran: the process is gone.
      run?.kill();
      this.commandRuns.delete(key);
      return;
    }
    // After a restore the run is rebuilt from what the snapshot kept of it.
    run ??= this.planOf(rt, c)!.runCommand?.(c.commandState);
    if (!run) return this.exited(rt, pod, c, 0);
    c.commandState = run.state;
    const { lines, exitCode } = run.take();
    for (const line of lines) c.logs.push({ at: this.clock.now(), line });
    if (c.logs.length > 5000) c.logs = c.logs.slice(-5000);
    if (exitCode !== undefined) {
      this.commandRuns.delete(key);
      return this.exited(rt, pod, c, exitCode);
    }
    this.commandRuns.set(key, run);
    this.after(COMMAND_POLL_MS, { kind: 'commandPoll', uid: rt.uid, container: c.name, startedAt }, true);
  }

  /** Sends SIGTERM; the process exits as its plan says, or SIGKILL ends it at the deadline. */
  protected stopContainer(rt: PodRuntime, _pod: PodObject, c: ContainerRuntime, graceSeconds: number): void {
    if (c.state !== 'running' || c.stopping) return;
    c.stopping = true;
    c.ready = false;
    const plan = this.planOf(rt, c)!;
    const graceMs = graceSeconds * 1000;
    const term = plan.onSigterm;
    const [delay, code] = term !== 'ignore' && term.exitAfterMs < graceMs ? [term.exitAfterMs, term.code] : [graceMs, 137];
    this.after(delay, { kind: 'killDeadline', uid: rt.uid, container: c.name, code, startedAt: c.startedAt! });
  }

  /**
   * The container's process ended. A pod being terminated is reported at once (the kubelet's
   * terminating sync reads the runtime after the kill); otherwise the exit waits for a relist.
   */
  protected exited(rt: PodRuntime, pod: PodObject, c: ContainerRuntime, code: number): void {
    const terminating = rt.terminatingSince !== undefined;
    if (terminating) c.report = undefined;
    else this.runtimeChanged(rt, c);
    c.state = 'terminated';
    c.exitCode = code;
    c.reason = code === 0 ? 'Completed' : 'Error';
    c.message = undefined;
    c.finishedAt = this.clock.now();
    c.ready = false;
    c.started = false;
    c.stopping = false;
    c.commandState = undefined;
    if (!terminating) return;
    this.afterExit(rt, pod, c, code);
    this.postStatus(rt, pod);
  }

  /**
   * What the pod sync that sees an exit does: restart (with back-off), finish the pod, or
   * complete a termination. The first restart is immediate; later ones wait out the back-off,
   * and the sync after this one reports CrashLoopBackOff.
   */
  protected afterExit(rt: PodRuntime, pod: PodObject, c: ContainerRuntime, code: number): void {
    if (rt.terminatingSince !== undefined) return this.maybeFinishTermination(rt, pod);
    const policy = pod.spec?.restartPolicy ?? 'Always';
    if (c.init && code === 0) {
      // Completed init containers count as ready; the next one (or the app) starts.
      c.ready = true;
      this.after(100 + this.rng.int(200), { kind: 'initDone', uid: rt.uid, container: c.name });
      return;
    }
    if (c.init && policy === 'Never') {
      rt.finished = 'Failed';
      rt.sandboxReady = false;
      return;
    }
    if (c.init || policy === 'Always' || (policy === 'OnFailure' && code !== 0)) {
      const ran = (c.finishedAt ?? 0) - (c.startedAt ?? c.finishedAt ?? 0);
      if (ran >= BACKOFF_RESET_MS) c.backoffMs = 0;
      const delay = c.backoffMs;
      c.backoffMs = nextBackoff(c.backoffMs);
      if (delay > 0) this.after(RELIST_PERIOD_MS, { kind: 'backoff', uid: rt.uid, container: c.name, finishedAt: c.finishedAt!, delayMs: delay });
      this.after(delay, { kind: 'restart', uid: rt.uid, container: c.name, finishedAt: c.finishedAt! });
      return;
    }
    if (rt.containers.every((x) => x.state === 'terminated')) {
      rt.finished = rt.containers.every((x) => x.exitCode === 0) ? 'Succeeded' : 'Failed';
      rt.sandboxReady = false;
    }
  }

  /** Moves the terminated state into lastState and clears logs for the next instance. */
  protected archive(c: ContainerRuntime): void {
    c.lastTerminated = { exitCode: c.exitCode ?? 0, reason: c.reason ?? 'Completed', ...(c.message ? { message: c.message } : {}), ...(c.startedAt !== undefined ? { startedAt: c.startedAt } : {}), finishedAt: c.finishedAt!, ...(c.containerID ? { containerID: c.containerID } : {}) };
    c.previousLogs = c.logs;
    c.logs = [];
  }

  protected beginTermination(pod: PodObject, rt: PodRuntime): void {
    rt.terminatingSince = this.clock.now();
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    for (const c of [...rt.initContainers, ...rt.containers]) {
      if (c.state === 'running') {
        this.events.record(this.target(rt, c), 'Normal', 'Killing', `Stopping container ${c.name}`);
        this.stopContainer(rt, pod, c, grace);
      } else if (c.state === 'waiting') {
        c.report = undefined;
        c.state = 'terminated';
        c.reason = c.containerID ? 'Error' : 'ContainerStatusUnknown';
        c.exitCode = c.containerID ? 137 : 137;
        c.finishedAt = this.clock.now();
      }
    }
    this.postStatus(rt, pod);
    this.maybeFinishTermination(rt, pod);
  }

  protected maybeFinishTermination(rt: PodRuntime, pod: PodObject): void {
    if ([...rt.initContainers, ...rt.containers].some((c) => c.state === 'running')) return;
    rt.finished ??= rt.containers.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
    rt.sandboxReady = false;
    // The terminating sync reports what the runtime says after the kill, relisted or not.
    for (const c of [...rt.initContainers, ...rt.containers]) c.report = undefined;
    this.postStatus(rt, pod);
    this.forget(rt);
    try {
      this.cfg.api.delete('pods', rt.namespace, rt.name, { gracePeriodSeconds: 0 });
    } catch {
      // Already gone.
    }
  }

  protected forget(rt: PodRuntime): void {
    for (const [key, run] of this.commandRuns) {
      if (!key.startsWith(`${rt.uid}/`)) continue;
      run.kill();
      this.commandRuns.delete(key);
    }
    this.pods.delete(rt.uid);
    this.dropPlans(rt.uid);
  }
}
