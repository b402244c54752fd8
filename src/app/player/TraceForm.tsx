import { useId, useMemo, useState, type FormEvent } from 'react';
import { recordsOfKind, selectRecords, useEngineStore } from '../state/useEngineStore';
import { usePlayerStore } from '../state/usePlayerStore';
import { defaultSource, sourceOptions, targetSuggestions } from './traceSources';

/** Traces one request on demand, as `npx kubelab trace --from SOURCE TARGET` does. */
export function TraceForm() {
  const records = useEngineStore(selectRecords);
  const tracing = usePlayerStore((s) => s.tracing);
  const error = usePlayerStore((s) => s.traceError);
  const traceRequest = usePlayerStore((s) => s.traceRequest);
  const groups = useMemo(() => sourceOptions(recordsOfKind(records, 'pod'), recordsOfKind(records, 'node')), [records]);
  const suggestions = useMemo(() => targetSuggestions(recordsOfKind(records, 'service')), [records]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState('');
  const listId = useId();
  const all = [...groups.pods, ...groups.nodes, ...groups.outside];
  // Keep the learner's choice while it exists; otherwise follow the cluster (pods come and go).
  const from = chosen && all.some((o) => o.value === chosen) ? chosen : defaultSource(groups);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target.trim()) void traceRequest(from, target.trim());
  };

  return (
    <form className="trace-form" onSubmit={submit} aria-label="Trace a request">
      <label className="field">
        <span>From</span>
        <select value={from} onChange={(e) => setChosen(e.target.value)}>
          {groups.pods.length > 0 && (
            <optgroup label="Pods">
              {groups.pods.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Nodes">
            {groups.nodes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Outside the cluster">
            {groups.outside.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field field-grow">
        <span>Target</span>
        <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="http://web/ or web:80" list={listId} spellCheck={false} autoComplete="off" />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <button type="submit" className="btn btn-primary" disabled={tracing || !target.trim()}>
        {tracing ? 'Tracing…' : 'Trace'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
