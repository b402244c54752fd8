/**
 * The `scale` subresource of Deployments and ReplicaSets (what `kubectl scale` talks to): an
 * `autoscaling/v1` Scale view of the parent's replicas and selector.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { labelSelectorAsSelector, selectorToString } from '../../store/labelSelector';
import type { FieldError } from '../validation/fieldErrors';
import { invalid } from '../validation/fieldErrors';
import type { KubeObject } from '../types';

export const SCALABLE = new Set(['deployments.apps', 'replicasets.apps']);

export function toScale(parent: KubeObject): KubeObject {
  const spec = (parent.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (parent.status ?? {}) as { replicas?: number };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = parent.metadata;
  const sel = labelSelectorAsSelector(spec.selector);
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(sel ? { selector: selectorToString(sel) } : {}) },
  };
}

/** The parent with the Scale's replicas applied. */
export function applyScale(parent: KubeObject, scale: KubeObject): KubeObject {
  return { ...parent, spec: { ...(parent.spec as object), replicas: (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0 } };
}

export function validateScale(scale: KubeObject): FieldError[] {
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  return replicas < 0 ? [invalid('spec.replicas', replicas, 'must be greater than or equal to 0')] : [];
}
