import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { ApiClient, Unsubscribe, WatchEvent } from '../api/types';
import { EventRecorder, rfc3339 } from '../sim/events';
import type { NodeObject, PodObject } from '../sim/kinds';
import type { Rng } from '../sim/Rng';
import type { VirtualClock } from '../sim/VirtualClock';
import { addUsage, usageOf, type NodeUsage } from './filter';
import { schedulePod } from './schedulePod';

export interface SchedulerConfig {
  api: ApiClient;
  clock: VirtualClock;
  rng: Rng;
  /** Pods with another `spec.schedulerName` are left alone. */
  schedulerName?: string;
}

/** Unschedulable pods are retried on cluster changes, and at least this often (5 min upstream). */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

const key = (p: Pod) => `${p.metadata?.namespace}/${p.metadata?.name}`;
/** Same JSON text; a write that kept a part shares the stored (frozen) object, so check that first. */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * kube-scheduler: watches pods without a node, places each one (filter, score, pick) and binds
 * it, or records why it cannot. Watch handlers only enqueue; {@link runOnce} does the work, so
 * the Simulation decides when scheduling happens.
 */
export class Scheduler {
  private readonly api: ApiClient;
  private readonly rng: Rng;
  private readonly clock: VirtualClock;
  private readonly name: string;
  private readonly events: EventRecorder;
  private queue: string[] = [];
  private queued = new Set<string>();
  /**
   * The scheduler cache: non-terminal pods bound to each node, kept from the (synchronous) pod
   * watch as kube-scheduler keeps it from its informer, so a cycle does not list every pod.
   */
  private placed = new Map<string, Map<string, Pod>>();
  /** `placed` as arrays per node, and what they use, rebuilt only for a node whose pods changed. */
  private placedLists = new Map<string, Pod[]>();
  private usage = new Map<string, NodeUsage>();
  private nodeOfPod = new Map<string, string>();
  /**
   * Every pod and node as the watches last delivered them (the informer listers), so a cycle
   * reads them without a request and a copy. Objects are shared with the API server: never
   * mutated here. Only used while {@link watching}.
   */
  private pods = new Map<string, PodObject>();
  private nodes = new Map<string, NodeObject>();
  private watching = false;
  private unschedulable = new Set<string>();
  private unsubscribe: Unsubscribe[] = [];
  private flushTimer: number | undefined;

  constructor(cfg: SchedulerConfig) {
    this.api = cfg.api;
    this.rng = cfg.rng;
    this.clock = cfg.clock;
    this.name = cfg.schedulerName ?? 'default-scheduler';
    this.events = new EventRecorder(cfg.api, cfg.clock, this.name);
  }

  start(): void {
    this.pods.clear();
    this.nodes.clear();
    this.unsubscribe.push(this.api.watch('pods', undefined, (ev) => this.onPod(ev)));
    this.unsubscribe.push(this.api.watch('nodes', undefined, (ev) => this.onNode(ev)));
    for (const n of this.api.list<NodeObject>('nodes', undefined).items) this.nodes.set(n.metadata.name!, n);
    for (const p of this.api.list<PodObject>('pods', undefined).items) {
      this.pods.set(key(p), p);
      this.track(p);
      if (this.wants(p)) this.enqueue(key(p));
    }
    this.watching = true;
    this.armFlush();
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.watching = false;
    if (this.flushTimer !== undefined) this.clock.cancel(this.flushTimer);
  }

  hasWork(): boolean {
    return this.queue.length > 0;
  }

  /** Schedules the next queued pod; returns false when the queue was empty. */
  runOnce(): boolean {
    const k = this.queue.shift();
    if (k === undefined) return false;
    this.queued.delete(k);
    const [ns, name] = k.split('/') as [string, string];
    const pod = this.currentPod(ns, name);
    if (!pod || !this.wants(pod)) return true;
    const nodes = this.watching ? [...this.nodes.values()] : this.api.list<NodeObject>('nodes', undefined).items;
    const podsByNode = new Map<string, Pod[]>();
    for (const n of this.placed.keys()) podsByNode.set(n, this.placedOn(n));
    const result = schedulePod(pod, nodes, podsByNode, this.rng, (n) => this.usageOn(n));
    const target = { kind: 'Pod', namespace: ns, name, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion };
    if ('node' in result) {
      this.unschedulable.delete(k);
      const bound = this.api.update('pods', ns, { ...pod, spec: { ...pod.spec!, nodeName: result.node } });
      this.setScheduledCondition(bound, { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(this.clock.now()) });
      this.events.record(target, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${result.node}`);
    } else {
      this.unschedulable.add(k);
      this.setScheduledCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: result.message, lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(this.clock.now()) });
      this.events.record(target, 'Warning', 'FailedScheduling', result.message);
    }
    return true;
  }

  private setScheduledCondition(pod: PodObject, cond: PodCondition): void {
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (current && current.status === cond.status && current.message === cond.message) return;
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), current && current.status === cond.status ? { ...cond, lastTransitionTime: current.lastTransitionTime } : cond];
    const fresh = this.currentPod(pod.metadata.namespace!, pod.metadata.name!) ?? pod;
    this.api.updateStatus('pods', pod.metadata.namespace, { ...fresh, status: { phase: 'Pending', ...fresh.status, conditions } });
  }

  private currentPod(namespace: string, name: string): PodObject | undefined {
    return this.watching ? this.pods.get(`${namespace}/${name}`) : this.api.tryGet<PodObject>('pods', namespace, name);
  }

  private placedOn(node: string): Pod[] {
    let list = this.placedLists.get(node);
    if (!list) this.placedLists.set(node, (list = [...(this.placed.get(node)?.values() ?? [])]));
    return list;
  }

  private usageOn(node: string): NodeUsage {
    let u = this.usage.get(node);
    if (!u) this.usage.set(node, (u = usageOf(this.placedOn(node))));
    return u;
  }

  /** A node's pods (or one's spec) changed: its list and usage are rebuilt on next use. */
  private invalidate(node: string): void {
    this.placedLists.delete(node);
    this.usage.delete(node);
  }

  private wants(p: Pod): boolean {
    return !p.spec?.nodeName && !p.metadata?.deletionTimestamp && (p.spec?.schedulerName ?? 'default-scheduler') === this.name && !isTerminal(p);
  }

  private enqueue(k: string): void {
    if (this.queued.has(k)) return;
    this.queued.add(k);
    this.queue.push(k);
  }

  /** Keeps the cache of bound, non-terminal pods in step with one observed pod (gone when `deleted`). */
  private track(pod: Pod, deleted = false): void {
    const k = key(pod);
    const was = this.nodeOfPod.get(k);
    const now = deleted || isTerminal(pod) ? undefined : pod.spec?.nodeName;
    if (was !== undefined && was !== now) {
      this.placed.get(was)?.delete(k);
      this.invalidate(was);
      this.nodeOfPod.delete(k);
    }
    if (now === undefined) return;
    let pods = this.placed.get(now);
    if (!pods) this.placed.set(now, (pods = new Map()));
    const before = pods.get(k);
    // Requests live in the spec; a status write shares the stored spec, so usage stays valid. A
    // pod new to the node goes last in its map, so adding it to a cached sum gives exactly the
    // sum over the node's pods (what a bind does to the node it chose).
    this.placedLists.delete(now);
    const usage = this.usage.get(now);
    if (!before && usage) addUsage(usage, pod);
    else if (before?.spec !== pod.spec) this.usage.delete(now);
    pods.set(k, pod);
    this.nodeOfPod.set(k, now);
  }

  private onPod(ev: WatchEvent): void {
    const pod = ev.object as Pod;
    if (ev.type === 'DELETED') this.pods.delete(key(pod));
    else this.pods.set(key(pod), pod as PodObject);
    this.track(pod, ev.type === 'DELETED');
    if (ev.type === 'DELETED' || pod.spec?.nodeName) {
      // A pod leaving a node frees room: give the unschedulable ones another chance.
      if (ev.type === 'DELETED' || (ev.oldObject && !(ev.oldObject as Pod).metadata?.deletionTimestamp && pod.metadata?.deletionTimestamp)) this.retryUnschedulable();
      this.unschedulable.delete(key(pod));
      return;
    }
    // Our own status writes on unschedulable pods must not loop them straight back in.
    if (ev.type === 'MODIFIED' && this.unschedulable.has(key(pod))) {
      const before = ev.oldObject as Pod | undefined;
      if (before && sameJson(before.spec, pod.spec) && sameJson(before.metadata?.labels, pod.metadata?.labels)) return;
    }
    if (this.wants(pod)) this.enqueue(key(pod));
  }

  private onNode(ev: WatchEvent): void {
    const node = ev.object as NodeObject;
    if (ev.type === 'DELETED') this.nodes.delete(node.metadata.name!);
    else this.nodes.set(node.metadata.name!, node);
    if (ev.type === 'MODIFIED' && ev.oldObject) {
      const a = ev.oldObject as Node;
      const b = ev.object as Node;
      const ready = (n: Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      // Heartbeats change nothing the filters read; only react to real changes.
      if (sameJson(a.spec, b.spec) && sameJson(a.metadata?.labels, b.metadata?.labels) && ready(a) === ready(b) && sameJson(a.status?.allocatable, b.status?.allocatable)) return;
    }
    this.retryUnschedulable();
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.enqueue(k);
    this.unschedulable.clear();
  }

  private armFlush(): void {
    this.flushTimer = this.clock.schedule(UNSCHEDULABLE_FLUSH_MS, 'scheduler: flush unschedulable pods', () => {
      this.retryUnschedulable();
      this.armFlush();
    }, true);
  }

  /** Queue state for snapshots. */
  save(): { queue: string[]; unschedulable: string[]; events: [string, string][] } {
    return { queue: [...this.queue], unschedulable: [...this.unschedulable], events: this.events.save() };
  }

  restore(s: { queue: string[]; unschedulable: string[]; events: [string, string][] }): void {
    this.queue = [...s.queue];
    this.queued = new Set(s.queue);
    this.unschedulable = new Set(s.unschedulable);
    this.events.restore(s.events);
  }
}
