import { useEffect } from 'react';
import { selectSelected, usePlayerStore } from '../state/usePlayerStore';
import { RequestList } from './RequestList';
import { StepThrough } from './StepThrough';
import { TraceForm } from './TraceForm';
import './player.css';

/**
 * The packet player: the requests the cluster traced (the learner's curl, wget, ping, nc...), a
 * form to trace one, and the step-through of the selected request, which the map animates.
 */
export function PlayerPanel() {
  const connect = usePlayerStore((s) => s.connect);
  const selected = usePlayerStore(selectSelected);
  useEffect(() => {
    void connect();
  }, [connect]);

  return <div className="player">{selected ? <StepThrough entry={selected} /> : <Overview />}</div>;
}

function Overview() {
  return (
    <div className="player-overview">
      <TraceForm />
      <RequestList />
    </div>
  );
}
