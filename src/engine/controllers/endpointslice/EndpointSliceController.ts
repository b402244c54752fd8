import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { NodeObj, PodObj, ServiceObj } from '../framework/objects';
import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Informer, InformerFactory } from '../framework/Informer';
import { EventRecorder } from '../framework/EventRecorder';
import { candidatesForMap, indexLabelsAndController, indexMapSelector, selectorsFor } from '../framework/indexes';
import { keyOf, parseTime, rfc3339, splitKey } from '../framework/keys';
import { mapSelectorMatches } from '../framework/labelSelector';
import { sameEndpointInputs } from '../framework/pods';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  reconcileEndpointSlices,
  TRIGGER_TIME_ANNOTATION,
  type Slice,
} from './reconcileEndpointSlices';

export interface EndpointSliceControllerOptions {
  maxEndpointsPerSlice?: number;
}

/**
 * pkg/controller/endpointslice: keeps one set of EndpointSlices per Service with a selector.
 * Services, pods, nodes and its own slices all enqueue the affected Service.
 */
export class EndpointSliceController extends QueueController {
  private readonly services: Informer<ServiceObj>;
  private readonly pods: Informer<PodObj>;
  private readonly nodes: Informer<NodeObj>;
  private readonly slices: Informer<Slice>;
  private readonly recorder: EventRecorder;
  private readonly maxEndpointsPerSlice: number;
  /** The node lister the reconciler reads (made once: a closure per sync costs more than it reads). */
  private readonly nodeByName = (name: string): NodeObj | undefined => this.nodes.get(undefined, name);

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
    opts: EndpointSliceControllerOptions = {},
  ) {
    super('endpointslice', clock);
    this.maxEndpointsPerSlice = opts.maxEndpointsPerSlice ?? 100;
    this.recorder = new EventRecorder(client, clock, 'endpoint-slice-controller');
    this.services = informers.for(R.services);
    this.pods = informers.for(R.pods);
    this.nodes = informers.for(R.nodes);
    this.slices = informers.for(R.endpointSlices);
    indexLabelsAndController(this.pods);
    indexLabelsAndController(this.slices);
    indexMapSelector(this.services, (s) => s.spec?.selector);
    this.services.addHandlers({
      onAdd: (s) => this.enqueue(keyOf(s)),
      onUpdate: (_o, s) => this.enqueue(keyOf(s)),
      onDelete: (s) => this.enqueue(keyOf(s)),
    });
    const podChanged = (p: Pod) => this.enqueueServicesFor(p);
    this.pods.addHandlers({
      onAdd: podChanged,
      onUpdate: (o, p) => {
        // Like GetServicesToUpdateOnPodChange: an update that cannot change the pod's endpoint is no reason to resync.
        if (sameEndpointInputs(o, p)) return;
        this.enqueueServicesFor(p);
        // Same labels (the stored object kept them): the same Services, already queued.
        if (o.metadata?.labels !== p.metadata?.labels) this.enqueueServicesFor(o);
      },
      onDelete: podChanged,
    });
    // Node zone labels feed endpoint.zone, and a pod on a missing node is skipped until it appears.
    this.nodes.addHandlers({ onAdd: () => this.enqueueAllWithPods(), onDelete: () => this.enqueueAllWithPods() });
    const sliceChanged = (s: Slice) => {
      const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
      if (svc && s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME) this.enqueue(`${s.metadata.namespace}/${svc}`);
    };
    this.slices.addHandlers({ onAdd: sliceChanged, onUpdate: (_o, s) => sliceChanged(s), onDelete: sliceChanged });
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.services.getByKey(key);
    // NotFound: the slices carry an ownerReference, so the garbage collector removes them.
    if (!service) return;
    if (service.spec?.type === 'ExternalName') return;
    const selector = service.spec?.selector;
    if (!selector) return;
    const pods = candidatesForMap(this.pods, namespace, selector).filter((p) => mapSelectorMatches(selector, p.metadata.labels));
    const existing = candidatesForMap(this.slices, namespace, { [LABEL_SERVICE_NAME]: name })
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name && s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME);
    const changes = reconcileEndpointSlices({
      service,
      pods,
      nodes: this.nodeByName,
      existing,
      maxEndpointsPerSlice: this.maxEndpointsPerSlice,
    });
    const trigger = triggerTime(service, pods);
    for (const s of [...changes.create, ...changes.update]) {
      s.metadata.annotations = { ...(s.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: trigger };
    }
    if (!service.metadata.deletionTimestamp) {
      for (const s of changes.create) {
        try {
          this.client.create(R.endpointSlices, namespace, s);
        } catch (err) {
          this.recorder.event(service, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${namespace}/${name}: ${String((err as Error).message)}`);
          throw err;
        }
      }
    }
    for (const s of changes.update) this.client.update(R.endpointSlices, namespace, s);
    for (const s of changes.delete) {
      try {
        this.client.delete(R.endpointSlices, namespace, s.metadata.name ?? '');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    if (changes.skippedPods.length > 0) throw new Error(`skipping Pods ${changes.skippedPods.join(', ')} for Service ${key}: Node Not Found`);
  }

  private enqueueServicesFor(pod: Pod): void {
    for (const s of selectorsFor(this.services, pod.metadata?.namespace ?? '', pod.metadata?.labels)) {
      if (s.spec?.selector && mapSelectorMatches(s.spec.selector, pod.metadata?.labels)) this.enqueue(keyOf(s));
    }
  }

  private enqueueAllWithPods(): void {
    for (const s of this.services.list()) if (s.spec?.selector) this.enqueue(keyOf(s));
  }
}

/**
 * The last-change-trigger-time annotation: when the newest change that affects the slices
 * happened (a pod becoming ready or not, a pod created, or the Service itself).
 */
function triggerTime(service: Service, pods: Pod[]): string {
  let latest = parseTime(service.metadata?.creationTimestamp) ?? 0;
  for (const p of pods) {
    const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
    const t = parseTime(ready?.lastTransitionTime) ?? parseTime(p.metadata?.creationTimestamp) ?? 0;
    if (t > latest) latest = t;
  }
  return rfc3339(latest);
}
