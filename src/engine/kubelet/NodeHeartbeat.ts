import type { ApiClient, KubeObject } from '../api/types';
import type { NodeObject } from '../sim/kinds';
import type { VirtualClock } from '../sim/VirtualClock';
import { nodeConditions } from './nodeObject';

/** Lease renewal interval (kubelet: 25% of the 40 s lease duration) and status report period. */
const LEASE_RENEW_MS = 10_000;
const STATUS_REPORT_MS = 5 * 60_000;

/** RFC 3339 with microseconds, as metav1.MicroTime serialises. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * The node's liveness signals: its Lease in kube-node-lease renewed every 10 s, and its Ready
 * condition posted on start and every 5 minutes (nodeStatusReportFrequency).
 */
export class NodeHeartbeat {
  readonly leaseRenewMs = LEASE_RENEW_MS;
  private lastStatus = -Infinity;
  /** Without the coordination API the node status itself is the heartbeat (pre-Lease kubelets). */
  private leases = true;

  constructor(
    private readonly api: ApiClient,
    private readonly clock: VirtualClock,
    private readonly nodeName: string,
  ) {}

  beat(forceStatus: boolean): void {
    const now = this.clock.now();
    if (this.leases) this.renewLease(now);
    if (forceStatus || !this.leases || now - this.lastStatus >= STATUS_REPORT_MS) {
      this.lastStatus = now;
      const node = this.api.tryGet<NodeObject>('nodes', undefined, this.nodeName);
      if (node) this.api.updateStatus('nodes', undefined, { ...node, status: { ...node.status, conditions: nodeConditions(now, true, node.status?.conditions) } });
    }
  }

  private renewLease(now: number): void {
    const resource = 'leases.coordination.k8s.io';
    try {
      const lease = this.api.tryGet<KubeObject>(resource, 'kube-node-lease', this.nodeName);
      if (lease) {
        this.api.update(resource, 'kube-node-lease', { ...lease, spec: { ...(lease['spec'] as object), renewTime: microTime(now) } });
        return;
      }
      const node = this.api.tryGet<NodeObject>('nodes', undefined, this.nodeName);
      this.api.create(resource, 'kube-node-lease', {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.nodeName, namespace: 'kube-node-lease', ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid! }] } : {}) },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime: microTime(now) },
      });
    } catch {
      // A server without the coordination API gets node status heartbeats every 10 s instead.
      this.leases = false;
    }
  }
}
