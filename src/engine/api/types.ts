/**
 * The contract between the simulated API server and everything that talks to it (controllers,
 * kubelets, kube-proxy, CoreDNS, kubectl). Everything is synchronous: the simulation is single
 * threaded and deterministic, so a request completes before the caller continues, and watch
 * events are delivered in resourceVersion order.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** `T` with its `readonly` modifiers removed (kubernetes-types marks every field readonly). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Any API object as stored: plain JSON data, safe to snapshot and to send to the UI. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Mutable<ObjectMeta>;
  [field: string]: unknown;
}

/** Who is making a request (after authentication or impersonation). */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** A resource as the discovery API describes it (what `kubectl api-resources` lists). */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural lower-case resource name, e.g. `endpointslices`. */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  /** Category memberships, e.g. `all` for `kubectl get all`. */
  categories?: string[];
}

export interface WatchOptions extends ListOptions {
  fromResourceVersion?: number;
  /**
   * Called if the server ends the watch (its API server was replaced by a restore, as a real
   * server closes watches when it stops); the watch delivers nothing after it.
   */
  onClose?: () => void;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  /** For MODIFIED, the object as it was before this change. */
  oldObject?: T;
  resourceVersion: number;
  /** Who caused it: `user:<name>` or `controller:<name>`, for the event log and the UI. */
  source: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  /** `All` runs the whole request path but stores nothing (kubectl --dry-run=server). */
  dryRun?: boolean;
  /** Field manager name, as kubectl sends it (`kubectl-client-side-apply`, ...). */
  fieldManager?: string;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
}

export type PatchType = 'merge' | 'strategic' | 'json';

/** The reasons the real API server puts into `Status.reason`. */
export const StatusReason = {
  NotFound: 'NotFound',
  AlreadyExists: 'AlreadyExists',
  Conflict: 'Conflict',
  Invalid: 'Invalid',
  Forbidden: 'Forbidden',
  BadRequest: 'BadRequest',
  MethodNotAllowed: 'MethodNotAllowed',
  Unauthorized: 'Unauthorized',
  InternalError: 'InternalError',
  Gone: 'Gone',
} as const;
export type StatusReason = (typeof StatusReason)[keyof typeof StatusReason];

/** One field error: renders as `<field>: <type>[: <value>][: <detail>]` (REFERENCE §4.3). */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** A failed request, carrying exactly what the real API server returns in its Status object. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details: { name?: string; group?: string; kind?: string; causes?: StatusCause[] } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}

export type Unsubscribe = () => void;

/**
 * A client bound to one user. `resource` is the plural resource name with its group
 * (`services`, `deployments.apps`, `endpointslices.discovery.k8s.io`); `namespace` is ignored
 * for cluster-scoped resources and `undefined` means all namespaces for lists and watches.
 */
export interface ApiClient {
  readonly user: UserInfo;
  create<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T, opts?: WriteOptions): T;
  get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T;
  /** Returns undefined instead of throwing NotFound; what controllers' listers do. */
  tryGet<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined;
  list<T extends KubeObject>(resource: string, namespace: string | undefined, opts?: ListOptions): { items: T[]; resourceVersion: number };
  update<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T, opts?: WriteOptions): T;
  updateStatus<T extends KubeObject>(resource: string, namespace: string | undefined, obj: T): T;
  patch<T extends KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): T;
  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): KubeObject;
  /**
   * Streams changes after `fromResourceVersion` (or from now). Handlers run synchronously after
   * the write that caused them, so they must only record or enqueue, never write back directly.
   */
  watch(resource: string, namespace: string | undefined, handler: (ev: WatchEvent) => void, opts?: WatchOptions): Unsubscribe;
  /**
   * API warnings of the most recent request (kubectl prints each as `Warning: <text>` on
   * stderr), cleared on read. Optional so test doubles need not implement it.
   */
  takeWarnings?(): string[];
  /** A client acting as another user (`kubectl --as/--as-group`); requires the impersonate verb. */
  impersonate?(as: { name: string; groups?: string[] }): ApiClient;
}
