import { Background, Controls, ReactFlow, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { selectNodes, useEngineStore } from '../state/useEngineStore';
import { selectTheme, useUiStore } from '../state/useUiStore';
import { buildGraph } from './buildGraph';
import { ClusterNodeCard } from './ClusterNodeCard';

const nodeTypes: NodeTypes = { clusterNode: ClusterNodeCard };

/** The live cluster map, derived from engine state only. */
export function TopologyPane() {
  const nodes = useEngineStore(selectNodes);
  const theme = useUiStore(selectTheme);
  const graph = useMemo(() => buildGraph(nodes ?? []), [nodes]);

  return (
    <ReactFlow
      key={graph.nodes.length}
      nodes={graph.nodes}
      edges={graph.edges}
      nodeTypes={nodeTypes}
      colorMode={theme}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1.25 }}
      nodesConnectable={false}
      aria-label="Cluster map"
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} position="bottom-right" />
    </ReactFlow>
  );
}
