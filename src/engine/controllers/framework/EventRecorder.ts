import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../api/types';
import { EventRecorder as ObjectEventRecorder } from '../../sim/events';
import type { VirtualClock } from '../../sim/VirtualClock';

export type EventType = 'Normal' | 'Warning';

/**
 * client-go's record.EventRecorder for one controller, speaking in objects: a thin face over the
 * simulation's one recorder (`sim/events.ts`: `<object>.<unix-nanos hex>` names, repeats
 * aggregated into `count`), so controllers, the scheduler and kubelets write Events the same way.
 */
export class EventRecorder {
  private readonly recorder: ObjectEventRecorder;

  constructor(
    client: ApiClient,
    clock: VirtualClock,
    /** `source.component`, e.g. `deployment-controller`. */
    readonly component: string,
  ) {
    this.recorder = new ObjectEventRecorder(client, clock, component);
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string): void {
    const ref = referenceTo(obj);
    this.recorder.record({ kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}), ...(ref.uid ? { uid: ref.uid } : {}), ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}), ...(ref.resourceVersion ? { resourceVersion: ref.resourceVersion } : {}) }, type, reason, message);
  }

  eventf(obj: KubeObject, type: EventType, reason: string, message: string): void {
    this.event(obj, type, reason, message);
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
