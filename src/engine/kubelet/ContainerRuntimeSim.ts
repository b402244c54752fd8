import { startProcess } from '../apps';
import type { ContainerLaunch, ProcessPlan } from '../apps';
import type { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import type { ContainerRuntime, KubeletAction, PodRuntime, ScheduledAction } from './runtimeTypes';
import { restorePods, savePods, type SavedPods } from './savedEnvs';

/**
 * The `net/netfilter/*` sysctls of a freshly booted node (Ubuntu 24.04, kernel 6.8, ~4 GiB:
 * nf_conntrack sizes its table to 65536 buckets above 1 GiB and allows one entry per bucket).
 */
export const KERNEL_SYSCTLS: Readonly<Record<string, number>> = {
  'net/netfilter/nf_conntrack_max': 65536,
  'net/netfilter/nf_conntrack_tcp_timeout_established': 432000,
  'net/netfilter/nf_conntrack_tcp_timeout_close_wait': 60,
  'net/netfilter/nf_conntrack_tcp_be_liberal': 0,
  'net/netfilter/nf_conntrack_udp_timeout': 30,
  'net/netfilter/nf_conntrack_udp_timeout_stream': 120,
};

/** What a kubelet's runtime keeps in a snapshot. */
export interface RuntimeState {
  /** The pods, each distinct container environment saved once (savedEnvs.ts). */
  pods: SavedPods;
  actions: ScheduledAction[];
  images: string[];
  pullBusyUntil: number;
  /** Absent in snapshots taken before the kernel's sysctls were kept: boot values then. */
  sysctls?: Record<string, number>;
}

/** Which container a process plan is being built for (what a {@link ProcessHook} may look at). */
export interface ProcessContext {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  podIP?: string;
  launch: ContainerLaunch;
}

/**
 * Lets a component that simulates a program in more depth than its image profile (CoreDNS reading
 * its Corefile) adjust the plan of a container as it starts: crash with the program's own log
 * line, or answer HTTP from live state. Must stay a deterministic function of its inputs and the
 * cluster state, as plans are rebuilt after a restore.
 */
export type ProcessHook = (ctx: ProcessContext, plan: ProcessPlan) => ProcessPlan;

/**
 * The kubelet's bookkeeping: pods it runs, the node's image cache, and timed work. Timers are
 * stored as data ({@link ScheduledAction}) next to the clock timer that fires them, so that a
 * snapshot can carry them and {@link restoreRuntime} can re-arm them on a fresh clock.
 */
export abstract class ContainerRuntimeSim {
  protected pods = new Map<string, PodRuntime>();
  protected images = new Set<string>();
  /** Image pulls are serialised per node (kubelet's serializeImagePulls default). */
  protected pullBusyUntil = 0;
  private actions = new Map<number, ScheduledAction>();
  private plans = new Map<string, ProcessPlan>();
  private hooks: ProcessHook[] = [];
  /** The node kernel's `net/netfilter/*` sysctls: boot values, then what host processes wrote. */
  protected sysctls: Record<string, number> = { ...KERNEL_SYSCTLS };

  constructor(
    protected readonly clock: VirtualClock,
    protected readonly rng: Rng,
  ) {}

  protected abstract run(a: KubeletAction): void;

  /** Runs `action` after `delayMs` of virtual time. */
  protected after(delayMs: number, action: KubeletAction, background = false): void {
    this.arm({ at: this.clock.now() + Math.max(0, delayMs), action, background });
  }

  private arm(s: ScheduledAction): void {
    let id = 0;
    id = this.clock.schedule(s.at - this.clock.now(), `kubelet: ${s.action.kind}`, () => {
      this.actions.delete(id);
      this.run(s.action);
    }, s.background);
    this.actions.set(id, s);
  }

  /** True when a pending action matches (e.g. a heartbeat chain restored from a snapshot). */
  protected hasAction(pred: (a: KubeletAction) => boolean): boolean {
    for (const s of this.actions.values()) if (pred(s.action)) return true;
    return false;
  }

  /** The process plan of a running container (rebuilt from its launch data when needed). */
  protected planOf(rt: PodRuntime, c: ContainerRuntime): ProcessPlan | undefined {
    if (!c.launch) return undefined;
    const key = `${rt.uid}/${c.name}/${c.launch.startedAt}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = startProcess(c.launch);
      for (const hook of this.hooks) plan = hook({ namespace: rt.namespace, pod: rt.name, uid: rt.uid, container: c.name, ...(rt.ip ? { podIP: rt.ip } : {}), launch: c.launch }, plan);
      this.plans.set(key, plan);
    }
    return plan;
  }

  /**
   * Adds a {@link ProcessHook}; plans built before are rebuilt with it on next use. Returns a
   * function that removes it.
   */
  addProcessHook(hook: ProcessHook): () => void {
    this.hooks.push(hook);
    this.plans.clear();
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
      this.plans.clear();
    };
  }

  protected dropPlans(uid: string): void {
    for (const k of [...this.plans.keys()]) if (k.startsWith(`${uid}/`)) this.plans.delete(k);
  }

  protected podByName(namespace: string, name: string): PodRuntime | undefined {
    for (const p of this.pods.values()) if (p.namespace === namespace && p.name === name) return p;
    return undefined;
  }

  protected ipsInUse(): Set<string> {
    return new Set([...this.pods.values()].filter((p) => !p.hostNetwork && p.ip).map((p) => p.ip!));
  }

  /** All pods this kubelet runs (copies), for the UI and the network engine; without commands' resume state, which only snapshots need. */
  runningPods(): PodRuntime[] {
    return [...this.pods.values()].map((p) => JSON.parse(JSON.stringify(p, (k: string, v: unknown) => (k === 'commandState' ? undefined : v))) as PodRuntime);
  }

  protected saveRuntime(): RuntimeState {
    const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    // Ordered by due time (stable over arming order), the order restore re-arms them in.
    const actions = [...this.actions.values()].sort((a, b) => a.at - b.at);
    return { pods: savePods(this.pods.values()), actions: clone(actions), images: [...this.images].sort(), pullBusyUntil: this.pullBusyUntil, sysctls: { ...this.sysctls } };
  }

  /** `shiftMs` moves every pending action (used when a settled cluster is moved forward in time). */
  protected restoreRuntime(s: RuntimeState, shiftMs = 0): void {
    for (const id of this.actions.keys()) this.clock.cancel(id);
    this.actions.clear();
    this.plans.clear();
    this.pods = new Map(restorePods(s.pods).map((p) => [p.uid, p]));
    this.images = new Set(s.images);
    this.pullBusyUntil = s.pullBusyUntil + shiftMs;
    this.sysctls = { ...KERNEL_SYSCTLS, ...s.sysctls };
    for (const a of [...s.actions].sort((x, y) => x.at - y.at)) this.arm({ ...a, at: a.at + shiftMs });
  }
}
