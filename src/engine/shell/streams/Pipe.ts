import { EndlessRead } from '../vfs/devices';

/** What a pipe holds before its writer blocks: Linux's default capacity, 16 pages. */
export const PIPE_CAPACITY = 65536;

/** The status of a process killed by SIGPIPE (128 + 13), what the shell reports for it. */
export const SIGPIPE_STATUS = 141;

/**
 * How many times a reader runs an endless writer that writes nothing before deciding it never
 * will (`tr -d '\0' < /dev/zero | head -c 1`): the reader blocks, as it would forever.
 */
const MAX_IDLE_STEPS = 256;

/** A pipeline stage that runs only as far as its reader needs (a stream command's generator). */
export interface LazyWriter {
  /** Runs the writer to its next write or its end; returns its status once it has ended. Before the first, {@link endless} is not known. */
  step(): number | undefined;
  /** Whether it never ends by itself (`yes`, `cat /dev/zero`, a filter of one of those). */
  readonly endless: boolean;
  /** Whether it reads a pipe itself (a filter in the middle: `grep` in `seq | grep | head`). */
  readonly readsPipe: boolean;
  /** SIGPIPE: it stops where it is and lets go of its own input. */
  kill(): void;
}

/**
 * The pipe between two pipeline stages. A writer that ran to its end leaves all its output here;
 * a lazy writer is run when its reader wants more, a write at a time. When the reader is gone,
 * what the writer does next decides its status (see {@link close}).
 */
export class Pipe {
  /** Written and not yet read: `buffer` from `start` (reads move `start` rather than copy the rest). */
  private buffer = '';
  private start = 0;
  private written = 0;
  private taken = 0;
  private writer: LazyWriter | undefined;
  private status: number | undefined;
  private readerGone = false;
  /**
   * The writer is a running job (`ping`, `kubectl get -w`) the reader runs beside: a read with
   * nothing written yet gives '' (come back later) rather than end of file.
   */
  live = false;

  /** The writing end, as the writer's stdout. */
  readonly write = (text: string): void => {
    this.written += text.length;
    if (this.readerGone) return;
    if (this.start > 0) {
      this.buffer = this.buffer.slice(this.start);
      this.start = 0;
    }
    this.buffer += text;
  };

  /** The stage writing here runs lazily (see {@link LazyWriter}). */
  attach(writer: LazyWriter): void {
    this.writer = writer;
  }

  get lazy(): boolean {
    return this.writer !== undefined;
  }

  /** The writer ended with `status` (a command that ran to its end before its reader started). */
  finish(status: number): void {
    this.status ??= status;
  }

  /** Whether reading to end of file would never end. */
  get endless(): boolean {
    return this.status === undefined && this.writer !== undefined && this.writer.endless;
  }

  /** The next piece the writer wrote (running it if need be), or undefined at end of file. A read never gets more than a pipe holds. */
  read(): string | undefined {
    if (this.live && this.pending === 0) return '';
    if (!this.fill()) return undefined;
    return this.take(Math.min(this.pending, PIPE_CAPACITY));
  }

  /** One line without its newline (the last one may lack it), or undefined at end of file. */
  readLine(): string | undefined {
    // How much of what is pending has been searched for a newline (a write may move it).
    let searched = 0;
    for (;;) {
      const nl = this.buffer.indexOf('\n', this.start + searched);
      if (nl >= 0) return this.take(nl + 1 - this.start).slice(0, -1);
      searched = this.pending;
      if (!this.fill(true)) return this.pending === 0 ? undefined : this.take(this.pending);
    }
  }

  /** Everything up to end of file; an endless writer makes this block (EndlessRead). */
  readAll(): string {
    // All of a running job's output is not there yet: this reader waits until Ctrl+C.
    if (this.live) throw new EndlessRead('pipe:');
    let out = '';
    while (this.fill()) {
      out += this.take(this.pending);
      // Asked after a write: a writer says whether it is endless before its first one.
      if (this.endless) throw new EndlessRead('pipe:');
    }
    return out;
  }

  /** Complete lines written so far, without running the writer (a line filter following a running job). */
  takeLines(): string {
    return this.take(this.buffer.lastIndexOf('\n') + 1 - this.start);
  }

  /** Whether a reader must wait for a running job to write more. */
  get waiting(): boolean {
    return this.live && this.pending === 0;
  }

  /** How much the writer has written so far (a running job's next write after its reader left kills it). */
  get writtenCount(): number {
    return this.written;
  }

  /** How much is written and not yet read. */
  private get pending(): number {
    return this.buffer.length - this.start;
  }

  /**
   * The reader is gone; returns the writer's status. A write into a pipe whose reader is gone
   * kills the writer (SIGPIPE, 141), except what still fits in the pipe's capacity beyond what
   * was read: a source (`seq`, `yes`, `cat FILE`) runs ahead of its reader that far, so `seq 3 |
   * head -1` ends on its own and `seq 1000000 | head -2` does not. A filter that reads a pipe
   * itself goes at its input's pace and is behind its reader, so its next write fails (`seq
   * 100000 | grep 99 | head -3`: 141 141 0, as bash shows). A command that ran to its end first
   * was killed if it wrote more than the pipe held (`seq 100000 | sort | head -1`: 0 141 0).
   * Throws EndlessRead for a writer that never writes nor ends: the pipeline waits for it.
   */
  close(): number {
    if (this.readerGone) return this.status ?? 0;
    this.readerGone = true;
    this.buffer = '';
    this.start = 0;
    const overflowed = () => this.written - this.taken > PIPE_CAPACITY;
    let idle = 0;
    while (this.status === undefined && this.writer) {
      const before = this.written;
      const status = this.writer.step();
      if (overflowed() || (this.writer.readsPipe && this.written > before)) {
        if (status === undefined) this.writer.kill();
        this.status = SIGPIPE_STATUS;
        break;
      }
      this.status = status;
      idle = this.written === before ? idle + 1 : 0;
      if (idle >= MAX_IDLE_STEPS && this.writer.endless) throw new EndlessRead('pipe:');
    }
    // A writer that ran to its end before its reader started.
    if (!this.writer && overflowed()) this.status = SIGPIPE_STATUS;
    return this.status ?? 0;
  }

  private take(n: number): string {
    if (n <= 0) return '';
    const out = this.buffer.slice(this.start, this.start + n);
    this.start += n;
    if (this.start === this.buffer.length) {
      this.buffer = '';
      this.start = 0;
    }
    this.taken += n;
    return out;
  }

  /** Makes the buffer non-empty (or, with `more`, longer) by running the writer; false at end of file. */
  private fill(more = false): boolean {
    const want = more ? this.pending + 1 : 1;
    for (let idle = 0; this.pending < want; idle++) {
      if (this.status !== undefined || !this.writer) return false;
      if (idle >= MAX_IDLE_STEPS && this.writer.endless) throw new EndlessRead('pipe:');
      this.status = this.writer.step();
    }
    return true;
  }
}
