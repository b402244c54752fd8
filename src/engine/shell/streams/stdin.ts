import type { Vfs } from '../vfs/Vfs';
import { EndlessRead } from '../vfs/devices';
import type { Pipe } from './Pipe';
import { DEVICE_BLOCK } from './streamCommand';

/** Where a command's standard input comes from: text (a file, heredoc, finished stage), an endless device or a pipe. */
export interface StdinSource {
  stdin: string;
  /** How much of `stdin` earlier commands have taken (shared by the commands of a `while read` loop). */
  cursor?: { pos: number };
  endless?: string | undefined;
  source?: Pipe | undefined;
}

/** A process's view of its standard input: all of it, a line, or the next piece as it comes. */
export interface Stdin {
  /** The rest up to end of file (consumes it); an endless input blocks (EndlessRead). */
  all(): string;
  /** One line without its newline, or undefined at end of file. */
  line(): string | undefined;
  /** The next piece as it comes, or undefined at end of file. */
  read(): string | undefined;
  /** Whether it never reaches end of file. */
  readonly endless: boolean;
}

export function openStdin(io: StdinSource, fs: Vfs): Stdin {
  const pipe = io.source;
  if (pipe) return { all: () => pipe.readAll(), line: () => pipe.readLine(), read: () => pipe.read(), get endless() { return pipe.endless; } };
  const device = io.endless;
  if (device !== undefined) {
    return {
      all: () => {
        throw new EndlessRead(device);
      },
      line: () => {
        throw new EndlessRead(device);
      },
      read: () => fs.readFile(device, DEVICE_BLOCK),
      endless: true,
    };
  }
  const cursor = io.cursor ?? (io.cursor = { pos: 0 });
  // Reading stdin consumes what is left of it, as a process reading to EOF does.
  const all = (): string => {
    const rest = io.stdin.slice(cursor.pos);
    cursor.pos = io.stdin.length;
    return rest;
  };
  return {
    all,
    line: () => {
      if (cursor.pos >= io.stdin.length) return undefined;
      const nl = io.stdin.indexOf('\n', cursor.pos);
      const end = nl < 0 ? io.stdin.length : nl;
      const line = io.stdin.slice(cursor.pos, end);
      cursor.pos = nl < 0 ? end : end + 1;
      return line;
    },
    read: () => {
      const rest = all();
      return rest === '' ? undefined : rest;
    },
    endless: false,
  };
}

/**
 * A command's standard input, opened on first use, and whether its output is declared endless
 * (see StreamContext.outputEndless). A class, not closures: every command run makes one.
 */
export class ProcessInput {
  private opened: Stdin | undefined;
  /** What the command said of its output's endlessness; undefined follows its input. */
  declared: boolean | undefined;

  constructor(
    private readonly io: StdinSource,
    private readonly fs: Vfs,
  ) {}

  get stdin(): Stdin {
    return (this.opened ??= openStdin(this.io, this.fs));
  }

  /** Whether a running job has not written what the command would read next. */
  get waiting(): boolean {
    return this.io.source?.waiting ?? false;
  }

  /** Asked as the pipeline runs: a writer says it is endless once it has started. */
  get endless(): boolean {
    return this.io.source ? this.io.source.endless : this.io.endless !== undefined;
  }
}
