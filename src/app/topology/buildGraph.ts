import type { Edge, Node } from '@xyflow/react';
import type { ClusterNodeView } from '../../worker/createEngineApi';

export interface ClusterNodeData extends Record<string, unknown> {
  node: ClusterNodeView;
}

const CARD_WIDTH = 220;
const CARD_HEIGHT = 96;
const GAP = 40;

/**
 * Lays the control plane out on top, centred over the workers, as cluster diagrams in the
 * books draw it; a row of cards fits narrow panes better than one long line.
 */
export function buildGraph(nodes: readonly ClusterNodeView[]): { nodes: Node<ClusterNodeData>[]; edges: Edge[] } {
  const ordered = [...nodes].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'control-plane' ? -1 : 1));
  return {
    nodes: ordered.map((node) => ({
      id: `node/${node.name}`,
      type: 'clusterNode',
      position: positionOf(node, ordered),
      data: { node },
      draggable: false,
      selectable: true,
    })),
    edges: [],
  };
}

function positionOf(node: ClusterNodeView, all: readonly ClusterNodeView[]): { x: number; y: number } {
  const row = all.filter((n) => n.role === node.role);
  const workers = all.filter((n) => n.role === 'worker').length;
  const rowWidth = (count: number) => count * CARD_WIDTH + Math.max(0, count - 1) * GAP;
  const widest = Math.max(rowWidth(row.length), rowWidth(workers));
  const offset = (widest - rowWidth(row.length)) / 2;
  const i = row.indexOf(node);
  return { x: offset + i * (CARD_WIDTH + GAP), y: node.role === 'control-plane' ? 0 : CARD_HEIGHT + GAP * 1.5 };
}
