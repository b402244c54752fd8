import type { Command, Completer } from './types';

/**
 * The commands installed on one machine. Areas plug theirs in (`kubectl`, `iptables-save`,
 * `nslookup`, `curl`); `which` and tab completion read the same table.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, { run: Command; path: string }>();
  private readonly completers = new Map<string, Completer>();

  /** Installs `name` at `dir/name` (as `which` shows it); replaces any earlier one. */
  register(name: string, run: Command, options: { dir?: string; complete?: Completer } = {}): this {
    this.commands.set(name, { run, path: `${options.dir ?? '/usr/bin'}/${name}` });
    if (options.complete) this.completers.set(name, options.complete);
    return this;
  }

  unregister(name: string): void {
    this.commands.delete(name);
    this.completers.delete(name);
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
    return copy;
  }
}
