import { useEffect } from 'react';
import { PLAY_SPEEDS, usePlayerStore } from '../state/usePlayerStore';

/** While playing, moves to the next step at the chosen speed; stops on the last step. */
export function usePlayback(count: number): void {
  const playing = usePlayerStore((s) => s.playing);
  const speed = usePlayerStore((s) => s.speed);
  const step = usePlayerStore((s) => s.step);
  const goTo = usePlayerStore((s) => s.goTo);
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => goTo(step + 1, count), PLAY_SPEEDS[speed]);
    return () => clearTimeout(timer);
  }, [playing, speed, step, count, goTo]);
}
