import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Informer, InformerFactory } from '../framework/Informer';
import { EventRecorder } from '../framework/EventRecorder';
import { candidatesForMap, indexLabelsAndController, indexMapSelector, selectorsFor } from '../framework/indexes';
import { jsonEqual, keyOf, parseTime, rfc3339, splitKey } from '../framework/keys';
import { mapSelectorMatches } from '../framework/labelSelector';
import type { EndpointsObj, PodObj, ServiceObj } from '../framework/objects';
import { sameEndpointInputs } from '../framework/pods';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { TRIGGER_TIME_ANNOTATION } from '../endpointslice/reconcileEndpointSlices';
import { desiredEndpoints, OVER_CAPACITY_ANNOTATION, sameSubsetsIgnoringRefVersions } from './reconcileEndpoints';

/**
 * pkg/controller/endpoint: the legacy Endpoints object named after each Service with a selector.
 * When the Service is gone (NotFound) the Endpoints object is deleted here: it carries no owner
 * reference, so nothing else would remove it.
 */
export class EndpointsController extends QueueController {
  private readonly services: Informer<ServiceObj>;
  private readonly pods: Informer<PodObj>;
  private readonly endpoints: Informer<EndpointsObj>;
  private readonly recorder: EventRecorder;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('endpoint', clock);
    this.recorder = new EventRecorder(client, clock, 'endpoint-controller');
    this.services = informers.for(R.services);
    this.pods = informers.for(R.pods);
    indexLabelsAndController(this.pods);
    indexMapSelector(this.services, (s) => s.spec?.selector);
    this.endpoints = informers.for(R.endpoints);
    this.services.addHandlers({ onAdd: (s) => this.enqueue(keyOf(s)), onUpdate: (_o, s) => this.enqueue(keyOf(s)), onDelete: (s) => this.enqueue(keyOf(s)) });
    this.pods.addHandlers({
      onAdd: (p) => this.enqueueFor(p),
      onUpdate: (o, p) => {
        // Like GetServicesToUpdateOnPodChange: an update that cannot move the pod's address is no reason to resync.
        if (sameEndpointInputs(o, p)) return;
        this.enqueueFor(o);
        // Same labels (the stored object kept them): the same Services, already queued.
        if (p.metadata?.labels !== o.metadata?.labels) this.enqueueFor(p);
      },
      onDelete: (p) => this.enqueueFor(p),
    });
    // Someone editing or deleting a managed Endpoints object gets it put back.
    this.endpoints.addHandlers({ onUpdate: (_o, e) => this.enqueue(keyOf(e)), onDelete: (e) => this.enqueue(keyOf(e)) });
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.services.getByKey(key);
    if (!service) {
      try {
        this.client.delete(R.endpoints, namespace, name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return;
    }
    if (service.spec?.type === 'ExternalName') return;
    const selector = service.spec?.selector;
    if (!selector) return;
    const pods = candidatesForMap(this.pods, namespace, selector).filter((p) => mapSelectorMatches(selector, p.metadata.labels));
    const current = this.endpoints.getByKey(key);
    const desired = desiredEndpoints(service, pods, triggerTime(service, pods));
    if (current && upToDate(current, desired)) return;
    // Only the top level and metadata change below: the rest stays shared with the cached object.
    const next: EndpointsObj = current ? { ...current, metadata: { ...current.metadata } } : desired;
    if (current) {
      next.metadata.labels = desired.metadata.labels;
      const annotations = { ...(current.metadata.annotations ?? {}), ...(desired.metadata.annotations ?? {}) };
      if (!desired.metadata.annotations?.[OVER_CAPACITY_ANNOTATION]) delete annotations[OVER_CAPACITY_ANNOTATION];
      next.metadata.annotations = annotations;
      if (desired.subsets) next.subsets = desired.subsets;
      else delete next.subsets;
    }
    try {
      if (current) this.client.update(R.endpoints, namespace, next);
      else this.client.create(R.endpoints, namespace, next);
    } catch (err) {
      const verb = current ? 'update' : 'create';
      this.recorder.event(service, 'Warning', current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', `Failed to ${verb} endpoint ${namespace}/${name}: ${(err as Error).message}`);
      throw err;
    }
  }

  private enqueueFor(pod: Pod): void {
    for (const s of selectorsFor(this.services, pod.metadata?.namespace ?? '', pod.metadata?.labels)) if (s.spec?.selector && mapSelectorMatches(s.spec.selector, pod.metadata?.labels)) this.enqueue(keyOf(s));
  }
}

function upToDate(current: EndpointsObj, desired: EndpointsObj): boolean {
  return (
    sameSubsetsIgnoringRefVersions(current.subsets ?? [], desired.subsets ?? []) &&
    jsonEqual(current.metadata.labels ?? {}, desired.metadata.labels ?? {}) &&
    (current.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] ?? '') === (desired.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] ?? '')
  );
}

function triggerTime(service: ServiceObj, pods: Pod[]): string {
  let latest = parseTime(service.metadata.creationTimestamp) ?? 0;
  for (const p of pods) {
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
    latest = Math.max(latest, parseTime(ready?.lastTransitionTime) ?? parseTime(p.metadata?.creationTimestamp) ?? 0);
  }
  return rfc3339(latest);
}
export { TRIGGER_TIME_ANNOTATION };
