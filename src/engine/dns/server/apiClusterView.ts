import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Namespace, Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject, Unsubscribe } from '../../api/types';
import type { ClusterView } from './ClusterView';

const RESOURCES = ['namespaces', 'services', 'endpointslices.discovery.k8s.io', 'pods'] as const;
type Resource = (typeof RESOURCES)[number];

/**
 * A {@link ClusterView} backed by the API server, the way CoreDNS's informers are: it watches
 * the four resources, bumps `version()` on every event (so the DNS index rebuilds lazily on
 * the next query) and remembers when the last change happened for the SOA serial.
 */
export class ApiClusterView implements ClusterView {
  private rev = 0;
  private modified: number;
  private readonly lists = new Map<Resource, KubeObject[]>();
  private readonly stops: Unsubscribe[];

  constructor(
    private readonly api: ApiClient,
    private readonly now: () => number,
  ) {
    this.modified = Math.floor(now() / 1000);
    // Watch handlers only record (ApiClient contract): the lists are re-read on the next query.
    this.stops = RESOURCES.map((r) =>
      api.watch(r, undefined, () => {
        this.rev++;
        this.lists.delete(r);
        this.modified = Math.floor(this.now() / 1000);
      }),
    );
  }

  version(): number {
    return this.rev;
  }

  lastModified(): number {
    return this.modified;
  }

  namespaces(): readonly Namespace[] {
    return this.list('namespaces') as Namespace[];
  }

  services(): readonly Service[] {
    return this.list('services') as Service[];
  }

  endpointSlices(): readonly EndpointSlice[] {
    return this.list('endpointslices.discovery.k8s.io') as unknown as EndpointSlice[];
  }

  pods(): readonly Pod[] {
    return this.list('pods') as Pod[];
  }

  /** Stops watching (the CoreDNS pod went away). */
  dispose(): void {
    for (const stop of this.stops) stop();
  }

  private list(r: Resource): KubeObject[] {
    let items = this.lists.get(r);
    if (!items) {
      items = this.api.list(r, undefined).items;
      this.lists.set(r, items);
    }
    return items;
  }
}
