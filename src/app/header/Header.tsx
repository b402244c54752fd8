import { selectMode, selectTheme, useUiStore, type Mode } from '../state/useUiStore';
import { ClockControls } from './ClockControls';

const MODES: { id: Mode; label: string }[] = [
  { id: 'labs', label: 'Labs' },
  { id: 'sandbox', label: 'Sandbox' },
];

export function Header() {
  const mode = useUiStore(selectMode);
  const setMode = useUiStore((s) => s.setMode);
  const theme = useUiStore(selectTheme);
  const setTheme = useUiStore((s) => s.setTheme);

  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <h1>kubelab</h1>
        <span className="brand-tag">Services &amp; Service discovery</span>
      </div>
      <div className="mode-switch" role="group" aria-label="Mode">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            aria-pressed={mode === m.id}
            className={mode === m.id ? 'is-active' : ''}
            onClick={() => setMode(m.id)}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div className="header-right">
        <ClockControls />
        <button
          type="button"
          className="btn btn-icon"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={theme === 'dark' ? 'Light theme (best on projectors)' : 'Dark theme'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? (
            <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="3.2" fill="currentColor" /><g stroke="currentColor" strokeWidth="1.4" strokeLinecap="round"><path d="M8 1v1.6M8 13.4V15M1 8h1.6M13.4 8H15M3 3l1.1 1.1M11.9 11.9 13 13M3 13l1.1-1.1M11.9 4.1 13 3" /></g></svg>
          ) : (
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" /></svg>
          )}
        </button>
      </div>
    </header>
  );
}
