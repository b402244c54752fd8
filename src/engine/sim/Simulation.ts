import { ApiServer, type ApiServerSnapshot } from '../api/ApiServer';
import { startControllers, type ControllerManager } from '../controllers/startControllers';
import { Kubelet, type KubeletState } from '../kubelet/Kubelet';
import { nodeObject } from '../kubelet/nodeObject';
import { Scheduler } from '../scheduler/Scheduler';
import { bootImageFits, type BootOptions } from './bootImage';
import { bootstrapCluster } from './bootstrap/bootstrapCluster';
import { controlPlaneStaticPods } from './bootstrap/staticPods';
import { dnsServiceIP } from './bootstrap/versions';
import { Rng } from './Rng';
import { VirtualClock, type ClockState } from './VirtualClock';

export interface NodeConfig {
  name: string;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
}

export interface SimulationConfig {
  seed: string;
  /** Virtual wall-clock time at which the learner arrives (ms since the epoch). */
  startTime: number;
  nodes: NodeConfig[];
  serviceCIDR: string;
  podCIDR: string;
  nodePortRange: string;
  clusterDomain: string;
  /** How long the cluster has existed when the learner arrives (AGE of kube-system objects). */
  clusterAgeMs: number;
}

/** kubeadm's defaults with a bridge CNI: the cluster of DESIGN.md. */
export function defaultConfig(overrides: Partial<SimulationConfig> = {}): SimulationConfig {
  return {
    seed: 'kubelab',
    startTime: Date.UTC(2026, 0, 15, 9, 0, 0),
    nodes: [
      { name: 'controlplane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
      { name: 'node01', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
      { name: 'node02', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
    ],
    serviceCIDR: '10.96.0.0/12',
    podCIDR: '10.244.0.0/16',
    nodePortRange: '30000-32767',
    clusterDomain: 'cluster.local',
    clusterAgeMs: 5 * 24 * 3_600_000,
    ...overrides,
  };
}

/** Everything needed to bring the cluster back exactly: plain JSON. */
export interface SimulationSnapshot {
  version: 1;
  config: SimulationConfig;
  clock: ClockState;
  rng: [number, number, number, number];
  api: ApiServerSnapshot;
  scheduler: ReturnType<Scheduler['save']>;
  kubelets: Record<string, KubeletState>;
  /** State of parts that live beside the components (the network's conntrack, ...), by name. */
  extensions?: Record<string, unknown>;
}

/** Something outside the components whose state belongs in snapshots (plain JSON both ways). */
export interface StatefulExtension {
  save(): unknown;
  load(state: unknown): void;
}

/** Time the freshly bootstrapped cluster gets to converge before it is moved to `startTime`. */
const BOOTSTRAP_SETTLE_MS = 60_000;
/** Upper bound on drain rounds per call, so components fighting each other cannot hang us. */
const MAX_DRAIN_ROUNDS = 10_000;

/** Something the Simulation drains after every command and timer (kube-proxy, CoreDNS, ...). */
export interface SimComponent {
  processPending(): boolean;
  /** Called when the Simulation is rebuilt (restore) and this instance is dropped. */
  stop?(): void;
}

/** What a component factory gets: the live parts of the cluster it belongs to. */
export interface ComponentContext {
  api: ApiServer;
  clock: VirtualClock;
  rng: Rng;
  sim: Simulation;
}

export type ComponentFactory = (ctx: ComponentContext) => SimComponent;

interface Parts {
  clock: VirtualClock;
  api: ApiServer;
  controllers: ControllerManager;
  scheduler: Scheduler;
  kubelets: Kubelet[];
  extra: Map<string, SimComponent>;
}

/**
 * The whole simulated cluster: clock, randomness, API server, controllers, scheduler and one
 * kubelet per node. The cluster is bootstrapped `clusterAgeMs` before `startTime`, left to
 * converge, then moved forward to `startTime` (as a snapshot restored later), so kube-system
 * is five days old without simulating five days of heartbeats.
 */
export class Simulation {
  readonly config: SimulationConfig;
  readonly rng: Rng;
  private parts!: Parts;
  private readonly factories = new Map<string, ComponentFactory>();
  private readonly extensions = new Map<string, StatefulExtension>();

  constructor(config: Partial<SimulationConfig> = {}, boot: BootOptions = {}) {
    this.config = defaultConfig(config);
    this.rng = new Rng(this.config.seed);
    const settled = boot.image && bootImageFits(boot.image, this.config) ? boot.image : this.bootstrap();
    boot.capture?.(settled);
    this.restore(settled, this.config.startTime);
  }

  /**
   * The settled cluster the constructor moves to `startTime`: what `new Simulation(config)`
   * computes before the learner arrives. Built ahead of time (the worker's build does this), it
   * lets {@link BootOptions.image} skip that work and still give the very same cluster.
   */
  static bootImage(config: Partial<SimulationConfig> = {}): SimulationSnapshot {
    let image: SimulationSnapshot | undefined;
    new Simulation(config, { capture: (snap) => (image = snap) });
    return image!;
  }

  /** kubeadm init/join: nodes register, the API server and kubeadm create their objects; then the cluster converges. */
  private bootstrap(): SimulationSnapshot {
    const born = this.config.startTime - this.config.clusterAgeMs;
    this.parts = this.build(new VirtualClock(born));
    const admin = this.parts.api.admin();
    for (const n of this.config.nodes) this.parts.api.system(`node:${n.name}`).create('nodes', undefined, nodeObject(n, born));
    bootstrapCluster(admin, this.clusterSettings());
    this.startComponents(this.parts);
    this.advance(BOOTSTRAP_SETTLE_MS);
    return this.snapshot();
  }

  get clock(): VirtualClock {
    return this.parts.clock;
  }

  get api(): ApiServer {
    return this.parts.api;
  }

  get controllers(): ControllerManager {
    return this.parts.controllers;
  }

  get scheduler(): Scheduler {
    return this.parts.scheduler;
  }

  get kubelets(): readonly Kubelet[] {
    return this.parts.kubelets;
  }

  /**
   * Adds a component built from the live cluster (and rebuilt on every restore), drained with
   * the others. Returns the instance built now.
   */
  use<T extends SimComponent>(name: string, factory: (ctx: ComponentContext) => T): T {
    this.factories.set(name, factory);
    this.parts.extra.get(name)?.stop?.();
    const c = factory({ api: this.parts.api, clock: this.parts.clock, rng: this.rng, sim: this });
    this.parts.extra.set(name, c);
    this.drain();
    return c;
  }

  /** The current instance of a component added with {@link use}. */
  component<T extends SimComponent>(name: string): T | undefined {
    return this.parts.extra.get(name) as T | undefined;
  }

  /**
   * Keeps `ext`'s state in every snapshot from now on and hands it back on restore (for state
   * that is not a drained component, such as the network's conntrack tables).
   */
  registerExtension(name: string, ext: StatefulExtension): void {
    this.extensions.set(name, ext);
  }

  /** The kubelet of one node (logs, pod files, serving requests). */
  kubelet(nodeName: string): Kubelet | undefined {
    return this.parts.kubelets.find((k) => k.cfg.nodeName === nodeName);
  }

  /** Runs every queue (controllers, scheduler, kubelets) until nothing is left to do. */
  drain(): void {
    const p = this.parts;
    for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
      let worked = p.controllers.processPending();
      while (p.scheduler.runOnce()) worked = true;
      for (const k of p.kubelets) worked = k.processPending() || worked;
      for (const c of p.extra.values()) worked = c.processPending() || worked;
      if (!worked) return;
    }
  }

  /** Moves virtual time forward, running everything that falls due and draining after each timer. */
  advance(ms: number): void {
    this.drain();
    this.parts.clock.advance(ms, () => this.drain());
  }

  /**
   * Advances until no foreground timer (pulls, starts, restarts, controller retries) is left, or
   * `maxMs` of virtual time has passed. Returns the virtual time spent.
   */
  runUntilSettled(maxMs = 5 * 60_000): number {
    const clock = this.parts.clock;
    const start = clock.now();
    const limit = start + maxMs;
    this.drain();
    for (;;) {
      const next = clock.nextDue(false);
      if (next === undefined || next > limit) break;
      clock.advanceTo(next, () => this.drain());
    }
    return clock.now() - start;
  }

  snapshot(): SimulationSnapshot {
    return JSON.parse(this.snapshotText()) as SimulationSnapshot;
  }

  /**
   * {@link snapshot} as its JSON text, without building the objects back from it: what keeps a
   * copy (rewind's checkpoints) needs only the text, and the parse is a third of the work.
   */
  snapshotText(): string {
    const p = this.parts;
    return JSON.stringify({
      version: 1,
      config: this.config,
      clock: p.clock.state(),
      rng: this.rng.save(),
      api: p.api.snapshot(),
      scheduler: p.scheduler.save(),
      kubelets: Object.fromEntries(p.kubelets.map((k) => [k.cfg.nodeName, k.save()])),
      ...(this.extensions.size ? { extensions: Object.fromEntries([...this.extensions].map(([name, e]) => [name, e.save()])) } : {}),
    });
  }

  /**
   * Rebuilds every component from a snapshot on a fresh clock. With `at`, the cluster is moved
   * to that time: pending kubelet work is shifted, and controllers re-list what is there.
   */
  restore(snap: SimulationSnapshot, at = snap.clock.now): void {
    const shift = at - snap.clock.now;
    // Unset only while the constructor restores a boot image: nothing has run yet.
    if (this.parts) {
      this.parts.controllers.stop();
      for (const k of this.parts.kubelets) k.stop();
      this.parts.scheduler.stop();
      for (const c of this.parts.extra.values()) c.stop?.();
      // What still watches the old server (a learner's `kubectl get -w`) sees its watch end.
      this.parts.api.closeWatches();
    }
    const clock = new VirtualClock(at);
    clock.paused = snap.clock.paused;
    clock.speed = snap.clock.speed;
    const parts = this.build(clock);
    this.rng.restore(snap.rng);
    parts.api.restore(snap.api);
    parts.scheduler.restore(snap.scheduler);
    for (const k of parts.kubelets) {
      const state = snap.kubelets[k.cfg.nodeName];
      if (state) k.restore(state, shift);
    }
    this.parts = parts;
    for (const [name, factory] of this.factories) parts.extra.set(name, factory({ api: parts.api, clock, rng: this.rng, sim: this }));
    // Moved in time, nodes must heartbeat at once or the node controller would find them silent.
    for (const [name, e] of this.extensions) if (snap.extensions && name in snap.extensions) e.load(snap.extensions[name]);
    this.startComponents(parts, new Set(Object.entries(snap.kubelets).filter(([, s]) => s.stopped).map(([n]) => n)), shift === 0);
    this.drain();
  }

  private clusterSettings() {
    const cp = this.config.nodes.find((n) => n.controlPlane) ?? this.config.nodes[0]!;
    return { serviceCIDR: this.config.serviceCIDR, podCIDR: this.config.podCIDR, clusterDomain: this.config.clusterDomain, apiServerIP: cp.internalIP };
  }

  private build(clock: VirtualClock): Parts {
    const c = this.config;
    const api = new ApiServer({ clock, rng: this.rng, serviceCIDR: c.serviceCIDR, nodePortRange: c.nodePortRange, clusterDomain: c.clusterDomain });
    const dns = { clusterDNS: [dnsServiceIP(c.serviceCIDR)], clusterDomain: c.clusterDomain, node: { nameservers: ['172.18.0.1'], search: [], options: { other: [] } } };
    const kubelets = c.nodes.map(
      (n) =>
        new Kubelet({
          api: api.system(`node:${n.name}`, { sharedResults: true }),
          clock,
          rng: this.rng,
          nodeName: n.name,
          nodeIP: n.internalIP,
          podCIDR: n.podCIDR,
          dns,
          ...(n.controlPlane ? { staticPods: controlPlaneStaticPods({ nodeIP: n.internalIP, serviceCIDR: c.serviceCIDR, podCIDR: c.podCIDR, nodePortRange: c.nodePortRange }) } : {}),
        }),
    );
    const scheduler = new Scheduler({ api: api.system('kube-scheduler', { sharedResults: true }), clock, rng: this.rng });
    return { clock, api, scheduler, kubelets, extra: new Map(), controllers: { controllers: [], processPending: () => false, pending: () => ({}), stop: () => undefined } };
  }

  /** Kubelets first (nodes register and heartbeat before the node controller looks), then the rest. */
  private startComponents(p: Parts, stopped = new Set<string>(), resume = false): void {
    for (const k of p.kubelets) if (!stopped.has(k.cfg.nodeName)) k.start(resume);
    p.scheduler.start();
    p.controllers = startControllers({ api: p.api, clock: p.clock, rng: this.rng });
  }
}
