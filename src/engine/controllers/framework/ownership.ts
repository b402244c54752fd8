import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';

/** metav1.NewControllerRef: what a controller stamps on what it creates. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export type ClaimDecision = 'owned' | 'adopt' | 'release' | 'ignore';

/**
 * ControllerRefManager.ClaimObject: objects we control and still match are ours; ours that no
 * longer match are released; orphans that match are adopted (unless either side is being
 * deleted); anything controlled by someone else is not our business.
 */
export function claim(owner: KubeObject, obj: KubeObject, matches: boolean): ClaimDecision {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'ignore';
    if (matches) return 'owned';
    return owner.metadata.deletionTimestamp ? 'owned' : 'release';
  }
  if (!matches || owner.metadata.deletionTimestamp || obj.metadata.deletionTimestamp) return 'ignore';
  return 'adopt';
}

/** The merge patch that adopts `obj` (the real manager sends the same shape as a strategic patch). */
export function adoptPatch(owner: KubeObject, obj: KubeObject): unknown {
  return { metadata: { ownerReferences: [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)], uid: obj.metadata.uid } };
}

export function releasePatch(owner: KubeObject, obj: KubeObject): unknown {
  const rest = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  return { metadata: { ownerReferences: rest.length ? rest : null, uid: obj.metadata.uid } };
}
