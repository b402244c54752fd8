import { useMemo, type KeyboardEvent } from 'react';
import type { TraceEntry } from '../../worker/createEngineApi';
import { usePlayerStore } from '../state/usePlayerStore';
import { HopList } from './HopList';
import { StepControls } from './StepControls';
import { StepDetails } from './StepDetails';
import { announcement, entryLabel } from './traceLabels';
import { traceSteps } from './traceSteps';
import { usePlayback } from './usePlayback';

/** One request, step by step: controls, the list of steps, and the current step's details. */
export function StepThrough({ entry }: { entry: TraceEntry }) {
  const steps = useMemo(() => traceSteps(entry), [entry]);
  const step = Math.min(usePlayerStore((s) => s.step), steps.length - 1);
  const goTo = usePlayerStore((s) => s.goTo);
  const select = usePlayerStore((s) => s.select);
  usePlayback(steps.length);
  const current = steps[step]!;

  // ←/→ (and Home/End) step through while focus is anywhere in the player but a text field; Escape goes back to the list.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      select(undefined);
      return;
    }
    const to = e.key === 'ArrowRight' ? step + 1 : e.key === 'ArrowLeft' ? step - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? steps.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    goTo(to, steps.length);
  };

  return (
    <div className="step-through" onKeyDown={onKeyDown}>
      <div className="step-head">
        <button type="button" className="btn btn-small" onClick={() => select(undefined)}>
          ← All requests
        </button>
        <h3 className="player-heading step-title" title={entry.command}>
          {entryLabel(entry)}
        </h3>
      </div>
      <StepControls step={step} count={steps.length} />
      <div className="step-body">
        <HopList steps={steps} current={step} onPick={(n) => goTo(n, steps.length)} />
        <StepDetails step={current} />
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement(current, step, steps.length)}
      </p>
    </div>
  );
}
