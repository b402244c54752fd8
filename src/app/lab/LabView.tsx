import { useTerminalInbox } from '../state/useTerminalInbox';
import type { Lab } from './labCatalog';
import { StepChecks } from './StepChecks';
import { useLabChecks } from './useLabChecks';
import { useLabProgress } from './useLabProgress';

const NONE: number[] = [];

/** One lab: its steps with their commands (Run types them in the terminal) and their checks. */
export function LabView({ lab, onBack }: { lab: Lab; onBack: () => void }) {
  const send = useTerminalInbox((s) => s.send);
  const done = useLabProgress((s) => s.done[lab.id] ?? NONE);
  const resetProgress = useLabProgress((s) => s.reset);
  const checks = useLabChecks(lab);
  // Only a step with checks can be done: those are the ones counted.
  const checked = lab.steps.filter((s) => s.checks.length > 0).length;
  return (
    <article className="lab-view">
      <button type="button" className="btn btn-link" onClick={onBack}>
        ← All labs
      </button>
      <h2 className="panel-title">{lab.title}</h2>
      <p className="lab-summary">{lab.summary}</p>
      {checked > 0 && (
        <div className="lab-progress">
          <span>
            {done.length} of {checked} steps done
          </span>
          {/* aria-disabled, not disabled: the button keeps keyboard focus after a reset. */}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => done.length > 0 && resetProgress(lab.id)}
            aria-disabled={done.length === 0}
            aria-label={`Reset progress of ${lab.title}`}
          >
            Reset progress
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" role="status">
        {checks.announcement}
      </p>
      <ol className="lab-steps">
        {lab.steps.map((step, i) => {
          const isDone = done.includes(i);
          return (
            <li key={`${i}-${step.title}`} className={isDone ? 'lab-step is-done' : 'lab-step'}>
              <h3>
                {step.title}
                {isDone && <span className="lab-step-done"> ✓ Done</span>}
              </h3>
              {step.text && <p>{step.text}</p>}
              {step.commands.map((c) => (
                <div className="lab-command" key={c}>
                  <code>{c}</code>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => send(c)}
                    aria-label={`Run ${c}`}
                  >
                    Run
                  </button>
                </div>
              ))}
              {step.checks.length > 0 && (
                <StepChecks
                  stepNumber={i + 1}
                  stepTitle={step.title}
                  checks={step.checks}
                  results={checks.results[i]}
                  checking={checks.checking.has(i)}
                  onCheck={() => checks.checkStep(i)}
                />
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
