import type { ShellSession } from '../engine/shell/ShellSession';
import type { Simulation } from '../engine/sim/Simulation';

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Types command lines into a learner session and writes the transcript the browser terminal
 * would show: the prompt and the echoed line, then the output. `kubelab shell` and `kubelab lab`
 * print through it, so their transcripts cannot differ. Colour is kept only for a terminal.
 */
export class Transcript {
  private readonly write: (text: string) => void;
  /** Whether the last text written ended its line (output like `wget -qO-`'s may not). */
  private atLineStart = true;

  constructor(
    private readonly sim: Simulation,
    private readonly session: ShellSession,
    output: NodeJS.WritableStream & { isTTY?: boolean },
  ) {
    const plain = !output.isTTY;
    this.write = (text) => {
      if (text === '') return;
      output.write(plain ? text.replace(ANSI, '') : text);
      this.atLineStart = text.endsWith('\n');
    };
  }

  /**
   * Writes lines of the caller's own between commands (`kubelab lab` prints its steps and
   * checks), on a line of their own even after output that did not end its line. (The next
   * prompt, as in a terminal, follows such output on the same line.)
   */
  note(text: string): void {
    this.write(this.atLineStart ? text : `\n${text}`);
  }

  /** Types one line, as after pressing Enter; stops a command still running from the line before. */
  type(line: string): void {
    const { session, sim } = this;
    if (session.isRunning) this.write(session.interrupt().output);
    this.write(`${session.prompt()}${line}\n`);
    const result = session.execute(line);
    sim.drain();
    this.write(result.output);
    this.follow();
  }

  /** Stops a command still running (the end of input, as Ctrl+C). */
  finish(): void {
    if (this.session.isRunning) this.write(this.session.interrupt().output);
  }

  /**
   * A command still running here waits for the cluster rather than for time (a watch, `-f`):
   * let the cluster run until it is quiet, so the transcript shows what the command would have
   * seen, and leave it running; the next line (or the end of input) stops it as Ctrl+C would.
   */
  private follow(): void {
    if (!this.session.isRunning) return;
    this.sim.runUntilSettled();
    this.write(this.session.poll().output);
  }
}
