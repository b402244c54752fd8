/**
 * The map while a traced request is selected: elements on its path get `on-path`, the ones the
 * packet moves through in the current step `is-current`, the rest are dimmed by the pane's CSS.
 * Pure, so the highlight is exactly what the Trace says.
 */
import type { Edge, Node } from '@xyflow/react';
import { SIZES } from './buildGraph';

export interface MapHighlight {
  onPath: Set<string>;
  /** The current step's route: where the packet goes from and to. */
  current: string[];
}

const withClass = (base: string | undefined, extra: string[]) => [base, ...extra].filter(Boolean).join(' ') || undefined;

export function highlightGraph(graph: { nodes: Node[]; edges: Edge[] }, h: MapHighlight | undefined): { nodes: Node[]; edges: Edge[] } {
  if (!h) return graph;
  const current = new Set(h.current);
  const nodes = graph.nodes.map((n) => {
    const extra = [h.onPath.has(n.id) ? 'on-path' : 'off-path', ...(current.has(n.id) ? ['is-current'] : [])];
    return { ...n, className: withClass(n.className, extra) };
  });
  // A Service's edge to a backend the request reached is part of the path too.
  const edges = graph.edges.map((e) => (h.onPath.has(e.source) && h.onPath.has(e.target) ? { ...e, className: withClass(e.className, ['edge-on-path']) } : e));
  return { nodes, edges };
}

/**
 * Where the packet dot sits on an element, in map coordinates: a card's centre; for a node box,
 * the middle of its header (its centre may be under one of its pods).
 */
export function anchorOf(nodes: Node[], id: string): { x: number; y: number } | undefined {
  const n = nodes.find((m) => m.id === id);
  if (!n) return undefined;
  const parent = n.parentId ? nodes.find((m) => m.id === n.parentId) : undefined;
  const x = n.position.x + (parent?.position.x ?? 0);
  const y = n.position.y + (parent?.position.y ?? 0);
  const w = Number(n.style?.width ?? 0);
  const hgt = Number(n.style?.height ?? 0);
  return n.type === 'clusterNode' ? { x: x + w / 2, y: y + SIZES.groupHeader / 2 } : { x: x + w / 2, y: y + hgt / 2 };
}
