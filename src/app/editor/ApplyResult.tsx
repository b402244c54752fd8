import { LONG_OUTPUT_LINES, summarizeOutput } from './applySummary';
import { selectApplyProgress, selectApplyResult, useApplyStore } from './useApplyStore';

/**
 * What kubectl answered to the editor's last Apply or Delete, exactly as it printed it. A long
 * answer (one line per object of a huge file) is summarized, its lines folded away until asked
 * for; a big Apply under way shows how far it got, with Cancel.
 */
export function ApplyResult() {
  const result = useApplyStore(selectApplyResult);
  const progress = useApplyStore(selectApplyProgress);
  const { dismiss, cancel } = useApplyStore.getState();
  if (progress) {
    return (
      <div className="apply-result is-running" role="status" aria-label="kubectl result">
        <div className="apply-result-head">
          <span>
            Applying… {progress.done.toLocaleString('en-US')} / {progress.total.toLocaleString('en-US')} objects
          </span>
          <progress max={progress.total} value={progress.done} aria-label="Objects applied" />
          <button type="button" className="btn btn-small" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  if (!result) return null;
  const failed = result.exitCode !== 0;
  const lines = result.output.split('\n').length - 1;
  const long = lines > LONG_OUTPUT_LINES;
  return (
    <div className={`apply-result ${failed ? 'is-error' : 'is-ok'}`} role="status" aria-label="kubectl result">
      <div className="apply-result-head">
        <code>$ {result.command}</code>
        <button type="button" className="btn btn-link" onClick={dismiss} aria-label="Dismiss the kubectl result">
          ×
        </button>
      </div>
      {result.cancelled && (
        <p className="apply-result-note">
          Cancelled after {result.cancelled.done.toLocaleString('en-US')} of {result.cancelled.total.toLocaleString('en-US')} objects: those stay applied.
        </p>
      )}
      {long ? (
        <details>
          <summary>
            {summarizeOutput(result.output)} ({lines.toLocaleString('en-US')} lines)
          </summary>
          <pre>{result.output}</pre>
        </details>
      ) : (
        <pre>{result.output || '(no output)'}</pre>
      )}
    </div>
  );
}
