import type { ClusterRole } from 'kubernetes-types/rbac/v1';
import type { ApiClient, KubeObject } from '../../api/types';
import type { VirtualClock } from '../../sim/VirtualClock';
import type { Informer, InformerFactory } from '../framework/Informer';
import { QueueController } from '../framework/QueueController';
import { R } from '../framework/resources';
import { aggregatedRules, sameRules } from './aggregateRules';

type ClusterRoleObj = ClusterRole & KubeObject;

/**
 * kube-controller-manager's clusterrole-aggregation controller: keeps the rules of every
 * ClusterRole with an `aggregationRule` (admin, edit, view, and any a learner writes) equal to
 * the union of the ClusterRoles its selectors match. Any ClusterRole change queues every
 * aggregated role, as upstream does ("the set of all clusterroles is small and we don't know
 * the dependency graph"), so chains such as view → edit → admin settle over a few syncs.
 */
export class ClusterRoleAggregationController extends QueueController {
  private readonly roles: Informer<ClusterRoleObj>;

  constructor(
    private readonly client: ApiClient,
    clock: VirtualClock,
    informers: InformerFactory,
  ) {
    super('clusterrole-aggregation', clock);
    this.roles = informers.for<ClusterRoleObj>(R.clusterRoles);
    const enqueueAll = () => {
      for (const r of this.roles.list()) if (r.aggregationRule) this.enqueue(r.metadata.name!);
    };
    this.roles.addHandlers({ onAdd: enqueueAll, onUpdate: enqueueAll, onDelete: enqueueAll });
  }

  protected sync(key: string): void {
    const role = this.roles.getByKey(key);
    if (!role) return;
    const rules = aggregatedRules(role, this.roles.list());
    if (!rules || sameRules(rules, role.rules)) return;
    // Upstream applies {rules} server-side as field manager clusterrole-aggregation-controller;
    // an update of the cached object says the same thing here.
    this.client.update(R.clusterRoles, undefined, { ...role, rules });
  }
}
