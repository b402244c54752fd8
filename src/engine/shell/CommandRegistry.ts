import { asCommand, streamFormOf } from './streams/streamCommand';
import type { Command, Completer, StreamCommand } from './types';

/** Which commands are stateless line filters, remembered with the command itself. */
const lineFilters = new WeakMap<Command, (argv: string[]) => boolean>();

/**
 * The commands installed on one machine. Areas plug theirs in (`kubectl`, `iptables-save`,
 * `nslookup`, `curl`); `which` and tab completion read the same table.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, { run: Command; path: string }>();
  private readonly completers = new Map<string, Completer>();
  private readonly lineStreamers = new Map<string, (argv: string[]) => boolean>();
  private readonly streams = new Map<string, StreamCommand>();

  /**
   * Installs `name` at `dir/name` (as `which` shows it); replaces any earlier one.
   * `streamsLines(argv)` says whether that invocation is a stateless line filter writing each
   * result as soon as it reads the line (grep PATTERN to a terminal): then a pipeline feeds it
   * a running command's output as it comes instead of at the end.
   */
  register(name: string, run: Command, options: { dir?: string; complete?: Completer; streamsLines?: (argv: string[]) => boolean } = {}): this {
    this.commands.set(name, { run, path: `${options.dir ?? '/usr/bin'}/${name}` });
    if (options.complete) this.completers.set(name, options.complete);
    // A command copied from another registry (a container's tools from the node's) keeps what it is.
    const streamsLines = options.streamsLines ?? lineFilters.get(run);
    if (streamsLines) {
      this.lineStreamers.set(name, streamsLines);
      lineFilters.set(run, streamsLines);
    } else this.lineStreamers.delete(name);
    const stream = streamFormOf(run);
    if (stream) this.streams.set(name, stream);
    else this.streams.delete(name);
    return this;
  }

  /**
   * Installs a command that writes as it goes ({@link StreamCommand}): in a pipeline its reader
   * runs it only as far as it needs, so `yes | head -3` ends; elsewhere it runs as a plain command.
   */
  registerStream(name: string, stream: StreamCommand, options: { dir?: string; complete?: Completer } = {}): this {
    return this.register(name, asCommand(stream), options);
  }

  /** The stream form of `name`, if it has one (see {@link registerStream}). */
  streamOf(name: string): StreamCommand | undefined {
    return this.streams.get(name);
  }

  /** Whether `argv` runs as a stateless line filter (see {@link register}). */
  streamsLines(argv: string[]): boolean {
    const f = this.lineStreamers.get(argv[0] ?? '');
    return !!f && f(argv);
  }

  unregister(name: string): void {
    this.commands.delete(name);
    this.completers.delete(name);
    this.lineStreamers.delete(name);
    this.streams.delete(name);
  }

  get(name: string): Command | undefined {
    return this.commands.get(name)?.run;
  }

  /** The path `which` prints. */
  pathOf(name: string): string | undefined {
    return this.commands.get(name)?.path;
  }

  has(name: string): boolean {
    return this.commands.has(name);
  }

  names(): string[] {
    return [...this.commands.keys()].sort();
  }

  completerFor(name: string): Completer | undefined {
    return this.completers.get(name);
  }

  /** A copy, so a container can start from a base tool set and add its own. */
  clone(): CommandRegistry {
    const copy = new CommandRegistry();
    for (const [name, c] of this.commands) copy.commands.set(name, c);
    for (const [name, c] of this.completers) copy.completers.set(name, c);
    for (const [name, f] of this.lineStreamers) copy.lineStreamers.set(name, f);
    for (const [name, f] of this.streams) copy.streams.set(name, f);
    return copy;
  }
}
