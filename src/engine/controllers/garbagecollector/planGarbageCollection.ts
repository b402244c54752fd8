import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';

/** A node of the ownership graph: an object and where it lives. */
export interface GraphObject {
  resource: string;
  obj: KubeObject;
}

export type GcAction =
  | { kind: 'delete'; target: GraphObject; propagationPolicy: 'Background' | 'Foreground' }
  | { kind: 'removeOwnerRefs'; target: GraphObject; uids: string[] }
  | { kind: 'removeFinalizer'; target: GraphObject; finalizer: string };

export interface GcView {
  /** The live object with this uid, if it exists. */
  byUid(uid: string): GraphObject | undefined;
  /** Objects with an ownerReference to `uid`. */
  dependentsOf(uid: string): GraphObject[];
}

/**
 * What the garbage collector does for one object (attemptToDeleteItem / processDeletingDependents
 * / orphanDependents in pkg/controller/garbagecollector), as a pure decision:
 * - an owner deleted with `Orphan` has its dependents' references removed, then its finalizer;
 * - an owner deleted with `Foreground` waits until no blocking dependent is left, deleting them
 *   in the foreground too, then loses its finalizer;
 * - a dependent whose owners are all gone is deleted (in the background; in the foreground when
 *   an owner is itself waiting on it); dangling references next to live owners are removed.
 */
export function planGarbageCollection(item: GraphObject, view: GcView): GcAction[] {
  const { obj } = item;
  const uid = obj.metadata.uid ?? '';
  const finalizers = obj.metadata.finalizers ?? [];
  if (obj.metadata.deletionTimestamp) {
    if (finalizers.includes('orphan')) {
      const deps = view.dependentsOf(uid);
      return [...deps.map((d): GcAction => ({ kind: 'removeOwnerRefs', target: d, uids: [uid] })), { kind: 'removeFinalizer', target: item, finalizer: 'orphan' }];
    }
    if (finalizers.includes('foregroundDeletion')) {
      const blocking = view.dependentsOf(uid).filter((d) => refTo(d.obj, uid)?.blockOwnerDeletion === true);
      if (blocking.length === 0) return [{ kind: 'removeFinalizer', target: item, finalizer: 'foregroundDeletion' }];
      return blocking.filter((d) => !d.obj.metadata.deletionTimestamp).map((d): GcAction => ({ kind: 'delete', target: d, propagationPolicy: 'Foreground' }));
    }
    return [];
  }
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return [];
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const ref of refs) {
    const owner = view.byUid(ref.uid);
    if (!owner || owner.obj.kind !== ref.kind) dangling.push(ref);
    else if (owner.obj.metadata.deletionTimestamp && (owner.obj.metadata.finalizers ?? []).includes('foregroundDeletion')) waiting.push(ref);
    else solid.push(ref);
  }
  if (solid.length > 0) {
    const remove = [...dangling, ...waiting].map((r) => r.uid);
    return remove.length ? [{ kind: 'removeOwnerRefs', target: item, uids: remove }] : [];
  }
  if (waiting.some((r) => r.blockOwnerDeletion)) return [{ kind: 'delete', target: item, propagationPolicy: 'Foreground' }];
  if (dangling.length > 0 || waiting.length > 0) {
    // Owners are all gone (or going without waiting for us): follow the default for the kind.
    return [{ kind: 'delete', target: item, propagationPolicy: 'Background' }];
  }
  return [];
}

function refTo(obj: KubeObject, uid: string): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.uid === uid);
}
