import { ViewportPortal } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/**
 * The packet on the map: a dot that travels the current step's route (one element to the next)
 * and rests at the end, again and again while the step is shown. With reduced motion it only sits
 * where the packet is.
 */
export function PacketDot({ points, durationMs, reducedMotion }: { points: { x: number; y: number }[]; durationMs: number; reducedMotion: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = points.map((p) => `${p.x},${p.y}`).join(' ');
  const last = points[points.length - 1];

  useEffect(() => {
    const el = ref.current;
    if (!el || reducedMotion || points.length < 2 || typeof el.animate !== 'function') return;
    // Travel during the first three quarters, then rest at the destination.
    const frames = points.map((p, i) => ({ transform: `translate(${p.x}px, ${p.y}px)`, offset: (0.75 * i) / (points.length - 1) }));
    const animation = el.animate([...frames, { transform: frames[frames.length - 1]!.transform, offset: 1 }], { duration: durationMs, iterations: Infinity, easing: 'ease-in-out' });
    return () => animation.cancel();
    // `key` stands for `points`: a new array with the same route must not restart the animation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, durationMs, reducedMotion]);

  if (!last) return null;
  return (
    <ViewportPortal>
      <div ref={ref} className="packet-dot" aria-hidden="true" style={{ transform: `translate(${last.x}px, ${last.y}px)` }} />
    </ViewportPortal>
  );
}
