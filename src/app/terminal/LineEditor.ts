/**
 * The terminal's line discipline: what bash's readline does for the keys learners use. Pure, so
 * it is tested without a browser; the terminal pane only turns its state into escape sequences.
 */
export interface LineState {
  buffer: string;
  cursor: number;
}

export type KeyAction =
  | { kind: 'edit' }
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt'; line: string }
  | { kind: 'clear-screen' }
  | { kind: 'complete' }
  | { kind: 'none' };

export class LineEditor {
  buffer = '';
  cursor = 0;
  private history: string[] = [];
  /** Position in history while browsing with the arrows; history.length means "the new line". */
  private historyIndex = 0;
  private draft = '';

  state(): LineState {
    return { buffer: this.buffer, cursor: this.cursor };
  }

  setHistory(lines: string[]): void {
    this.history = [...lines];
    this.historyIndex = this.history.length;
  }

  insert(text: string): void {
    // Control characters in pasted text would corrupt the line; the terminal handles keys separately.
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\x00-\x1f\x7f]/g, '');
    this.buffer = this.buffer.slice(0, this.cursor) + clean + this.buffer.slice(this.cursor);
    this.cursor += clean.length;
  }

  /** Handles one key sequence as xterm.js reports it (`onData`). */
  key(data: string): KeyAction {
    switch (data) {
      case '\r':
        return this.submit();
      case '\x7f': // Backspace
      case '\b':
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
        }
        return { kind: 'edit' };
      case '\x1b[3~': // Delete
      case '\x04': // Ctrl+D on a non-empty line deletes forward, as readline does
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        return { kind: 'edit' };
      case '\x1b[D':
      case '\x02':
        this.cursor = Math.max(0, this.cursor - 1);
        return { kind: 'edit' };
      case '\x1b[C':
      case '\x06':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        return { kind: 'edit' };
      case '\x1b[H':
      case '\x1bOH':
      case '\x01':
        this.cursor = 0;
        return { kind: 'edit' };
      case '\x1b[F':
      case '\x1bOF':
      case '\x05':
        this.cursor = this.buffer.length;
        return { kind: 'edit' };
      case '\x15': // Ctrl+U: kill to start of line
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        return { kind: 'edit' };
      case '\x0b': // Ctrl+K: kill to end of line
        this.buffer = this.buffer.slice(0, this.cursor);
        return { kind: 'edit' };
      case '\x17': // Ctrl+W: kill the previous word
        return this.killWord();
      case '\x1b[A':
        return this.browse(-1);
      case '\x1b[B':
        return this.browse(1);
      case '\x03': {
        const line = this.buffer;
        this.reset();
        return { kind: 'interrupt', line };
      }
      case '\x0c':
        return { kind: 'clear-screen' };
      case '\t':
        return { kind: 'complete' };
      default:
        if (data.startsWith('\x1b')) return { kind: 'none' };
        this.insert(data);
        return { kind: 'edit' };
    }
  }

  private submit(): KeyAction {
    const line = this.buffer;
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.reset();
    return { kind: 'submit', line };
  }

  private reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  private killWord(): KeyAction {
    let start = this.cursor;
    while (start > 0 && this.buffer[start - 1] === ' ') start--;
    while (start > 0 && this.buffer[start - 1] !== ' ') start--;
    this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
    this.cursor = start;
    return { kind: 'edit' };
  }

  private browse(direction: -1 | 1): KeyAction {
    const next = this.historyIndex + direction;
    if (next < 0 || next > this.history.length) return { kind: 'none' };
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = next;
    this.buffer = next === this.history.length ? this.draft : this.history[next]!;
    this.cursor = this.buffer.length;
    return { kind: 'edit' };
  }
}
