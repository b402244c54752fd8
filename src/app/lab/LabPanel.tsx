import { useEffect, useState } from 'react';
import { selectMode, useUiStore } from '../state/useUiStore';
import { loadLabs, type CatalogEntry } from './labCatalog';
import { LabView } from './LabView';
import { SandboxIntro } from './SandboxIntro';
import { useLabProgress } from './useLabProgress';
import './lab.css';

/** The side panel: the guided labs, or in sandbox mode a short orientation. */
export function LabPanel() {
  const mode = useUiStore(selectMode);
  return <div className="lab-panel">{mode === 'labs' ? <LabBrowser /> : <SandboxIntro />}</div>;
}

function LabBrowser() {
  const [labs, setLabs] = useState<CatalogEntry[] | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const done = useLabProgress((s) => s.done);
  useEffect(() => {
    let live = true;
    void loadLabs().then((l) => live && setLabs(l));
    return () => {
      live = false;
    };
  }, []);
  const open = labs?.find((l) => l.ok && l.lab.id === openId);
  if (open?.ok) return <LabView lab={open.lab} onBack={() => setOpenId(undefined)} />;
  return (
    <>
      <h2 className="panel-title">Labs</h2>
      {!labs && <p className="lab-loading">Loading labs…</p>}
      <ul className="lab-list">
        {labs?.map((entry) =>
          entry.ok ? (
            <li key={entry.lab.id}>
              <button type="button" className="lab-card" onClick={() => setOpenId(entry.lab.id)}>
                <span className="lab-card-title">{entry.lab.title}</span>
                <span className="lab-card-summary">{entry.lab.summary}</span>
                <span className="lab-card-meta">
                  {entry.lab.steps.length} steps
                  {done[entry.lab.id]?.length ? ` · ${done[entry.lab.id]!.length} done` : ''}
                </span>
              </button>
            </li>
          ) : (
            <li key={entry.id} className="lab-card lab-card-broken">
              <span className="lab-card-title">{entry.id}</span>
              <span className="lab-card-summary">This lab cannot be read: {entry.error}</span>
            </li>
          ),
        )}
      </ul>
    </>
  );
}
