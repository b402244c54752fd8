import type { ApiClient } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Informer, InformerFactory } from '../framework/Informer';
import { indexLabelsAndController } from '../framework/indexes';
import { keyOf, splitKey } from '../framework/keys';
import type { EndpointSliceObj, EndpointsObj, ServiceObj } from '../framework/objects';
import { isNotFound, QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from '../endpointslice/reconcileEndpointSlices';
import { MIRRORING_CONTROLLER_NAME, reconcileMirroredSlices } from './reconcileMirroredSlices';

const MIRRORED_FOR = 'mirroredFor';

/** The `namespace/service` key a slice this controller manages mirrors (none for other slices). */
function mirroredFor(s: EndpointSliceObj): string[] {
  const labels = s.metadata.labels;
  if (labels?.[LABEL_MANAGED_BY] !== MIRRORING_CONTROLLER_NAME) return [];
  return [`${s.metadata.namespace ?? ''}/${labels[LABEL_SERVICE_NAME] ?? ''}`];
}

/** Mirrors user-managed Endpoints of selector-less Services into EndpointSlices. */
export class EndpointSliceMirroringController extends QueueController {
  private readonly services: Informer<ServiceObj>;
  private readonly endpoints: Informer<EndpointsObj>;
  private readonly slices: Informer<EndpointSliceObj>;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('endpointslicemirroring', clock);
    this.services = informers.for(R.services);
    this.endpoints = informers.for(R.endpoints);
    this.slices = informers.for(R.endpointSlices);
    indexLabelsAndController(this.slices);
    // Most Services have no mirrored slice: the sync finds out with one lookup of this index.
    this.slices.addIndex(MIRRORED_FOR, mirroredFor, (s) => s.metadata.labels);
    const byKey = (o: { metadata: { namespace?: string; name?: string } }) => this.enqueue(keyOf(o));
    this.services.addHandlers({ onAdd: byKey, onUpdate: (_o, s) => byKey(s), onDelete: byKey });
    this.endpoints.addHandlers({ onAdd: byKey, onUpdate: (_o, e) => byKey(e), onDelete: byKey });
    const sliceChanged = (s: EndpointSliceObj) => {
      if (s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME) this.enqueue(`${s.metadata.namespace}/${s.metadata.labels[LABEL_SERVICE_NAME]}`);
    };
    this.slices.addHandlers({ onUpdate: (_o, s) => sliceChanged(s), onDelete: sliceChanged });
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const existing = this.slices.byIndex({ index: MIRRORED_FOR, values: [key] });
    const changes = reconcileMirroredSlices(this.services.get(namespace, name), this.endpoints.get(namespace, name), existing);
    for (const s of changes.create) this.client.create(R.endpointSlices, namespace, s);
    for (const s of changes.update) this.client.update(R.endpointSlices, namespace, s);
    for (const s of changes.delete) {
      try {
        this.client.delete(R.endpointSlices, namespace, s.metadata.name ?? '');
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }
}
