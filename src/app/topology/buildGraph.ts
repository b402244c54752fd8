import type { Edge, Node } from '@xyflow/react';
import type { EndpointSliceRecord, NodeRecord, PodRecord, ServiceRecord } from '../state/useEngineStore';

export interface ClusterView {
  nodes: NodeRecord[];
  pods: PodRecord[];
  services: ServiceRecord[];
  slices: EndpointSliceRecord[];
}

export interface GraphOptions {
  /** Control-plane static pods and kube-proxy pods; CoreDNS is always shown (it is the cluster DNS). */
  showSystemPods: boolean;
}

export type NodeGroupData = { node: NodeRecord; kubeProxy: boolean; podCount: number };
export type PodData = { pod: PodRecord };
export type ServiceData = { service: ServiceRecord; ready: number; total: number };

export const SIZES = { groupWidth: 224, groupHeader: 78, podHeight: 50, podGap: 8, groupPad: 12, gap: 28, serviceWidth: 210, serviceHeight: 74, serviceRowGap: 90 } as const;

/** Whether the map shows a pod: workloads always, kube-system's plumbing only on request. */
export function isShownPod(p: PodRecord, opts: GraphOptions): boolean {
  if (p.namespace !== 'kube-system') return true;
  if (p.labels['k8s-app'] === 'kube-dns') return true;
  return opts.showSystemPods;
}

/**
 * The cluster as the books draw it: each node a box holding its pods, Services in a row above,
 * and an edge from each Service to every pod its EndpointSlices list (dashed when not ready).
 */
export function buildGraph(view: ClusterView, opts: GraphOptions): { nodes: Node[]; edges: Edge[] } {
  const orderedNodes = [...view.nodes].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'control-plane' ? -1 : 1));
  const shownPods = view.pods.filter((p) => isShownPod(p, opts));
  const nodes: Node[] = [];
  const podIds = new Set<string>();

  orderedNodes.forEach((n, i) => {
    const pods = shownPods.filter((p) => p.node === n.name).sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
    const height = SIZES.groupHeader + pods.length * (SIZES.podHeight + SIZES.podGap) + SIZES.groupPad;
    const kubeProxy = view.pods.some((p) => p.node === n.name && p.labels['k8s-app'] === 'kube-proxy');
    nodes.push({
      id: `node/${n.name}`,
      type: 'clusterNode',
      position: { x: i * (SIZES.groupWidth + SIZES.gap), y: 0 },
      data: { node: n, kubeProxy, podCount: pods.length } satisfies NodeGroupData,
      style: { width: SIZES.groupWidth, height },
      draggable: false,
    });
    pods.forEach((p, j) => {
      podIds.add(p.key);
      nodes.push({
        id: p.key,
        type: 'pod',
        parentId: `node/${n.name}`,
        extent: 'parent',
        position: { x: SIZES.groupPad, y: SIZES.groupHeader + j * (SIZES.podHeight + SIZES.podGap) },
        data: { pod: p } satisfies PodData,
        style: { width: SIZES.groupWidth - 2 * SIZES.groupPad, height: SIZES.podHeight },
        draggable: false,
      });
    });
  });

  const clusterWidth = Math.max(1, orderedNodes.length) * (SIZES.groupWidth + SIZES.gap) - SIZES.gap;
  const services = [...view.services].sort((a, b) => a.key.localeCompare(b.key));
  const perRow = Math.max(1, Math.floor((clusterWidth + SIZES.gap) / (SIZES.serviceWidth + SIZES.gap)));
  const rows = Math.ceil(services.length / perRow);
  const edges: Edge[] = [];
  services.forEach((s, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, services.length - row * perRow);
    const rowWidth = inRow * (SIZES.serviceWidth + SIZES.gap) - SIZES.gap;
    const col = i % perRow;
    const endpoints = view.slices.filter((sl) => sl.service === `${s.namespace}/${s.name}`).flatMap((sl) => sl.endpoints);
    nodes.push({
      id: s.key,
      type: 'service',
      position: { x: (clusterWidth - rowWidth) / 2 + col * (SIZES.serviceWidth + SIZES.gap), y: -(rows - row) * (SIZES.serviceHeight + SIZES.serviceRowGap) },
      data: { service: s, ready: endpoints.filter((e) => e.ready).length, total: endpoints.length } satisfies ServiceData,
      style: { width: SIZES.serviceWidth, height: SIZES.serviceHeight },
      draggable: false,
    });
    for (const e of endpoints) {
      const target = e.pod ? `pod/${e.pod}` : undefined;
      if (!target || !podIds.has(target)) continue;
      edges.push({
        id: `${s.key}->${target}`,
        source: s.key,
        target,
        className: e.ready ? 'edge-ready' : 'edge-not-ready',
        ...(e.ready ? {} : { style: { strokeDasharray: '5 4' } }),
      });
    }
  });
  return { nodes, edges };
}
