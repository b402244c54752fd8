import { useEffect } from 'react';
import { useEngineStore, selectClock, STEP_MS } from '../state/useEngineStore';
import { formatVirtualTime } from './formatVirtualTime';
import { RewindMenu } from './RewindMenu';

const SPEEDS = [0.5, 1, 2, 5, 10] as const;
/** How long a rewind's status stays on screen. */
const STATUS_SHOWN_MS = 10_000;

/** Pause, resume, step, rewind and speed of the simulation's virtual clock, with the time it shows. */
export function ClockControls() {
  const clock = useEngineStore(selectClock);
  const pause = useEngineStore((s) => s.pause);
  const resume = useEngineStore((s) => s.resume);
  const setSpeed = useEngineStore((s) => s.setSpeed);
  const step = useEngineStore((s) => s.step);
  const clockStatus = useEngineStore((s) => s.clockStatus);
  const paused = clock?.paused ?? false;

  // The status bubble covers a little of the page below the header: it goes after a while
  // (screen readers have heard it by then).
  useEffect(() => {
    if (!clockStatus) return;
    const timer = setTimeout(() => useEngineStore.setState({ clockStatus: '' }), STATUS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [clockStatus]);

  return (
    <div className="clock" role="group" aria-label="Simulation clock">
      <span className={`clock-dot ${paused ? 'is-paused' : ''}`} aria-hidden="true" />
      <time
        className="clock-time"
        aria-label="Virtual time"
        aria-live="off"
        dateTime={clock ? new Date(clock.now).toISOString() : undefined}
      >
        {clock ? formatVirtualTime(clock.now) : '--:--:--'}
      </time>
      <button
        type="button"
        className="btn btn-icon"
        onClick={() => void (paused ? resume() : pause())}
        disabled={!clock}
        aria-label={paused ? 'Resume' : 'Pause'}
        title={paused ? 'Resume the cluster clock' : 'Pause the cluster clock'}
      >
        {paused ? (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" />
          </svg>
        )}
      </button>
      <button
        type="button"
        className="btn btn-icon"
        onClick={() => void step()}
        disabled={!clock || !paused}
        aria-label={`Step ${STEP_MS / 1000} second`}
        title={
          paused
            ? `Move the paused clock on by ${STEP_MS / 1000} second`
            : 'Pause the clock to step it a second at a time'
        }
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z" fill="currentColor" />
        </svg>
      </button>
      <RewindMenu disabled={!clock} />
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          aria-label="Speed"
          value={clock?.speed ?? 1}
          disabled={!clock}
          onChange={(e) => void setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <p className="clock-status" role="status">
        {clockStatus}
      </p>
    </div>
  );
}
