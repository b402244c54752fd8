import { selectApplyResult, useApplyStore } from './useApplyStore';

/** What kubectl answered to the editor's last Apply or Delete, exactly as it printed it. */
export function ApplyResult() {
  const result = useApplyStore(selectApplyResult);
  const dismiss = useApplyStore((s) => s.dismiss);
  if (!result) return null;
  const failed = result.exitCode !== 0;
  return (
    <div className={`apply-result ${failed ? 'is-error' : 'is-ok'}`} role="status" aria-label="kubectl result">
      <div className="apply-result-head">
        <code>$ {result.command}</code>
        <button type="button" className="btn btn-link" onClick={dismiss} aria-label="Dismiss the kubectl result">
          ×
        </button>
      </div>
      <pre>{result.output || '(no output)'}</pre>
    </div>
  );
}
