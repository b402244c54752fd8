import type { ApiClient } from '../../api/types';
import { clusterObjects, type ClusterSettings } from './clusterObjects';

/**
 * Creates kubeadm's objects through the API (as the admin and the API server itself would).
 * Nodes are registered by their kubelets; CoreDNS and kube-proxy pods come from the Deployment
 * and DaemonSet controllers.
 */
export function bootstrapCluster(api: ApiClient, s: ClusterSettings): void {
  for (const item of clusterObjects(s)) {
    try {
      api.create(item.resource, item.namespace, item.object);
    } catch (e) {
      // The API server may create some of these itself (namespaces, the kubernetes Service).
      if (!(e instanceof Error && /already exists/.test(e.message))) throw e;
    }
  }
}
