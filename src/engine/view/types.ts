/**
 * What the UI is told about the cluster: small plain records derived from API objects, keyed by
 * `kind/namespace/name`. The topology, the lab panel and the packet player draw from these only.
 */
export interface NodeRecord {
  kind: 'node';
  key: string;
  name: string;
  internalIP: string;
  podCIDR: string;
  role: 'control-plane' | 'worker';
  ready: boolean;
}

export interface PodRecord {
  kind: 'pod';
  key: string;
  namespace: string;
  name: string;
  node?: string;
  ip?: string;
  /** The STATUS column of `kubectl get pods` (Running, ContainerCreating, CrashLoopBackOff...). */
  status: string;
  ready: boolean;
  labels: Record<string, string>;
  /** Owner kind and name (`ReplicaSet/web-5d78c9b8f6`), for grouping. */
  owner?: string;
  /** Static control-plane pods and host-network pods share the node's address. */
  hostNetwork: boolean;
}

export interface ServiceRecord {
  kind: 'service';
  key: string;
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  /** The PORT(S) column of `kubectl get svc`. */
  ports: string;
  selector: Record<string, string>;
  externalName?: string;
}

/** One endpoint of a Service, from its EndpointSlices. */
export interface EndpointRecord {
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  node?: string;
  /** `namespace/name` of the backing pod. */
  pod?: string;
}

export interface EndpointSliceRecord {
  kind: 'endpointslice';
  key: string;
  namespace: string;
  name: string;
  /** The Service this slice belongs to (`kubernetes.io/service-name`). */
  service?: string;
  endpoints: EndpointRecord[];
  ports: string[];
}

export type ViewRecord = NodeRecord | PodRecord | ServiceRecord | EndpointSliceRecord;

/** A batch of changes: records to add or replace, keys to remove. `reset` replaces everything. */
export interface ViewDelta {
  reset: boolean;
  upserts: ViewRecord[];
  deletes: string[];
}
