import type { ApiClient } from '../../api/types';

/**
 * Deletes with a propagation policy. The real API server's registry turns `Foreground` into the
 * `foregroundDeletion` finalizer (and `Orphan` into `orphan`) before marking the object deleted;
 * ours does not do that step yet, so the garbage collector adds the finalizer itself first. Once
 * the API server does it, the finalizer is already there and this is a plain delete.
 */
export function deleteWithPolicy(client: ApiClient, resource: string, namespace: string | undefined, name: string, policy: 'Background' | 'Foreground' | 'Orphan'): void {
  const finalizer = policy === 'Foreground' ? 'foregroundDeletion' : policy === 'Orphan' ? 'orphan' : undefined;
  if (finalizer) {
    const cur = client.tryGet(resource, namespace, name);
    if (!cur || cur.metadata.deletionTimestamp) return;
    if (!(cur.metadata.finalizers ?? []).includes(finalizer)) {
      client.update(resource, namespace, { ...cur, metadata: { ...cur.metadata, finalizers: [...(cur.metadata.finalizers ?? []), finalizer] } });
    }
  }
  client.delete(resource, namespace, name, { propagationPolicy: policy });
}
