import { useMemo, useState } from 'react';
import { useTerminalInbox } from '../state/useTerminalInbox';
import { selectMode, useUiStore } from '../state/useUiStore';
import { loadLabs, type Lab } from './labCatalog';
import { SandboxIntro } from './SandboxIntro';

/** The side panel: the guided labs, or in sandbox mode a short orientation. */
export function LabPanel() {
  const mode = useUiStore(selectMode);
  return <div className="lab-panel">{mode === 'labs' ? <LabBrowser /> : <SandboxIntro />}</div>;
}

function LabBrowser() {
  const labs = useMemo(() => loadLabs(), []);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const open = labs.find((l) => l.id === openId);
  if (open) return <LabView lab={open} onBack={() => setOpenId(undefined)} />;
  return (
    <>
      <h2 className="panel-title">Labs</h2>
      <ul className="lab-list">
        {labs.map((lab) => (
          <li key={lab.id}>
            <button type="button" className="lab-card" onClick={() => setOpenId(lab.id)}>
              <span className="lab-card-title">{lab.title}</span>
              <span className="lab-card-summary">{lab.summary}</span>
              <span className="lab-card-meta">{lab.steps.length} steps</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function LabView({ lab, onBack }: { lab: Lab; onBack: () => void }) {
  const send = useTerminalInbox((s) => s.send);
  return (
    <article className="lab-view">
      <button type="button" className="btn btn-link" onClick={onBack}>
        ← All labs
      </button>
      <h2 className="panel-title">{lab.title}</h2>
      <p className="lab-summary">{lab.summary}</p>
      <ol className="lab-steps">
        {lab.steps.map((step) => (
          <li key={step.title}>
            <h3>{step.title}</h3>
            <p>{step.text}</p>
            {step.commands.map((c) => (
              <div className="lab-command" key={c}>
                <code>{c}</code>
                <button type="button" className="btn btn-small" onClick={() => send(c)} aria-label={`Run ${c}`}>
                  Run
                </button>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </article>
  );
}
