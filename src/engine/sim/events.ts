import { rfc3339 } from '../api/metadata';
import type { ApiClient, KubeObject } from '../api/types';
import type { VirtualClock } from './VirtualClock';

export { rfc3339 };

/** What an event is about (`involvedObject`). */
export interface EventTarget {
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
  /** e.g. `spec.containers{nginx}` for container events. */
  fieldPath?: string;
}

/**
 * Writes core/v1 Events the way client-go's recorder does: named `<object>.<unix-nanos hex>`,
 * and identical events (same object, reason, message, type, source) aggregated by bumping
 * `count` and `lastTimestamp`, which is what `kubectl describe` shows as `(x3 over 2m)`.
 */
export class EventRecorder {
  private seen = new Map<string, string>();

  constructor(
    private readonly api: ApiClient,
    private readonly clock: VirtualClock,
    private readonly component: string,
    private readonly host?: string,
  ) {}

  record(target: EventTarget, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const ns = target.namespace ?? 'default';
    const now = rfc3339(this.clock.now());
    const key = [target.uid ?? target.name, target.fieldPath ?? '', type, reason, message].join('\u0000');
    const existing = this.seen.get(key);
    if (existing) {
      const ev = this.api.tryGet<KubeObject>('events', ns, existing);
      if (ev) {
        this.api.update('events', ns, { ...ev, count: ((ev['count'] as number) ?? 1) + 1, lastTimestamp: now });
        return;
      }
    }
    const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.seen.size);
    const name = `${target.name}.${nanos.toString(16)}`;
    const involvedObject: Record<string, string> = { kind: target.kind, name: target.name, namespace: ns, apiVersion: target.apiVersion ?? 'v1' };
    if (target.uid) involvedObject['uid'] = target.uid;
    if (target.resourceVersion) involvedObject['resourceVersion'] = target.resourceVersion;
    if (target.fieldPath) involvedObject['fieldPath'] = target.fieldPath;
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject,
      reason,
      message,
      source: this.host ? { component: this.component, host: this.host } : { component: this.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
    try {
      this.api.create('events', ns, ev);
      this.seen.set(key, name);
    } catch {
      // Events are best effort, as in client-go: a terminating namespace may refuse them.
    }
  }

  /** The aggregation cache, for snapshots. */
  save(): [string, string][] {
    return [...this.seen];
  }

  restore(entries: [string, string][]): void {
    this.seen = new Map(entries);
  }
}
