import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTerminalInbox } from '../state/useTerminalInbox';
import { selectTheme, useUiStore } from '../state/useUiStore';
import { editorPathProblem, openFromTerminal } from '../editor/homeSync';
import { endEdit, openEdit } from '../editor/kubectlEdit';
import { onEngineRestart } from '../client/engineClient';
import { TerminalController } from './TerminalController';
import { terminalTheme } from './terminalTheme';

/** The learner's shell on the control-plane node, backed by the engine's ShellSession. */
export function TerminalPane() {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const theme = useUiStore(selectTheme);

  useEffect(() => {
    if (!host.current) return;
    const terminal = new Terminal({
      fontFamily: '"JetBrains Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.25,
      cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      convertEol: false,
      // Exposes the buffer as text to assistive technology (and so to the browser tests).
      screenReaderMode: true,
      scrollback: 5000,
      theme: terminalTheme(useUiStore.getState().theme),
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host.current);
    term.current = terminal;
    const seam = { problem: editorPathProblem, open: openFromTerminal, edit: openEdit, endEdit };
    let controller = new TerminalController(terminal, seam);
    let ready = controller.start();
    const typeWaiting = () => void ready.then(() => useTerminalInbox.getState().take().forEach((c) => controller.type(c)));
    typeWaiting();
    const unsubscribe = useTerminalInbox.subscribe((s) => {
      if (s.pending.length) typeWaiting();
    });
    // The worker was replaced (crash or hang): whatever ran is gone; log in to the fresh cluster.
    const offRestart = onEngineRestart((reason) => {
      controller.dispose();
      terminal.write(`\r\n\x1b[1mkubelab: ${reason}; a fresh cluster was started.\x1b[0m\r\n`);
      controller = new TerminalController(terminal, seam);
      ready = controller.start();
      typeWaiting();
    });

    const observer = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // The pane can be collapsed to zero size while resizing; fitting resumes when it grows.
      }
    });
    observer.observe(host.current);
    return () => {
      unsubscribe();
      offRestart();
      observer.disconnect();
      controller.dispose();
      terminal.dispose();
      term.current = null;
    };
  }, []);

  useEffect(() => {
    if (term.current) term.current.options.theme = terminalTheme(theme);
  }, [theme]);

  return <div className="terminal-host" ref={host} />;
}
