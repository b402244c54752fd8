import { describe, expect, it } from 'vitest';
import type { Edge, Node } from '@xyflow/react';
import { SIZES } from './buildGraph';
import { anchorOf, highlightGraph } from './highlightGraph';

const nodes: Node[] = [
  { id: 'node/node01', type: 'clusterNode', position: { x: 100, y: 0 }, data: {}, style: { width: 224, height: 200 } },
  { id: 'pod/default/web', type: 'pod', parentId: 'node/node01', position: { x: 12, y: 78 }, data: {}, style: { width: 200, height: 50 } },
  { id: 'service/default/web', type: 'service', position: { x: 0, y: -160 }, data: {}, style: { width: 210, height: 74 } },
  { id: 'pod/default/other', type: 'pod', parentId: 'node/node01', position: { x: 12, y: 136 }, data: {}, style: { width: 200, height: 50 } },
];
const edges: Edge[] = [
  { id: 'a', source: 'service/default/web', target: 'pod/default/web', className: 'edge-ready' },
  { id: 'b', source: 'service/default/web', target: 'pod/default/other' },
];

describe('the map while a request is selected', () => {
  it('marks the path, the current step and the Service edges the request used', () => {
    const g = highlightGraph({ nodes, edges }, { onPath: new Set(['node/node01', 'pod/default/web', 'service/default/web']), current: ['service/default/web', 'pod/default/web'] });
    expect(g.nodes.map((n) => n.className)).toEqual(['on-path', 'on-path is-current', 'on-path is-current', 'off-path']);
    expect(g.edges.map((e) => e.className)).toEqual(['edge-ready edge-on-path', undefined]);
    expect(highlightGraph({ nodes, edges }, undefined).nodes).toBe(nodes);
  });

  it('anchors the packet at a card\'s centre (inside its node) and a node box\'s header', () => {
    expect(anchorOf(nodes, 'pod/default/web')).toEqual({ x: 212, y: 103 });
    expect(anchorOf(nodes, 'node/node01')).toEqual({ x: 212, y: SIZES.groupHeader / 2 });
    expect(anchorOf(nodes, 'service/default/web')).toEqual({ x: 105, y: -123 });
    expect(anchorOf(nodes, 'pod/gone')).toBeUndefined();
  });
});
