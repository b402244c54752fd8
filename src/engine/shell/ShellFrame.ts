import { defaultOptions } from './options/shellOptions';
import type { Machine, ShellEnv, ShellFlavor, ShellIdentity } from './types';

/**
 * One shell process on one machine: its variables, working directory, last exit status and
 * history. The session keeps a stack of them (`kubectl exec -it ... -- bash` pushes, `exit` pops).
 */
export class ShellFrame implements ShellEnv {
  private readonly vars = new Map<string, { value: string; exported: boolean }>();
  cwd: string;
  oldCwd: string | undefined;
  lastExit = 0;
  lastBackgroundPid: number | undefined;
  readonly history: string[] = [];
  /** A login shell (what `ssh` starts): bash says `logout`, not `exit`, when it is left. */
  readonly login: boolean;
  /** A shell reading a script (`sh -c`, `bash FILE`) rather than a terminal: `exit` says nothing. */
  readonly interactive: boolean;
  /** Which shell this is (bash, dash or busybox ash) and the name it was started by (`sh`, `/bin/sh`, `x.sh`). */
  readonly shell: ShellIdentity;
  /** The line of its input the running command is on (counted from 1), for `line N:` in errors. */
  line = 0;
  /** Lines an interactive dash has read before the current input: dash numbers errors by them. */
  linesRead = 0;
  /** The file `source`/`.` is reading now, if any: errors inside it name it (and count its lines). */
  sourcing: string | undefined;
  /** `alias NAME=VALUE`: this shell's aliases (a subshell copies them, a child `bash -c` starts without). */
  readonly aliases = new Map<string, string>();
  /** The statuses of the last pipeline's stages, bash's `${PIPESTATUS[@]}`. */
  pipeStatus: number[] = [0];
  /** `set -o NAME` / `set -e` options that are on (`errexit`, `pipefail`, ...); a subshell inherits them. */
  readonly options: Set<string>;
  /** `$1 $2 ...`: the positional parameters (`set -- a b`); a subshell inherits them. */
  positional: string[] = [];
  /** How deep in command substitutions this shell is: bash's xtrace repeats PS4's first character per level. */
  substitutionDepth = 0;

  constructor(
    readonly machine: Machine,
    readonly pid: number,
    options: { cwd?: string; env?: Record<string, string>; login?: boolean; interactive?: boolean; shell?: ShellIdentity } = {},
  ) {
    this.login = options.login ?? false;
    this.interactive = options.interactive ?? true;
    this.shell = options.shell ?? { flavor: machine.flavor, name: machine.flavor === 'ash' ? 'sh' : 'bash', source: 'interactive' };
    this.options = new Set(defaultOptions(this.shell, this.interactive));
    this.positional = [...(this.shell.args ?? [])];
    const env = { ...machine.env, ...options.env };
    for (const [k, v] of Object.entries(env)) this.vars.set(k, { value: v, exported: true });
    this.cwd = options.cwd ?? machine.cwd ?? machine.home;
    if (!machine.fs.isDir(this.cwd)) this.cwd = '/';
    this.set('PWD', this.cwd, true);
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const cur = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? cur?.exported ?? false });
  }

  /** Marks `name` exported without giving it a value (`export FOO` on an unset name). */
  markExported(name: string): void {
    const cur = this.vars.get(name);
    if (cur) cur.exported = true;
    else this.vars.set(name, { value: '', exported: true });
  }

  unset(name: string): void {
    this.vars.delete(name);
  }

  isSet(name: string): boolean {
    return this.vars.has(name);
  }

  exported(): [string, string][] {
    return [...this.vars].filter(([, v]) => v.exported).map(([k, v]) => [k, v.value]);
  }

  /** Every variable, sorted, for `set`-style listings. */
  all(): [string, string][] {
    return [...this.vars].map(([k, v]) => [k, v.value] as [string, string]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A copy for a subshell `( ... )`: changes inside do not leak out. */
  fork(pid: number): ShellFrame {
    const child = new ShellFrame(this.machine, pid, { cwd: this.cwd, interactive: this.interactive, shell: this.shell });
    child.line = this.line;
    child.linesRead = this.linesRead;
    for (const [k, v] of this.aliases) child.aliases.set(k, v);
    child.options.clear();
    for (const o of this.options) child.options.add(o);
    child.positional = [...this.positional];
    child.substitutionDepth = this.substitutionDepth;
    child.pipeStatus = [...this.pipeStatus];
    child.vars.clear();
    for (const [k, v] of this.vars) child.vars.set(k, { ...v });
    child.oldCwd = this.oldCwd;
    child.lastExit = this.lastExit;
    return child;
  }

  get flavor(): ShellFlavor {
    return this.shell.flavor;
  }

  /** dash has no prompt escapes: its PS1 is `# ` for root and `$ ` for others; bash and ash use the machine's. */
  private defaultPs1(): string {
    if (this.shell.flavor === 'dash') return this.machine.user === 'root' ? '# ' : '$ ';
    return this.machine.ps1;
  }

  /**
   * How this shell begins its own error messages: bash names the line only outside a terminal
   * (`bash: line 2: `, `x.sh: line 2: `), dash always (`sh: 2: `), busybox ash never (`sh: `).
   */
  errorPrefix(): string {
    const { flavor, name, source } = this.shell;
    if (flavor === 'ash') return 'sh: ';
    if (this.sourcing !== undefined) {
      if (flavor === 'dash') return `${name}: ${this.line}: ${this.sourcing}: `;
      if (source !== 'interactive') return `${this.sourcing}: line ${this.line}: `;
    }
    if (flavor === 'dash') return `${name}: ${this.linesRead + this.line}: `;
    if (source === 'interactive') return `${name}: `;
    return `${name}: line ${this.line}: `;
  }

  /** PS1 (the machine's, or one the learner set) with bash's `\u \h \w \W \$` escapes expanded. */
  prompt(): string {
    const home = this.get('HOME') ?? this.machine.home;
    const w = this.cwd === home ? '~' : home !== '/' && this.cwd.startsWith(`${home}/`) ? `~${this.cwd.slice(home.length)}` : this.cwd;
    const W = w === '~' || this.cwd === '/' ? w : this.cwd.slice(this.cwd.lastIndexOf('/') + 1);
    const map: Record<string, string> = { u: this.machine.user, h: this.machine.hostname.split('.')[0]!, H: this.machine.hostname, w, W, $: this.machine.user === 'root' ? '#' : '$' };
    return (this.get('PS1') ?? this.defaultPs1()).replace(/\\([uhHwW$])/g, (_, c: string) => map[c]!);
  }
}
