import { Background, Controls, ReactFlow, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { recordsOfKind, selectRecords, useEngineStore } from '../state/useEngineStore';
import { selectTheme, useUiStore } from '../state/useUiStore';
import { buildGraph } from './buildGraph';
import { ClusterNodeCard, PodCard, ServiceCard } from './cards';
import { highlightGraph } from './highlightGraph';
import { TraceOverlay, useTraceOnMap } from './useTraceOnMap';
import './traceOnMap.css';

const nodeTypes: NodeTypes = { clusterNode: ClusterNodeCard, pod: PodCard, service: ServiceCard };

/** The live cluster map, derived from engine state only. */
export function TopologyPane() {
  const records = useEngineStore(selectRecords);
  const theme = useUiStore(selectTheme);
  const [showSystemPods, setShowSystemPods] = useState(false);
  const graph = useMemo(
    () =>
      buildGraph(
        {
          nodes: recordsOfKind(records, 'node'),
          pods: recordsOfKind(records, 'pod'),
          services: recordsOfKind(records, 'service'),
          slices: recordsOfKind(records, 'endpointslice'),
        },
        { showSystemPods },
      ),
    [records, showSystemPods],
  );
  // Re-fit when the shape of the map changes, not on every status update.
  const layoutKey = useMemo(() => graph.nodes.map((n) => n.id).join('|'), [graph.nodes]);
  // The packet player's selected request: its path highlighted, the packet drawn moving.
  const trace = useTraceOnMap(graph.nodes, records);
  const shown = useMemo(() => highlightGraph(graph, trace?.highlight), [graph, trace?.highlight]);

  return (
    <div className={`topology ${trace ? 'has-trace' : ''}`}>
      <div className="topology-toolbar">
        <label className="check">
          <input type="checkbox" checked={showSystemPods} onChange={(e) => setShowSystemPods(e.target.checked)} />
          Show system pods
        </label>
      </div>
      <ReactFlow
        key={layoutKey}
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1.2 }}
        nodesConnectable={false}
        nodesDraggable={false}
        aria-label="Cluster map"
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
        {trace && <TraceOverlay trace={trace} nodes={graph.nodes} />}
      </ReactFlow>
    </div>
  );
}
