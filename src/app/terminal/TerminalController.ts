import type { Terminal } from '@xterm/xterm';
import { engine } from '../client/engineClient';
import { LineEditor } from './LineEditor';
import type { ShellResult } from '../../worker/createEngineApi';

/** How often a running command (`sleep`, `kubectl get -w`) is asked for more output. */
const POLL_MS = 100;

/**
 * Connects an xterm.js terminal to one engine shell session: echoes what is typed, runs each
 * line in the worker, prints the result and the next prompt. Lines typed or pasted while a
 * command runs are queued and run in order, as a real terminal buffers them. A command that
 * keeps running is polled for output until it ends; Ctrl+C interrupts it in the engine. An
 * unfinished line (open quote, trailing `|`) gets the engine's PS2 prompt.
 */
export class TerminalController {
  private editor = new LineEditor();
  private sessionId = 0;
  private prompt = '';
  private queue: string[] = [];
  private busy = false;
  /** Ctrl+C pressed while a line was in the engine: it goes to that command, not the editor. */
  private interruptRequested = false;
  /** The engine holds an unfinished line (PS2): Ctrl+C must abandon it there too. */
  private continuing = false;
  private disposed = false;
  private disposables: { dispose(): void }[] = [];

  constructor(
    private readonly term: Terminal,
    /** Where `vim FILE` opens files: the YAML editor, which says which files it can open. */
    private readonly yamlEditor?: { problem(path: string): string | undefined; open(path: string): Promise<void> },
  ) {}

  async start(): Promise<void> {
    const { id, prompt } = await engine().openShell();
    if (this.disposed) return;
    this.sessionId = id;
    this.prompt = prompt;
    this.term.write(this.prompt);
    this.disposables.push(this.term.onData((data) => this.onData(data)));
  }

  /** Runs a command as if the learner had typed it (lab "Run" buttons). */
  type(command: string): void {
    this.term.focus();
    this.enqueue(this.takeLine(command));
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
  }

  private onData(data: string): void {
    // A paste arrives as one chunk: split it into lines like the kernel's tty would.
    if (data.length > 1 && !data.startsWith('\x1b') && /[\r\n]/.test(data)) {
      const parts = data.replace(/\r\n/g, '\r').replace(/\n/g, '\r').split('\r');
      const last = parts.pop() ?? '';
      for (const part of parts) this.enqueue(this.takeLine(part));
      if (last) this.typed(last);
      return;
    }
    if (this.busy && data === '\x03') {
      this.interruptRequested = true;
      return;
    }
    if (this.busy && data === '\r') {
      this.enqueue(this.takeLine(''));
      return;
    }
    this.typed(data);
  }

  private takeLine(extra: string): string {
    this.editor.insert(extra);
    const action = this.editor.key('\r');
    return action.kind === 'submit' ? action.line : '';
  }

  private typed(data: string): void {
    const action = this.editor.key(data);
    switch (action.kind) {
      case 'submit':
        this.enqueue(action.line);
        break;
      case 'interrupt':
        this.term.write(`\r\x1b[K${this.prompt}${action.line}^C\r\n`);
        if (this.continuing) void this.abandonLine();
        else this.term.write(this.prompt);
        break;
      case 'clear-screen':
        this.term.clear();
        this.redraw();
        break;
      case 'edit':
        this.redraw();
        break;
      default:
        break;
    }
  }

  private enqueue(line: string): void {
    this.queue.push(line);
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length > 0 && !this.disposed) {
      const line = this.queue.shift()!;
      // Show the finished line exactly as typed, then the output below it.
      this.term.write(`\r\x1b[K${this.prompt}${line}\r\n`);
      let result = this.show(await engine().execute(this.sessionId, line));
      while (result && !this.disposed) {
        const stop = this.interruptRequested;
        this.interruptRequested = false;
        if (stop && (result.running || result.needsMoreInput)) {
          result = this.show(await engine().interrupt(this.sessionId));
          continue;
        }
        if (!result.running) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!this.interruptRequested) result = this.show(await engine().poll(this.sessionId));
      }
      this.interruptRequested = false;
      this.term.write(this.prompt);
    }
    this.busy = false;
    this.redraw();
  }

  /** Prints one engine answer and takes its prompt; returns the result (undefined on an internal error). */
  private show(r: { ok: true; value: ShellResult } | { ok: false; error: string }): ShellResult | undefined {
    if (!r.ok) {
      this.term.write(toCrlf(`kubelab: internal error: ${r.error}\n`));
      return undefined;
    }
    if (r.value.clear) this.term.clear();
    if (r.value.output) this.term.write(toCrlf(r.value.output));
    if (r.value.openInEditor) {
      const problem = this.yamlEditor?.problem(r.value.openInEditor.path);
      if (problem) this.term.write(toCrlf(`${problem}\n`));
      else void this.yamlEditor?.open(r.value.openInEditor.path);
    }
    this.prompt = r.value.prompt;
    this.continuing = !!r.value.needsMoreInput;
    return r.value;
  }

  /** Ctrl+C under PS2: the engine drops the unfinished line and answers with PS1. */
  private async abandonLine(): Promise<void> {
    const r = await engine().interrupt(this.sessionId);
    if (r.ok) {
      this.prompt = r.value.prompt;
      this.continuing = false;
    }
    this.term.write(this.prompt);
  }

  /** Rewrites the prompt line from the editor's state, leaving the cursor where it belongs. */
  private redraw(): void {
    if (this.busy) return;
    this.term.write(this.redrawSeq());
  }

  private redrawSeq(): string {
    const { buffer, cursor } = this.editor.state();
    const back = buffer.length - cursor;
    return `\r\x1b[K${this.prompt}${buffer}${back > 0 ? `\x1b[${back}D` : ''}`;
  }
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
