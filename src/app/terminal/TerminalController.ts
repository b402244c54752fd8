import type { Terminal } from '@xterm/xterm';
import { engine } from '../client/engineClient';
import { useTerminalActivity } from '../state/useTerminalActivity';
import { LineEditor } from './LineEditor';
import { columnAfter, drawLine, eraseLine } from './promptLine';
import type { ShellResult } from '../../worker/createEngineApi';

/** The YAML editor as the terminal sees it: where `vim FILE` and `kubectl edit` open files. */
export interface TerminalEditorSeam {
  /** Why the editor cannot open `path` for `vim` (only the home folder's files are editor files). */
  problem(path: string): string | undefined;
  /** `vim FILE`: opens the file; the command has already returned. */
  open(path: string): Promise<void>;
  /** `kubectl edit`: opens the temp file while the command waits for it to be saved. */
  edit(path: string, command: { cancel(): void; settled(): Promise<boolean> }): Promise<void>;
  /** The waiting command ended: its file leaves the editor. */
  endEdit(path: string): void;
}

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
  /** Row of the (possibly wrapped) prompt line the cursor is on, counted from the prompt's row. */
  private row = 0;
  /** Column the prompt starts at: output without a final newline stays in front of it. */
  private startCol = 0;
  private disposables: { dispose(): void }[] = [];

  constructor(
    private readonly term: Terminal,
    /** Where `vim FILE` and `kubectl edit` open files: the YAML editor. */
    private readonly yamlEditor?: TerminalEditorSeam,
  ) {}

  /** The machine the learner's shell starts on: the editor's files are that machine's files. */
  private machine = '';
  /** The file a running command (`kubectl edit`) waits on in the editor. */
  private editing: string | undefined;
  /** Polls started so far; a save waits for a poll that started after it. */
  private pollsStarted = 0;
  private pollWaiters: { after: number; resolve: (running: boolean) => void }[] = [];

  async start(): Promise<void> {
    const { id, prompt, machine } = await engine().openShell();
    if (this.disposed) return;
    this.sessionId = id;
    this.prompt = prompt;
    this.machine = machine;
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
        this.term.write(`${eraseLine(this.row, this.startCol)}${this.prompt}${action.line}^C\r\n`);
        this.row = 0;
        this.startCol = 0;
        if (this.continuing) void this.abandonLine();
        else this.term.write(this.prompt);
        break;
      case 'clear-screen':
        this.term.clear();
        // clear() keeps only the cursor's row, now the top one: the line is redrawn from there.
        this.row = 0;
        this.startCol = 0;
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
      this.term.write(`${eraseLine(this.row, this.startCol)}${this.prompt}${line}\r\n`);
      this.row = 0;
      this.startCol = 0;
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
        if (!this.interruptRequested) {
          const started = ++this.pollsStarted;
          result = this.show(await engine().poll(this.sessionId));
          this.settlePolls(started, !!result?.running);
        }
      }
      this.interruptRequested = false;
      this.commandEnded();
      this.term.write(this.prompt);
      // The lab panel re-runs its checks after each command.
      useTerminalActivity.getState().commandRan();
    }
    this.busy = false;
    this.redraw();
  }

  /** Prints one engine answer and takes its prompt; returns the result (undefined on an internal error). */
  private show(r: { ok: true; value: ShellResult } | { ok: false; error: string }): ShellResult | undefined {
    if (!r.ok) {
      this.term.write(toCrlf(`kubelab: internal error: ${r.error}\n`));
      this.startCol = 0;
      return undefined;
    }
    if (r.value.clear) {
      this.term.clear();
      this.startCol = 0;
    }
    if (r.value.output) {
      this.term.write(toCrlf(r.value.output));
      this.startCol = columnAfter(this.startCol, r.value.output, this.term.cols);
    }
    if (r.value.openInEditor) this.openInEditor(r.value.openInEditor, !!r.value.running);
    this.prompt = r.value.prompt;
    this.continuing = !!r.value.needsMoreInput;
    return r.value;
  }

  /**
   * `vim FILE` has returned by now; `kubectl edit` is still running and waits for its file to be
   * saved, so the editor gets a handle to cancel it (tab closed unsaved) and to hear its verdict.
   */
  private openInEditor(target: { path: string; machine: string }, waiting: boolean): void {
    const problem =
      target.machine !== this.machine
        ? `kubelab: the editor opens files of ${this.machine} only, not of ${target.machine}: ${target.path}`
        : waiting
          ? undefined
          : this.yamlEditor?.problem(target.path);
    if (problem || !this.yamlEditor) {
      if (problem) {
        this.term.write(toCrlf(`${problem}\n`));
        this.startCol = 0;
      }
      // Nothing can save the file: leave the waiting command as Ctrl+C would.
      if (waiting) this.interruptRequested = true;
      return;
    }
    if (!waiting) {
      void this.yamlEditor.open(target.path);
      return;
    }
    this.editing = target.path;
    void this.yamlEditor.edit(target.path, {
      cancel: () => {
        if (this.editing === target.path) this.interruptRequested = true;
      },
      settled: () =>
        this.editing === target.path
          ? new Promise<boolean>((resolve) => this.pollWaiters.push({ after: this.pollsStarted + 1, resolve }))
          : Promise.resolve(false),
    });
  }

  /** A poll that started after a save has answered: the command has read the saved file. */
  private settlePolls(started: number, running: boolean): void {
    const ready = this.pollWaiters.filter((w) => w.after <= started);
    this.pollWaiters = this.pollWaiters.filter((w) => w.after > started);
    for (const w of ready) w.resolve(running);
  }

  /** The command is over: nothing waits on the editor any more. */
  private commandEnded(): void {
    for (const w of this.pollWaiters) w.resolve(false);
    this.pollWaiters = [];
    if (this.editing) this.yamlEditor?.endEdit(this.editing);
    this.editing = undefined;
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
    const { buffer, cursor } = this.editor.state();
    const drawn = drawLine(this.prompt, buffer, cursor, this.term.cols, this.row, this.startCol);
    this.term.write(drawn.seq);
    this.row = drawn.cursorRow;
  }
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
