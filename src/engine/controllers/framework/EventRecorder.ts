import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import { R } from './resources';
import { rfc3339 } from './keys';

export type EventType = 'Normal' | 'Warning';

interface SeenEvent {
  namespace: string;
  name: string;
  count: number;
}

/**
 * client-go's record.EventRecorder for one component: writes core/v1 Events named
 * `<object>.<unix-nanos in hex>` and, like the EventLogger in client-go's EventCorrelator,
 * turns a repeat of an identical event into a count bump on the existing one instead of a new
 * object. Recording is best effort: a failed write never fails the controller.
 */
export class EventRecorder {
  private readonly seen = new Map<string, SeenEvent>();
  /** Nanosecond offset so two events in one virtual millisecond still get distinct names. */
  private lastNanos = 0n;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: VirtualClock,
    /** `source.component`, e.g. `deployment-controller`. */
    readonly component: string,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    const ref = referenceTo(obj);
    const key = [this.component, ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, type, reason, message].join('\u0000');
    const now = rfc3339(this.clock.now());
    try {
      const prior = this.seen.get(key);
      if (prior) {
        prior.count++;
        this.client.patch(R.events, prior.namespace, prior.name, 'merge', { count: prior.count, lastTimestamp: now, message });
        return;
      }
      const namespace = ref.namespace || 'default';
      const ev: Event & KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${ref.name}.${this.nextNanos().toString(16)}`, namespace },
        involvedObject: ref,
        reason,
        message,
        source: { component: this.component },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null as unknown as string,
        reportingComponent: this.component,
        reportingInstance: '',
      };
      const created = this.client.create(R.events, namespace, ev);
      this.seen.set(key, { namespace, name: created.metadata.name ?? ev.metadata.name!, count: 1 });
    } catch {
      // Events are informational; the real recorder also drops them when the API refuses.
    }
  }

  eventf(obj: KubeObject, type: EventType, reason: string, message: string): void {
    this.event(obj, type, reason, message);
  }

  private nextNanos(): bigint {
    let n = BigInt(this.clock.now()) * 1_000_000n;
    if (n <= this.lastNanos) n = this.lastNanos + 1n;
    this.lastNanos = n;
    return n;
  }
}

/** The ObjectReference client-go's reference.GetReference builds for an object. */
export function referenceTo(obj: KubeObject): ObjectReference & { kind: string; name: string } {
  const ref: ObjectReference & { kind: string; name: string } = { kind: obj.kind, name: obj.metadata.name ?? '' };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  ref.apiVersion = obj.apiVersion;
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}
