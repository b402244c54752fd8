import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { NodeGroupData, PodData, ServiceData } from './buildGraph';

/** One Kubernetes node: a box that holds the pods scheduled to it. */
export function ClusterNodeCard({ data }: NodeProps<Node<NodeGroupData>>) {
  const { node, kubeProxy, podCount } = data;
  return (
    <div className={`node-card ${node.role === 'control-plane' ? 'is-control-plane' : ''}`} role="group" aria-label={`Node ${node.name}`}>
      <div className="node-card-head">
        <svg viewBox="0 0 16 16" aria-hidden="true" className="node-icon">
          <rect x="1.5" y="2.5" width="13" height="4.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <rect x="1.5" y="9" width="13" height="4.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <circle cx="4.2" cy="4.75" r=".9" fill="currentColor" />
          <circle cx="4.2" cy="11.25" r=".9" fill="currentColor" />
        </svg>
        <span className="node-name">{node.name}</span>
        {!node.ready && <span className="chip chip-bad">NotReady</span>}
        <span className="node-role">{node.role}</span>
      </div>
      <div className="node-facts">
        <span>{node.internalIP}</span>
        <span>pods {node.podCIDR}</span>
      </div>
      <div className="node-badges">
        {kubeProxy && <span className="chip" title="kube-proxy programs this node's Service rules">kube-proxy</span>}
        {podCount === 0 && <span className="chip chip-muted">no pods shown</span>}
      </div>
    </div>
  );
}

function statusClass(status: string, ready: boolean): string {
  if (status === 'Running' && ready) return 'is-ok';
  if (status === 'Running' || /Creating|Pending|Init|Terminating/.test(status)) return 'is-wait';
  return 'is-bad';
}

/** One pod inside its node: name, address and the STATUS `kubectl get pods` shows. */
export function PodCard({ data }: NodeProps<Node<PodData>>) {
  const { pod } = data;
  return (
    <div className="pod-card" role="group" aria-label={`Pod ${pod.namespace}/${pod.name}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="pod-line">
        <span className={`status-dot ${statusClass(pod.status, pod.ready)}`} aria-hidden="true" />
        <span className="pod-name" title={`${pod.namespace}/${pod.name}`}>
          {pod.name}
        </span>
      </div>
      <div className="pod-line pod-sub">
        <span>{pod.namespace === 'default' ? (pod.ip ?? '<none>') : `${pod.namespace} · ${pod.ip ?? '<none>'}`}</span>
        <span>{pod.status}</span>
      </div>
    </div>
  );
}

/** A Service: its virtual IP and ports, and how many endpoints are ready behind it. */
export function ServiceCard({ data }: NodeProps<Node<ServiceData>>) {
  const { service, ready, total } = data;
  return (
    <div className="service-card" role="group" aria-label={`Service ${service.namespace}/${service.name}`}>
      <div className="pod-line">
        <span className="svc-type">{service.type}</span>
        <span className="pod-name">{service.name}</span>
      </div>
      <div className="pod-line pod-sub">
        <span>{service.namespace === 'default' ? '' : `${service.namespace} · `}{service.externalName ?? service.clusterIP}</span>
      </div>
      <div className="pod-line pod-sub">
        <span className="svc-ports">{service.ports}</span>
        {service.type !== 'ExternalName' && (
          <span className={ready === 0 && Object.keys(service.selector).length > 0 ? 'svc-none' : ''}>
            {ready}/{total} ready
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
