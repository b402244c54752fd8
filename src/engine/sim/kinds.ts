import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';

/** A Pod as the ApiClient hands it out (kubernetes-types plus the stored-object guarantees). */
export type PodObject = Pod & KubeObject;
/** A Node as the ApiClient hands it out. */
export type NodeObject = Node & KubeObject;
