/**
 * Per-kind registry behaviour (the apiserver's `RESTCreateStrategy`/`RESTUpdateStrategy`):
 * defaulting and mutating admission, validation, status and generation handling, and
 * allocation of cluster resources (ClusterIPs, NodePorts).
 */
import type { Rng } from '../sim/Rng';
import type { ClusterIpAllocator } from './allocators/ClusterIpAllocator';
import type { NodePortAllocator } from './allocators/NodePortAllocator';
import type { KubeObject } from './types';
import type { FieldError } from './validation/fieldErrors';
import type { NameValidator } from './validation/objectMeta';

export interface StrategyContext {
  rng: Rng;
  /** Virtual now, in ms. */
  now: number;
  clusterIPs: ClusterIpAllocator;
  nodePorts: NodePortAllocator;
  /** Reads stored objects (e.g. a Pod's ServiceAccount), without authorization. */
  lookup(resource: string, namespace: string, name: string): KubeObject | undefined;
}

export interface KindStrategy {
  validateName: NameValidator;
  /** Has a `/status` subresource: main-resource updates keep the stored status, and vice versa. */
  hasStatus: boolean;
  /** Bumps `metadata.generation` when anything outside metadata and status changes. */
  tracksGeneration: boolean;
  /** Defaulting and mutating admission for a new object (status already reset). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Defaulting for an update; `old` is the stored object. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** The status a freshly created object starts with (status is not user-settable on create). */
  initialStatus?(obj: KubeObject): unknown;
  validate?(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /**
   * Reserves what the object needs (diffing against `old` on update); throws ApiError. Returns
   * an undo function for when a later stage fails.
   */
  allocate?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): () => void;
  /** Frees what {@link allocate} reserved, when the object is finally removed. */
  release?(obj: KubeObject, ctx: StrategyContext): void;
}
