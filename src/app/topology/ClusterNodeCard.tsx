import type { Node, NodeProps } from '@xyflow/react';
import type { ClusterNodeData } from './buildGraph';

/** One Kubernetes node on the map: its name, role, address and pod range. */
export function ClusterNodeCard({ data }: NodeProps<Node<ClusterNodeData>>) {
  const { node } = data;
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
        <span className="node-role">{node.role}</span>
      </div>
      <dl className="node-facts">
        <dt>InternalIP</dt>
        <dd>{node.internalIP}</dd>
        <dt>PodCIDR</dt>
        <dd>{node.podCIDR}</dd>
      </dl>
    </div>
  );
}
