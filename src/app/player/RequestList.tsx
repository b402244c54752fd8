import { useEffect, useRef } from 'react';
import { formatVirtualTime } from '../header/formatVirtualTime';
import { selectEntries, usePlayerStore } from '../state/usePlayerStore';
import { entryLabel } from './traceLabels';

/** The traced requests, newest first; opening one starts its step-through. */
export function RequestList() {
  const entries = usePlayerStore(selectEntries);
  const select = usePlayerStore((s) => s.select);
  const closedId = usePlayerStore((s) => s.closedId);
  const listRef = useRef<HTMLUListElement>(null);
  // Back from a step-through (its button is gone): the focus returns to the request it showed.
  useEffect(() => {
    if (closedId !== undefined) listRef.current?.querySelector<HTMLButtonElement>(`[data-entry="${closedId}"]`)?.focus();
  }, [closedId]);

  if (entries.length === 0) {
    return (
      <p className="player-empty">
        No requests yet. Run one in the terminal, e.g. <code>kubectl exec client -- wget -qO- web</code>, or trace one above.
      </p>
    );
  }
  return (
    <section aria-labelledby="player-requests-title" className="player-requests">
      <h3 id="player-requests-title" className="player-heading">
        Recent requests
      </h3>
      <ul className="request-list" ref={listRef}>
        {[...entries].reverse().map((e) => (
          <li key={e.id}>
            <button type="button" className={`request-item outcome-${e.trace.outcome.kind}`} data-entry={e.id} onClick={() => select(e.id)}>
              <span className="request-label">{entryLabel(e)}</span>
              <span className="request-meta">
                <time>{formatVirtualTime(e.at)}</time>
                {e.echoes && <span>{e.echoes} echoes (the last one shown) ·</span>}
                {e.command && <span className="request-command">{e.source === 'player' ? `traced: ${e.command}` : e.command}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
