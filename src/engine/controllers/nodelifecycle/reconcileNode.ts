import type { NodeCondition, Taint } from 'kubernetes-types/core/v1';
import { parseTime, rfc3339 } from '../framework/keys';
import type { NodeObj } from '../framework/objects';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';

export interface NodeHealth {
  /** Conditions to write (all Unknown once the kubelet stopped posting), or undefined: no change. */
  conditions?: NodeCondition[];
  /** The node's taints after this pass, or undefined: no change. */
  taints?: Taint[];
  /** `NodeNotReady` event to record. */
  becameNotReady: boolean;
  /** When to look again, ms from now. */
  recheckInMs: number;
}

/**
 * monitorNodeHealth + doNoExecuteTaintingPass for one node: a node whose last heartbeat is older
 * than the grace period gets every condition set to Unknown ("Kubelet stopped posting node
 * status."); an Unknown/False Ready condition earns the unreachable/not-ready NoSchedule and
 * NoExecute taints, which go away when the node is Ready again.
 */
export function reconcileNode(node: NodeObj, lastHeartbeatMs: number | undefined, nowMs: number, gracePeriodMs: number): NodeHealth {
  const now = rfc3339(nowMs);
  const conds = node.status?.conditions ?? [];
  const ready = conds.find((c) => c.type === 'Ready');
  const heartbeat = lastHeartbeatMs ?? parseTime(ready?.lastHeartbeatTime) ?? parseTime(node.metadata.creationTimestamp) ?? nowMs;
  let conditions: NodeCondition[] | undefined;
  let becameNotReady = false;
  if (nowMs - heartbeat >= gracePeriodMs && ready?.status !== 'Unknown') {
    const types = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
    conditions = conds.map((c) =>
      types.includes(c.type) && c.status !== 'Unknown'
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
        : c,
    );
    for (const t of types) {
      if (!conditions.some((c) => c.type === t)) conditions.push({ type: t, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: now, lastTransitionTime: now });
    }
    becameNotReady = ready?.status === 'True';
  }
  const effectiveReady = (conditions ?? conds).find((c) => c.type === 'Ready')?.status ?? 'Unknown';
  const current = node.spec?.taints ?? [];
  const ours = (t: Taint) => t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY;
  const wantKey = effectiveReady === 'Unknown' ? TAINT_UNREACHABLE : effectiveReady === 'False' ? TAINT_NOT_READY : undefined;
  const desired: Taint[] = current.filter((t) => !ours(t) || t.key === wantKey);
  if (wantKey) {
    if (!desired.some((t) => t.key === wantKey && t.effect === 'NoSchedule')) desired.push({ key: wantKey, effect: 'NoSchedule' });
    if (!desired.some((t) => t.key === wantKey && t.effect === 'NoExecute')) desired.push({ key: wantKey, effect: 'NoExecute', timeAdded: now });
  }
  const taints = JSON.stringify(desired) === JSON.stringify(current) ? undefined : desired;
  const recheckInMs = Math.max(1000, heartbeat + gracePeriodMs - nowMs);
  return { ...(conditions ? { conditions } : {}), ...(taints ? { taints } : {}), becameNotReady, recheckInMs };
}
