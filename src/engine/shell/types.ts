import type { CommandRegistry } from './CommandRegistry';
import type { Vfs } from './vfs/Vfs';

/** What one command line produced, in the order a terminal shows it. */
export interface ShellResult {
  /** stdout and stderr interleaved as written, `\n` line endings, no prompt. */
  output: string;
  exitCode: number;
  /** The prompt to show for the next line (it changes inside `kubectl exec` or `ssh`, and is PS2 `> ` while input is unfinished). */
  prompt: string;
  /** Set when the command asks the terminal to clear the screen (`clear`, Ctrl+L). */
  clear?: boolean;
  /** Set when the command asks the UI to open a file in the YAML editor (`vim FILE`). */
  openInEditor?: { path: string; machine: string };
  /** The line is not finished (open quote, heredoc, trailing `|` or `\`): show `prompt` (PS2) and send the next line. */
  needsMoreInput?: boolean;
  /**
   * A foreground command is still running (`sleep`, `kubectl get -w`, `kubectl proxy`): call
   * `session.poll()` as time passes for more output, `session.interrupt()` for Ctrl+C.
   */
  running?: boolean;
  /** The learner left the login shell with `exit` (the terminal may close or start a new session). */
  ended?: boolean;
}

/**
 * A long-running command. The shell polls it whenever virtual time may have moved; it writes its
 * output through the writers it was started with.
 */
export interface Job {
  /** Called after time moved; returns the exit code once finished, otherwise undefined. */
  poll(now: number): number | undefined;
  /**
   * When the job next needs time to pass (virtual ms since the epoch). On the command line the
   * shell advances the clock there; undefined means it waits for outside events (a watch) and
   * only finishes when interrupted.
   */
  wakeAt(): number | undefined;
  /** Ctrl+C: release whatever the job holds (watches, listeners). The shell prints `^C` and sets 130. */
  interrupt(): void;
}

/** A command's outcome beyond its exit code. */
export interface CommandEffects {
  exitCode: number;
  /** The command keeps running; the shell waits for it (foreground) or lists it (`&`). */
  job?: Job;
  clear?: boolean;
  /** Absolute path to open in the editor UI. */
  openInEditor?: string;
}

export type CommandOutcome = number | CommandEffects;

/** The environment of one shell: variables and which of them are exported. */
export interface ShellEnv {
  get(name: string): string | undefined;
  set(name: string, value: string, exported?: boolean): void;
  unset(name: string): void;
  /** Exported variables, as `env` prints them (insertion order). */
  exported(): [string, string][];
}

/** Everything a command sees when it runs: its process view of the machine. */
export interface CommandContext {
  /** argv[0] is the command name as typed. */
  argv: string[];
  /** What is left of standard input (reading it consumes it). */
  readonly stdin: string;
  /**
   * The device standard input is redirected from when its reads never end (`< /dev/zero`):
   * reading `stdin` whole then blocks, and a tool that wants only so many bytes (`head -c`)
   * reads them from the device instead.
   */
  readonly stdinDevice?: string | undefined;
  /** One line of standard input without its newline (what `read` takes), or undefined at EOF. */
  readLine(): string | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is the terminal (not a pipe or a file): `ls` prints columns only then. */
  isTTY: boolean;
  env: ShellEnv;
  /** Absolute working directory. */
  cwd: string;
  fs: Vfs;
  machine: Machine;
  /** Virtual time now (ms since the epoch). */
  now(): number;
  /** Absolute path for `path` relative to the working directory (`~` is already expanded by the shell). */
  resolve(path: string): string;
  /**
   * Runs another command to completion with the given stdin and this command's writers (what
   * xargs and `kubectl exec` without `-it` need). Returns its exit code.
   */
  exec(argv: string[], stdin: string): number;
  /** Shell-level services: changing directory, entering another machine, history. */
  shell: ShellHooks;
}

/** What builtins and machine-changing commands (`kubectl exec -it`, `ssh`) may ask of the shell. */
export interface ShellHooks {
  /**
   * Opens an interactive shell on another machine (pushed on the session's stack; `exit` pops it).
   * `onExit` runs when that shell is left, with its exit status (`kubectl run -it --rm` deletes its pod then);
   * a number it returns becomes `$?` instead, as the status of the command that entered the shell.
   */
  enter(machine: Machine, options?: { cwd?: string; env?: Record<string, string>; login?: boolean; shell?: ShellIdentity; onExit?: (code: number) => number | void }): void;
  /**
   * Runs a command line on another machine without entering it; output goes to this command's
   * writers. A command that waits for virtual time (`ping -c 3`) comes back as a running job.
   */
  runOn(machine: Machine, argv: string[], stdin: string): CommandOutcome;
  /**
   * Runs a script in a child shell of this one on the same machine (`sh -c`, `bash FILE`): it
   * inherits the exported variables and the working directory, and changes neither. A script
   * that does not parse comes back as the parser's verdict, for the shell to word its error.
   */
  runScript(script: string, stdin: string, shell?: ShellIdentity): CommandOutcome | { syntaxError: 'incomplete' | 'syntax'; token?: string; missing?: string; expecting?: string };
  setCwd(path: string): void;
  /** `$?`: the status of the previous command (what `exit` without an argument returns). */
  status(): number;
  /** Whether this shell is a login shell (entered by `ssh`). */
  isLogin(): boolean;
  /** Whether this shell reads a terminal (not a script given to `sh -c` or `bash FILE`). */
  isInteractive(): boolean;
  /** Which shell this is and how it was started. */
  identity(): ShellIdentity;
  /**
   * `source FILE` / `. FILE`: runs `script` (the file's text) in this shell itself, so its
   * variables and directory stay; errors inside name `file`.
   */
  source(file: string, script: string): CommandOutcome | { syntaxError: 'incomplete' | 'syntax'; token?: string };
  /** This shell's aliases (`alias`, `unalias` change them). */
  aliases(): Map<string, string>;
  /** The `set -o` options on in this shell (`pipefail`, `errexit`, `xtrace`, ...). */
  options(): Set<string>;
  /** The positional parameters `$1 $2 ...` (`set -- a b` replaces them). */
  positional(): string[];
  setPositional(args: string[]): void;
  /** Every shell variable, sorted by name (`set` with no arguments lists them). */
  variables(): [string, string][];
  /** How this shell begins its own error messages now (`bash: `, `bash: line 3: `, `sh: 1: `, `sh: `). */
  errorPrefix(): string;
  /** The previous directory for `cd -`. */
  oldCwd(): string | undefined;
  history(): readonly string[];
  clearHistory(): void;
  /** Leaves the current shell (`exit`): pops the machine stack; on the last shell ends the session. */
  exit(code: number): void;
  /** Moves virtual time forward if this session controls time (command line), else undefined. */
  advance?: (ms: number) => void;
  /** Whether `name` is a shell builtin (for `type`). */
  isBuiltin(name: string): boolean;
  /** A job that finishes when every background job has (`wait`). */
  waitForJobs(): Job;
  /** Background jobs (for `jobs`). */
  jobs(): { id: number; pid: number; text: string; done: boolean }[];
}

/**
 * Which shell runs: GNU bash (`bash: x: command not found`), dash, Debian's and Ubuntu's `sh`
 * (`sh: 1: x: not found`), or busybox ash (`sh: x: not found`).
 */
export type ShellFlavor = 'bash' | 'dash' | 'ash';

/** One running shell: its flavor, the name it was started by (`$0`: `sh`, `/bin/bash`, `x.sh`), and what it reads. */
export interface ShellIdentity {
  flavor: ShellFlavor;
  name: string;
  source: 'interactive' | '-c' | 'file' | 'stdin';
  /** The positional parameters it starts with (`bash x.sh a b`, `sh -c 'echo $1' sh a`). */
  args?: string[];
}

/** A place a shell can run: the learner's node, another node, or a container. */
export interface Machine {
  hostname: string;
  user: string;
  home: string;
  fs: Vfs;
  commands: CommandRegistry;
  flavor: ShellFlavor;
  /** What `sh` runs here: dash on Debian/Ubuntu (images and nodes), busybox ash on busybox images. */
  sh?: ShellFlavor;
  /** PS1 with bash escapes `\u`, `\h`, `\w`, `\W`, `\$`: `\h:\w$ ` for the node, `\u@\h:\w\$ ` for debian, `\w \$ ` for busybox. */
  ps1: string;
  /** Initial environment of a new shell on this machine. */
  env: Record<string, string>;
  /** The machine's addresses (`hostname -i`). */
  addresses?: string[];
  /** Where a new shell starts (defaults to home). */
  cwd?: string;
}

/** A command: reads its context, writes through it, returns an exit code or effects. */
export type Command = (ctx: CommandContext) => CommandOutcome;

/** What a {@link StreamCommand} sees: a command's context, with its input a piece at a time. */
export interface StreamContext extends CommandContext {
  /** The next piece of standard input as it comes (a pipe's next write, a device's next block), undefined at end of file. */
  read(): string | undefined;
  /** Whether standard input never reaches end of file (`< /dev/zero`, `yes |`); known once its writer has started. */
  readonly inputEndless: boolean;
  /**
   * Whether this command's output never ends by itself. Until set it follows {@link inputEndless}
   * (a filter's); a command that knows sets it before its first write (`yes`: true, `head`: false).
   */
  outputEndless: boolean;
  /** Whether input has nothing yet but more will come (a running job writes into the pipe): `read()` gives '' now. */
  readonly inputWaiting?: boolean;
}

/**
 * A command that writes as it goes, as a process writing into a pipe: it yields after each write
 * (or piece of input it took), and its reader runs it only as far as it needs. When the reader is
 * gone it is not resumed again (SIGPIPE), so `yes | head -3` ends. Returns its exit status.
 */
export type StreamCommand = (ctx: StreamContext) => Generator<void, number, void>;

/** Completion candidates for the argument at `index` of `words` (words[0] is the command). */
export type Completer = (words: string[], index: number, machine: Machine) => string[];
