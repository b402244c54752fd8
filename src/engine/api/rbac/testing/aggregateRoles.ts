/**
 * Test helper: what kube-controller-manager's clusterrole-aggregation controller does to a fresh
 * cluster (view, edit and admin get their rules). A bare ApiServer has no controller manager, so
 * its aggregated roles stay empty, as a real API server's would.
 */
import { ClusterRoleAggregationController } from '../../../controllers/clusterroleaggregation/ClusterRoleAggregationController';
import { InformerFactory } from '../../../controllers/framework/Informer';
import type { VirtualClock } from '../../../sim/VirtualClock';
import type { ApiServer } from '../../ApiServer';

export function aggregateRoles(server: ApiServer, clock: VirtualClock): void {
  const client = server.system('clusterrole-aggregation-controller');
  const informers = new InformerFactory(client);
  const controller = new ClusterRoleAggregationController(client, clock, informers);
  informers.startAll();
  while (controller.processPending());
  informers.stopAll();
}
