import { useEffect, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { EditorPane } from './editor/EditorPane';
import { useApplyStore } from './editor/useApplyStore';
import { Header } from './header/Header';
import { LabPanel } from './lab/LabPanel';
import { PlayerPanel } from './player/PlayerPanel';
import { useEngineStore } from './state/useEngineStore';
import { TerminalPane } from './terminal/TerminalPane';
import { TopologyPane } from './topology/TopologyPane';

export function App() {
  const connect = useEngineStore((s) => s.connect);
  const error = useEngineStore((s) => s.error);
  const runOnBuffer = useApplyStore((s) => s.run);
  // The player can give its width back to the terminal (wide `kubectl get -o wide` tables).
  const player = usePanelRef();
  const [playerShown, setPlayerShown] = useState(true);
  const togglePlayer = () => (player.current?.isCollapsed() ? player.current.expand() : player.current?.collapse());
  useEffect(() => {
    void connect();
  }, [connect]);

  return (
    <div className="app">
      <Header />
      {error && (
        <div className="app-error" role="alert">
          {error}
        </div>
      )}
      <main className="workspace">
        <Group orientation="horizontal" id="workspace">
          <Panel id="lab" defaultSize="22" minSize="14">
            <Pane label="Lab">
              <LabPanel />
            </Pane>
          </Panel>
          <ResizeHandle label="Resize lab panel" />
          <Panel id="main" minSize="40">
            <Group orientation="vertical" id="main-split">
              <Panel id="upper" defaultSize="58" minSize="20">
                <Group orientation="horizontal" id="upper-split">
                  <Panel id="editor" defaultSize="50" minSize="20">
                    <Pane label="YAML editor">
                      <EditorPane onApply={(file) => void runOnBuffer('apply', file)} onDelete={(file) => void runOnBuffer('delete', file)} />
                    </Pane>
                  </Panel>
                  <ResizeHandle label="Resize editor and topology" />
                  <Panel id="topology" minSize="20">
                    <Pane label="Topology">
                      <TopologyPane />
                    </Pane>
                  </Panel>
                </Group>
              </Panel>
              <ResizeHandle label="Resize terminal" vertical />
              <Panel id="lower" minSize="15">
                <Group orientation="horizontal" id="lower-split">
                  <Panel id="terminal" defaultSize="55" minSize="25">
                    <Pane
                      label="Terminal"
                      actions={
                        <button type="button" className="pane-action" aria-expanded={playerShown} aria-controls="player-pane" onClick={togglePlayer}>
                          {playerShown ? 'Hide packet player' : 'Show packet player'}
                        </button>
                      }
                    >
                      <TerminalPane />
                    </Pane>
                  </Panel>
                  <ResizeHandle label="Resize terminal and packet player" />
                  <Panel id="player" minSize="25" collapsible collapsedSize="0" panelRef={player} onResize={(size) => setPlayerShown(size.asPercentage > 0)}>
                    <Pane label="Packet player" id="player-pane">
                      <PlayerPanel />
                    </Pane>
                  </Panel>
                </Group>
              </Panel>
            </Group>
          </Panel>
        </Group>
      </main>
    </div>
  );
}

function Pane({ label, children, actions, id }: { label: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="pane" aria-label={label} id={id}>
      <div className="pane-header">
        <h2 className="pane-label">{label}</h2>
        {actions}
      </div>
      <div className="pane-content">{children}</div>
    </section>
  );
}

function ResizeHandle({ label, vertical = false }: { label: string; vertical?: boolean }) {
  return <Separator className={`resize-handle ${vertical ? 'is-vertical' : ''}`} aria-label={label} />;
}
