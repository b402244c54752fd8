import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { EventRecorder } from '../framework/EventRecorder';
import type { Informer, InformerFactory } from '../framework/Informer';
import { keyOf, rfc3339, splitKey } from '../framework/keys';
import type { NodeObj, PodObj } from '../framework/objects';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { evictionTime } from './evictionTime';
import { reconcileNode } from './reconcileNode';

export interface NodeLifecycleOptions {
  /** --node-monitor-grace-period. */
  gracePeriodMs?: number;
}

/**
 * pkg/controller/nodelifecycle plus the taint eviction controller: marks silent nodes Unknown,
 * taints them, marks their pods not ready, and evicts pods once their NoExecute tolerations
 * run out (300 s by default, added by the DefaultTolerationSeconds admission plugin).
 */
export class NodeLifecycleController extends QueueController {
  private readonly nodes: Informer<NodeObj>;
  private readonly pods: Informer<PodObj>;
  private readonly recorder: EventRecorder;
  private readonly evictionRecorder: EventRecorder;
  private readonly gracePeriodMs: number;
  private readonly checks = new Map<string, number>();

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
    opts: NodeLifecycleOptions = {},
  ) {
    super('nodelifecycle', clock);
    this.gracePeriodMs = opts.gracePeriodMs ?? 50_000;
    this.recorder = new EventRecorder(client, clock, 'node-controller');
    this.evictionRecorder = new EventRecorder(client, clock, 'taint-eviction-controller');
    this.nodes = informers.for(R.nodes);
    this.pods = informers.for(R.pods);
    this.nodes.addHandlers({ onAdd: (n) => this.enqueue(keyOf(n)), onUpdate: (_o, n) => this.enqueue(keyOf(n)) });
    this.pods.addHandlers({
      onAdd: (p) => p.spec?.nodeName && this.enqueue(`pod:${keyOf(p)}`),
      onUpdate: (_o, p) => p.spec?.nodeName && this.enqueue(`pod:${keyOf(p)}`),
    });
  }

  protected sync(key: string): void {
    if (key.startsWith('pod:')) return this.syncPod(key.slice(4));
    const node = this.nodes.get(undefined, key);
    if (!node) return;
    const now = this.clock.now();
    const h = reconcileNode(node, undefined, now, this.gracePeriodMs);
    let current = node;
    if (h.conditions) {
      current = this.client.updateStatus<NodeObj>(R.nodes, undefined, { ...current, status: { ...(current.status ?? {}), conditions: h.conditions } });
      if (h.becameNotReady) {
        this.recorder.event(current, 'Normal', 'NodeNotReady', `Node ${key} status is now: NodeNotReady`);
        this.markPodsNotReady(key);
      }
    }
    if (h.taints) {
      this.client.update<NodeObj>(R.nodes, undefined, { ...current, spec: { ...(current.spec ?? {}), taints: h.taints.length ? h.taints : undefined } });
    }
    if (h.taints || h.conditions) for (const p of this.pods.list()) if (p.spec?.nodeName === key) this.enqueue(`pod:${keyOf(p)}`);
    this.schedule(key, h.recheckInMs);
  }

  private syncPod(podKey: string): void {
    const { namespace, name } = splitKey(podKey);
    const pod = this.pods.get(namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return;
    const node = this.nodes.get(undefined, pod.spec.nodeName);
    if (!node) return;
    const now = this.clock.now();
    const at = evictionTime(pod, node.spec?.taints ?? [], now);
    if (at === undefined) return;
    if (at > now) {
      this.schedule(`pod:${podKey}`, at - now);
      return;
    }
    this.evictionRecorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey}`);
    try {
      this.client.delete(R.pods, namespace, name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** nodeutil.MarkPodsNotReady: pods on a lost node stop being Ready (so endpoints drop them). */
  private markPodsNotReady(nodeName: string): void {
    const now = rfc3339(this.clock.now());
    for (const p of this.pods.list()) {
      if (p.spec?.nodeName !== nodeName) continue;
      const conds = p.status?.conditions ?? [];
      if (!conds.some((c) => c.type === 'Ready' && c.status !== 'False')) continue;
      const next = conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      try {
        this.client.updateStatus(R.pods, p.metadata.namespace, { ...p, status: { ...(p.status ?? {}), conditions: next } });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  /** One pending timer per key: a later deadline replaces an earlier-scheduled one. */
  private schedule(key: string, delayMs: number): void {
    const prev = this.checks.get(key);
    if (prev !== undefined) this.clock.cancel(prev);
    const id = this.clock.schedule(delayMs, `nodelifecycle: ${key}`, () => {
      this.checks.delete(key);
      this.enqueue(key);
    }, true);
    this.checks.set(key, id);
  }
}
