import type { CheckResult, LabCheck } from './labCatalog';

interface Props {
  stepNumber: number;
  stepTitle: string;
  checks: LabCheck[];
  results: CheckResult[] | undefined;
  checking: boolean;
  onCheck: () => void;
}

/** A step's checks: each command line with its state (passed, or not yet with its hint) and a Check button. */
export function StepChecks({ stepNumber, stepTitle, checks, results, checking, onCheck }: Props) {
  return (
    <section className="lab-checks" aria-label={`Checks of step ${stepNumber}`}>
      <div className="lab-checks-head">
        <h4>Checks</h4>
        <button
          type="button"
          className="btn btn-small"
          onClick={onCheck}
         
          aria-label={`Check step ${stepNumber}: ${stepTitle}`}
        >
          {checking ? 'Checking…' : 'Check'}
        </button>
      </div>
      <ul>
        {checks.map((check, j) => {
          const result = results?.[j];
          const state = !result ? 'unknown' : result.passed ? 'passed' : 'failed';
          return (
            <li key={`${j}-${check.run}`} className={`lab-check is-${state}`}>
              <span className="lab-check-state">
                <span aria-hidden="true">{state === 'passed' ? '✓' : '○'}</span>{' '}
                {state === 'passed' ? 'Passed' : state === 'failed' ? 'Not yet' : 'Not checked'}
              </span>
              <code className="lab-check-run">{check.run}</code>
              <span className="lab-check-want">{want(check)}</span>
              {state === 'failed' && check.hint && (
                <p className="lab-check-hint">Hint: {check.hint}</p>
              )}
              {state === 'failed' && result && (
                <details className="lab-check-output">
                  <summary>What it printed</summary>
                  <pre>{printed(result)}</pre>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function want(check: LabCheck): string {
  if (check.expect !== undefined) return `prints ${check.expect.trim()}`;
  if (check.match !== undefined) return `output matches ${check.match}`;
  return 'succeeds';
}

function printed(result: CheckResult): string {
  if (result.problem === 'still-running')
    return `${result.output}(still running: a check does not wait)`;
  if (result.problem === 'unfinished-line') return '(the command line is unfinished)';
  return result.output.trimEnd() || `(no output, exit status ${result.exitCode})`;
}
