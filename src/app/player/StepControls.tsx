import { PLAY_SPEEDS, usePlayerStore, type PlaySpeed } from '../state/usePlayerStore';

const SPEED_LABELS: Record<PlaySpeed, string> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };

const ICONS = {
  first: 'M3 3h2v10H3zM13 3v10L6 8z',
  prev: 'M12 3v10L5 8zM3 3h2v10H3z',
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  next: 'M4 3v10l7-5zM11 3h2v10h-2z',
  last: 'M3 3v10l7-5zM11 3h2v10h-2z',
} as const;

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/**
 * First / previous / play-pause / next / last, the speed, and where we are. At either end the
 * buttons say aria-disabled rather than disabled, so the focus stays on them and ←/→ keep working.
 */
export function StepControls({ step, count }: { step: number; count: number }) {
  const playing = usePlayerStore((s) => s.playing);
  const speed = usePlayerStore((s) => s.speed);
  const goTo = usePlayerStore((s) => s.goTo);
  const setPlaying = usePlayerStore((s) => s.setPlaying);
  const setSpeed = usePlayerStore((s) => s.setSpeed);
  const atStart = step === 0;
  const atEnd = step >= count - 1;

  const play = () => {
    // Playing from the end starts over, as a media player does.
    if (atEnd) goTo(0, count);
    setPlaying(true);
  };

  return (
    <div className="step-controls" role="toolbar" aria-label="Step through the request">
      <button type="button" className="btn btn-icon" aria-label="First step" title="First step (Home)" aria-disabled={atStart} onClick={() => goTo(0, count)}>
        <Icon d={ICONS.first} />
      </button>
      <button type="button" className="btn btn-icon" aria-label="Previous step" title="Previous step (←)" aria-disabled={atStart} onClick={() => goTo(step - 1, count)}>
        <Icon d={ICONS.prev} />
      </button>
      <button type="button" className="btn btn-icon btn-play" aria-label={playing ? 'Pause the trace' : 'Play the trace'} title={playing ? 'Pause' : 'Play'} onClick={() => (playing ? setPlaying(false) : play())}>
        <Icon d={playing ? ICONS.pause : ICONS.play} />
      </button>
      <button type="button" className="btn btn-icon" aria-label="Next step" title="Next step (→)" aria-disabled={atEnd} onClick={() => goTo(step + 1, count)}>
        <Icon d={ICONS.next} />
      </button>
      <button type="button" className="btn btn-icon" aria-label="Last step" title="Last step (End)" aria-disabled={atEnd} onClick={() => goTo(count - 1, count)}>
        <Icon d={ICONS.last} />
      </button>
      <select aria-label="Play speed" value={speed} onChange={(e) => setSpeed(e.target.value as PlaySpeed)}>
        {(Object.keys(PLAY_SPEEDS) as PlaySpeed[]).map((s) => (
          <option key={s} value={s}>
            {SPEED_LABELS[s]}
          </option>
        ))}
      </select>
      <span className="step-count">
        Step {step + 1} of {count}
      </span>
    </div>
  );
}
