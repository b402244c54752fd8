import { useEffect, useRef } from 'react';
import { stepLabel } from './traceLabels';
import type { PlayerStep } from './traceSteps';

const KIND_MARK: Record<PlayerStep['kind'], string> = { dns: 'DNS', hop: '', outcome: '' };

/** Every step of the request; the current one is marked (aria-current) and kept in view. */
export function HopList({ steps, current, onPick }: { steps: PlayerStep[]; current: number; onPick: (n: number) => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <ol className="hop-list" aria-label="Steps" ref={listRef}>
      {steps.map((s, i) => {
        const { title, note } = stepLabel(s);
        const kind = s.kind === 'outcome' ? `outcome outcome-${s.outcome.kind}` : s.kind;
        return (
          <li key={i}>
            <button type="button" className={`hop-item is-${kind}`} aria-current={i === current ? 'step' : undefined} onClick={() => onPick(i)}>
              <span className="hop-num" aria-hidden="true">
                {s.kind === 'outcome' ? <OutcomeIcon ok={s.outcome.kind === 'delivered'} /> : i + 1}
              </span>
              <span className="hop-text">
                <span className="hop-title">{s.kind === 'dns' ? title.replace(/^DNS /, '') : title}</span>
                {(note || KIND_MARK[s.kind]) && <span className="hop-note">{[KIND_MARK[s.kind], note].filter(Boolean).join(' · ')}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function OutcomeIcon({ ok }: { ok: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d={ok ? 'M3 8.5l3 3 7-7' : 'M4 4l8 8M12 4l-8 8'} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
