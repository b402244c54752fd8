import { CommandRegistry } from './CommandRegistry';
import { complete, type Completion } from './complete';
import type { Exec } from './expand';
import { Interpreter, LineAborted, type InterpreterHost, type Io } from './Interpreter';
import { createMachine } from './machines';
import { parse } from './parser/parse';
import { whenDone } from './outcome';
import { syntaxErrorMessage } from './syntaxErrors';
import { SHELL_BUILTINS } from './builtins/shellBuiltins';
import { ShellFrame } from './ShellFrame';
import { forTerminal } from './streams/bytes';
import type { CommandOutcome, Job, Machine, ShellHooks, ShellResult } from './types';
import { VirtualClock } from '../sim/VirtualClock';
import { defaultConfig } from '../sim/Simulation';

/** How a session gets time. Omit both to let the session keep its own clock (tests, demos). */
export interface ShellSessionOptions {
  /** The learner's machine; defaults to the `controlplane` node with its home in `/root`. */
  machine?: Machine;
  /** Virtual time now (ms since the epoch). */
  now?: () => number;
  /**
   * Moves virtual time forward. Given (the command line), `sleep 5` advances the clock itself
   * and returns at once; absent (the browser, where time flows), long commands become running
   * jobs that `poll()` finishes.
   */
  advance?: (ms: number) => void;
  /** First process id handed out (`$$`, `[1] 1234`). */
  firstPid?: number;
}

interface BackgroundJob {
  id: number;
  pid: number;
  text: string;
  gen: Exec<number>;
  job: Job | undefined;
  done: boolean;
  code: number;
  reported: boolean;
}

/** Steps a generator until it finishes or waits on a job that is not done yet. */
type Step = { done: true; code: number } | { done: false; job: Job };

/**
 * One terminal: a user at a prompt on a machine of the cluster. The browser terminal and
 * `npx kubelab shell` both drive this class, which is why their transcripts match.
 */
export class ShellSession {
  private readonly frames: ShellFrame[] = [];
  private readonly interpreters = new WeakMap<ShellFrame, Interpreter>();
  private readonly exitedFrames = new WeakSet<ShellFrame>();
  /** Callbacks of shells entered with `onExit` (kubectl run --rm), run when they are left. */
  private readonly exitHandlers = new WeakMap<ShellFrame, (code: number) => number | void>();
  private pendingLines: string[] = [];
  private out = '';
  private effects: { clear?: boolean; openInEditor?: { path: string; machine: string } } = {};
  private foreground: { gen: Exec<number>; job: Job } | undefined;
  private background: BackgroundJob[] = [];
  private pid: number;
  private readonly nowFn: () => number;
  private readonly advanceFn: ((ms: number) => void) | undefined;
  /** Set when the learner left the login shell with `exit`. */
  ended = false;

  constructor(options: ShellSessionOptions = {}) {
    if (options.now) {
      this.nowFn = options.now;
      this.advanceFn = options.advance;
    } else {
      const clock = new VirtualClock(defaultConfig().startTime);
      this.nowFn = () => clock.now();
      this.advanceFn = options.advance ?? ((ms) => clock.advance(ms));
    }
    this.pid = options.firstPid ?? 1000;
    const machine = options.machine ?? createMachine({ hostname: 'controlplane', now: this.nowFn });
    this.frames.push(new ShellFrame(machine, this.pid++));
  }

  /** The shell the learner is typing into (the top of the stack). */
  get frame(): ShellFrame {
    return this.frames[this.frames.length - 1]!;
  }

  /** The machine the learner is on now. */
  get machine(): Machine {
    return this.frame.machine;
  }

  /** The registry of the learner's own machine, where other areas install `kubectl` and friends. */
  get commands(): CommandRegistry {
    return this.frames[0]!.machine.commands;
  }

  get lastExitCode(): number {
    return this.frame.lastExit;
  }

  /** Command history of the current shell, oldest first (the UI walks it with up/down). */
  get history(): readonly string[] {
    return this.frame.history;
  }

  get cwd(): string {
    return this.frame.cwd;
  }

  /** The prompt for the next line: PS1, or PS2 (`> `) while a command is unfinished. */
  prompt(): string {
    return this.pendingLines.length > 0 ? '> ' : this.frame.prompt();
  }

  /** True while a foreground command runs (poll it, or interrupt it with Ctrl+C). */
  get isRunning(): boolean {
    return this.foreground !== undefined;
  }

  /** Runs one line of input (or continues an unfinished one). */
  execute(line: string): ShellResult {
    if (this.foreground) {
      this.interruptForeground();
      this.out += '^C\n';
    }
    this.pendingLines.push(line);
    const src = this.pendingLines.join('\n');
    const parsed = parse(src);
    if (!parsed.ok && parsed.kind === 'incomplete') return this.result({ needsMoreInput: true });
    this.pendingLines = [];
    if (src.trim() !== '') this.frame.history.push(src);
    const frame = this.frame;
    const lines = src.split('\n').length;
    if (!parsed.ok) {
      // dash counts the lines it read, but not the one its parser gave up on.
      frame.line = lines;
      const prefix = frame.errorPrefix();
      if (parsed.kind === 'syntax') this.out += syntaxErrorMessage(frame.flavor, prefix, { syntaxError: 'syntax', token: parsed.token, ...(parsed.expecting ? { expecting: parsed.expecting } : {}) }, '', true);
      else if (parsed.kind === 'bad-substitution') this.out += `${prefix}${parsed.text}: bad substitution\n`;
      else this.out += `${prefix}maximum nesting depth exceeded\n`;
      frame.linesRead += lines - 1;
      frame.line = 0;
      frame.lastExit = parsed.kind === 'bad-substitution' ? 1 : 2;
      return this.result();
    }
    const interp = this.interpreterFor(frame);
    const result = this.drive(interp.runScript(parsed.script, this.terminalIo()), undefined, frame);
    frame.linesRead += lines;
    frame.line = 0;
    return result;
  }

  /** Ctrl+D on an unfinished line: bash's end-of-file errors. */
  endOfInput(): ShellResult {
    if (this.pendingLines.length === 0) return this.execute('exit');
    const src = this.pendingLines.join('\n');
    this.pendingLines = [];
    const parsed = parse(src);
    const missing = !parsed.ok && parsed.kind === 'incomplete' ? parsed.missing : '';
    if (missing === '|' || missing === '&&' || missing === '||' || missing === '\\') this.out += 'bash: syntax error: unexpected end of file\n';
    else this.out += `bash: unexpected EOF while looking for matching \`${missing}'\n`;
    this.frame.lastExit = 2;
    return this.result();
  }

  /** Ctrl+C: stops the foreground command, or abandons an unfinished line. */
  interrupt(): ShellResult {
    this.pendingLines = [];
    this.interruptForeground();
    this.out += '^C\n';
    this.frame.lastExit = 130;
    return this.result();
  }

  /** Collects output of running commands after time moved; finishes them when they are done. */
  poll(): ShellResult {
    this.pollBackground();
    const fg = this.foreground;
    if (!fg) return this.result();
    const code = fg.job.poll(this.nowFn());
    if (code === undefined) return this.result({ running: true });
    this.foreground = undefined;
    return this.drive(fg.gen, code, this.frame);
  }

  /** Tab completion at `cursor` in `line`. */
  complete(line: string, cursor: number = line.length): Completion {
    return complete(line, cursor, this.frame);
  }

  private interruptForeground(): void {
    const fg = this.foreground;
    if (!fg) return;
    this.foreground = undefined;
    fg.job.interrupt();
    fg.gen.return(130);
    this.frame.lastExit = 130;
  }

  private terminalIo(): Io {
    const write = (t: string) => (this.out += t);
    return { stdin: '', stdout: write, stderr: write, tty: true };
  }

  private interpreterFor(frame: ShellFrame): Interpreter {
    let interp = this.interpreters.get(frame);
    if (!interp) {
      interp = new Interpreter(frame, this.host);
      this.interpreters.set(frame, interp);
    }
    return interp;
  }

  /** Runs `gen` as far as it can go now; on the command line, advances time through jobs. */
  private step(gen: Exec<number>, resume: number | undefined, advance = true): Step {
    let value = resume;
    for (let guard = 0; guard < 1_000_000; guard++) {
      let r: IteratorResult<Job, number>;
      try {
        r = value === undefined ? gen.next() : gen.next(value);
      } catch (e) {
        if (e instanceof LineAborted) return { done: true, code: e.status };
        throw e;
      }
      if (r.done) return { done: true, code: r.value };
      const job = r.value;
      const code = advance ? this.settle(job) : job.poll(this.nowFn());
      if (code === undefined) return { done: false, job };
      value = code;
    }
    return { done: true, code: 1 };
  }

  /**
   * Runs a command to its end if it can end now (or, on the command line, once the clock has
   * moved to its wake-ups); otherwise hands back one job that carries the rest of it, so the
   * command that started it (`kubectl exec`, `ssh node01 cmd`) keeps running as long as it does.
   */
  private runAsOutcome(gen: Exec<number>): CommandOutcome {
    const first = this.step(gen, undefined);
    if (first.done) return first.code;
    let current = first.job;
    const job: Job = {
      poll: (now) => {
        const code = current.poll(now);
        if (code === undefined) return undefined;
        const next = this.step(gen, code, false);
        if (next.done) return next.code;
        current = next.job;
        return undefined;
      },
      wakeAt: () => current.wakeAt(),
      interrupt: () => {
        current.interrupt();
        gen.return(130);
      },
    };
    return { exitCode: 0, job };
  }

  /** Polls a job, advancing virtual time to its wake-ups when this session controls time. */
  private settle(job: Job): number | undefined {
    for (let guard = 0; guard < 100_000; guard++) {
      const code = job.poll(this.nowFn());
      if (code !== undefined) return code;
      const wake = job.wakeAt();
      if (!this.advanceFn || wake === undefined) return undefined;
      this.advanceFn(Math.max(1, wake - this.nowFn()));
      this.pollBackground();
    }
    return undefined;
  }

  private drive(gen: Exec<number>, resume: number | undefined, frame: ShellFrame): ShellResult {
    const s = this.step(gen, resume);
    if (!s.done) {
      this.foreground = { gen, job: s.job };
      return this.result({ running: true });
    }
    frame.lastExit = s.code;
    this.afterExit(frame);
    this.pollBackground();
    return this.result();
  }

  /** Pops shells that ran `exit`; the parent's `$?` becomes the child's status. */
  private afterExit(frame: ShellFrame): void {
    if (!this.exitedFrames.has(frame)) return;
    if (this.frames.length > 1) {
      this.frames.pop();
      this.frame.lastExit = frame.lastExit;
      // The command that entered the shell may report its own status (kubectl run -it: 0 with Always).
      const status = this.exitHandlers.get(frame)?.(frame.lastExit);
      if (typeof status === 'number') this.frame.lastExit = status;
    } else {
      this.ended = true;
      this.exitedFrames.delete(frame);
    }
  }

  private pollBackground(): void {
    // Background jobs never move the clock: only the foreground command waits for time.
    for (const bg of this.background) {
      if (bg.done || !bg.job) continue;
      const code = bg.job.poll(this.nowFn());
      if (code === undefined) continue;
      const s = this.step(bg.gen, code, false);
      if (s.done) {
        bg.done = true;
        bg.code = s.code;
      } else bg.job = s.job;
    }
  }

  /** bash's job notices: `[1]+  Done                    sleep 5`. */
  private reportJobs(): void {
    const ids = this.background.map((j) => j.id);
    const current = Math.max(...ids);
    const previous = Math.max(...ids.filter((i) => i !== current));
    for (const bg of this.background) {
      if (!bg.done || bg.reported) continue;
      bg.reported = true;
      const mark = bg.id === current ? '+' : bg.id === previous ? '-' : ' ';
      const status = bg.code === 0 ? 'Done' : `Exit ${bg.code}`;
      this.out += `[${bg.id}]${mark}  ${status.padEnd(24)}${bg.text}\n`;
    }
    this.background = this.background.filter((j) => !j.reported);
  }

  private result(extra: Partial<ShellResult> = {}): ShellResult {
    if (!extra.running && !extra.needsMoreInput) this.reportJobs();
    // Bytes that are not UTF-8 show as a UTF-8 terminal shows them.
    const r: ShellResult = { output: forTerminal(this.out), exitCode: this.frame.lastExit, prompt: this.prompt(), ...this.effects, ...extra };
    if (this.ended) r.ended = true;
    this.out = '';
    this.effects = {};
    return r;
  }

  private readonly host: InterpreterHost = {
    now: () => this.nowFn(),
    nextPid: () => this.pid++,
    builtin: (name) => SHELL_BUILTINS[name],
    recordEffects: (e, frame) => {
      if (e.clear) this.effects.clear = true;
      if (e.openInEditor) this.effects.openInEditor = { path: e.openInEditor, machine: frame.machine.hostname };
    },
    startBackground: (gen, text, frame) => {
      const id = this.background.length === 0 ? 1 : Math.max(...this.background.map((j) => j.id)) + 1;
      const pid = this.pid++;
      frame.lastBackgroundPid = pid;
      this.out += `[${id}] ${pid}\n`;
      const bg: BackgroundJob = { id, pid, text, gen, job: undefined, done: false, code: 0, reported: false };
      this.background.push(bg);
      const s = this.step(gen, undefined, false);
      if (s.done) {
        bg.done = true;
        bg.code = s.code;
      } else bg.job = s.job;
    },
    runToEnd: (gen) => {
      const s = this.step(gen, undefined);
      if (s.done) return s.code;
      s.job.interrupt();
      gen.return(130);
      return 130;
    },
    hasExited: (frame) => this.exitedFrames.has(frame),
    breather: () => {
      if (this.advanceFn) return undefined;
      let polled = false;
      return { poll: () => (polled ? 0 : ((polled = true), undefined)), wakeAt: () => undefined, interrupt: () => {} };
    },
    hooks: (frame, io) => this.hooksFor(frame, io),
  };

  private hooksFor(frame: ShellFrame, io: Io): ShellHooks {
    return {
      enter: (machine, options) => {
        const entered = new ShellFrame(machine, this.pid++, { ...(options?.cwd !== undefined ? { cwd: options.cwd } : {}), ...(options?.env ? { env: options.env } : {}), ...(options?.login ? { login: true } : {}), ...(options?.shell ? { shell: options.shell } : {}) });
        this.frames.push(entered);
        if (options?.onExit) this.exitHandlers.set(entered, options.onExit);
      },
      runOn: (machine, argv, stdin) => {
        const other = new ShellFrame(machine, this.pid++);
        return this.runAsOutcome(this.interpreterFor(other).execArgv(argv, { ...io, stdin, cursor: { pos: 0 }, endless: undefined, source: undefined, pipe: undefined }));
      },
      runScript: (script, stdin, shell) => {
        const parsed = parse(script);
        if (!parsed.ok) return { syntaxError: parsed.kind === 'incomplete' ? 'incomplete' : 'syntax', ...(parsed.kind === 'syntax' ? { token: parsed.token, ...(parsed.expecting ? { expecting: parsed.expecting } : {}) } : {}), ...(parsed.kind === 'incomplete' ? { missing: parsed.missing } : {}) };
        const identity = shell ?? { ...frame.shell, source: '-c' as const };
        const child = new ShellFrame(frame.machine, this.pid++, { cwd: frame.cwd, env: Object.fromEntries(frame.exported()), interactive: false, shell: identity });
        return this.runAsOutcome(this.interpreterFor(child).runScript(parsed.script, { ...io, stdin, cursor: { pos: 0 }, endless: undefined, source: undefined, pipe: undefined }));
      },
      setCwd: (path) => {
        frame.oldCwd = frame.cwd;
        frame.cwd = path;
        frame.set('OLDPWD', frame.oldCwd);
        frame.set('PWD', path);
      },
      oldCwd: () => frame.oldCwd,
      status: () => frame.lastExit,
      isLogin: () => frame.login,
      isInteractive: () => frame.interactive,
      identity: () => frame.shell,
      source: (file, script) => {
        const parsed = parse(script);
        if (!parsed.ok) return { syntaxError: parsed.kind === 'incomplete' ? 'incomplete' : 'syntax', ...(parsed.kind === 'syntax' ? { token: parsed.token } : {}) };
        const [outer, line] = [frame.sourcing, frame.line];
        frame.sourcing = file;
        const restore = (code: number) => {
          frame.sourcing = outer;
          frame.line = line;
          return code;
        };
        return whenDone(this.runAsOutcome(this.interpreterFor(frame).runScript(parsed.script, { ...io, cursor: { pos: 0 }, pipe: undefined })), restore);
      },
      aliases: () => frame.aliases,
      options: () => frame.options,
      positional: () => frame.positional,
      setPositional: (args) => (frame.positional = args),
      variables: () => frame.all(),
      errorPrefix: () => frame.errorPrefix(),
      history: () => frame.history,
      clearHistory: () => {
        frame.history.length = 0;
      },
      exit: (code) => {
        frame.lastExit = code;
        this.exitedFrames.add(frame);
      },
      advance: this.advanceFn,
      isBuiltin: (name) => name in SHELL_BUILTINS,
      jobs: () => this.background.map((j) => ({ id: j.id, pid: j.pid, text: j.text, done: j.done })),
      waitForJobs: () => ({
        poll: () => {
          this.pollBackground();
          return this.background.every((j) => j.done) ? 0 : undefined;
        },
        wakeAt: () => {
          const wakes = this.background.filter((j) => !j.done).map((j) => j.job?.wakeAt());
          return wakes.some((w) => w === undefined) ? undefined : Math.min(...(wakes as number[]));
        },
        interrupt: () => {},
      }),
    };
  }
}

export { CommandRegistry };
