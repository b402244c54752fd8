import type { Node } from '@xyflow/react';
import { useMemo } from 'react';
import { traceSteps } from '../player/traceSteps';
import { usePrefersReducedMotion } from '../editor/usePrefersReducedMotion';
import type { ViewRecord } from '../../worker/createEngineApi';
import { recordsOfKind } from '../state/useEngineStore';
import { PLAY_SPEEDS, selectSelected, usePlayerStore } from '../state/usePlayerStore';
import { anchorOf, type MapHighlight } from './highlightGraph';
import { PacketDot } from './PacketDot';
import { tracePath } from './tracePath';

export interface TraceOnMap {
  highlight: MapHighlight;
  durationMs: number;
}

/** The selected request of the packet player, as the map shows it (undefined when none is selected). */
export function useTraceOnMap(nodes: Node[], records: Record<string, ViewRecord>): TraceOnMap | undefined {
  const entry = usePlayerStore(selectSelected);
  const step = usePlayerStore((s) => s.step);
  const speed = usePlayerStore((s) => s.speed);
  const path = useMemo(() => {
    if (!entry) return undefined;
    const map = { pods: recordsOfKind(records, 'pod'), services: recordsOfKind(records, 'service'), shown: new Set(nodes.map((n) => n.id)) };
    return tracePath(entry.trace, traceSteps(entry), map);
  }, [entry, records, nodes]);
  const current = path?.routes[Math.min(step, path.routes.length - 1)];
  const highlight = useMemo(() => (path && current ? { onPath: path.onPath, current } : undefined), [path, current]);
  return highlight ? { highlight, durationMs: PLAY_SPEEDS[speed] * 0.9 } : undefined;
}

/** The packet dot along the current step's route. */
export function TraceOverlay({ trace, nodes }: { trace: TraceOnMap; nodes: Node[] }) {
  const reducedMotion = usePrefersReducedMotion();
  const points = trace.highlight.current.map((id) => anchorOf(nodes, id)).filter((p): p is { x: number; y: number } => p !== undefined);
  if (points.length === 0) return null;
  return <PacketDot points={points} durationMs={trace.durationMs} reducedMotion={reducedMotion} />;
}
