import type { Event, Namespace, Node, Pod, Service, Endpoints } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/types';

/** A kubernetes-types object as the API stores it: kind, apiVersion and metadata always set. */
export type Obj<T> = T & KubeObject;

export type ServiceObj = Obj<Service>;
export type PodObj = Obj<Pod>;
export type NodeObj = Obj<Node>;
export type NamespaceObj = Obj<Namespace>;
export type EndpointsObj = Obj<Endpoints>;
export type EndpointSliceObj = Obj<EndpointSlice>;
export type EventObj = Obj<Event>;
export type DeploymentObj = Obj<Deployment>;
export type ReplicaSetObj = Obj<ReplicaSet>;
export type DaemonSetObj = Obj<DaemonSet>;
