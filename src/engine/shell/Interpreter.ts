import { expandString, expandWord, ExpansionError, type Exec, type ExpandHost } from './expand';
import type { AndOr, CommandNode, ForCommand, IfCommand, LoopCommand, Pipeline, Redirect, Script, SimpleCommand } from './parser/ast';
import { parse } from './parser/parse';
import { dollarDash } from './options/shellOptions';
import { traceAssign, traceLine } from './options/xtrace';
import { runPipeline } from './pipeline';
import type { ShellFrame } from './ShellFrame';
import type { Pipe } from './streams/Pipe';
import { lineFilter, runStream, StreamProcess } from './streams/streamCommand';
import type { Command, CommandOutcome, Job, ShellHooks, StreamCommand, StreamContext } from './types';
import { ProcessInput } from './streams/stdin';
import { EndlessRead, resolvePath, VfsError, STRERROR } from './vfs/Vfs';

/**
 * An expansion error (`$((1/0))`, `${X?}`) abandons the whole command line in an interactive
 * shell, not just the command; the session catches this and sets `$?` to 1.
 */
export class LineAborted extends Error {
  constructor(readonly status: number) {
    super('line aborted');
  }
}

/** `break N` / `continue N` unwinding to the enclosing loop. */
class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** On the command line nothing can interrupt a runaway `while true`, so loops stop here. */
export const MAX_LOOP_ITERATIONS = 100_000;

/** Where a command's standard streams go. */
export interface Io {
  stdin: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is the terminal itself. */
  tty?: boolean;
  /**
   * How much of `stdin` earlier commands have consumed: `while read l; do ...; done < file`
   * reads one line per `read`, and a command that reads its stdin takes the rest.
   */
  cursor?: { pos: number };
  /** stdin is this device, whose reads never reach end of file (`tr -dc a-z < /dev/urandom`). */
  endless?: string | undefined;
  /** stdin is this pipe from the stage before (`stdin`, `cursor` and `endless` are then unused). */
  source?: Pipe | undefined;
  /** stdout is this pipe to the next stage: a stream command becomes its lazy writer. */
  pipe?: Pipe | undefined;
}

/** What the interpreter needs from its session. */
export interface InterpreterHost {
  now(): number;
  nextPid(): number;
  hooks(frame: ShellFrame, io: Io): ShellHooks;
  builtin(name: string): Command | undefined;
  /** `clear` and `vim FILE` ask things of the terminal, not of the shell. */
  recordEffects(effects: { clear?: boolean; openInEditor?: string }, frame: ShellFrame): void;
  /** Starts a `&` list item: returns the job number and pid to announce. */
  startBackground(run: Exec<number>, text: string, frame: ShellFrame): void;
  /** Drives a computation to its end without yielding (for `ctx.exec`, as xargs needs). */
  runToEnd(run: Exec<number>): number;
  /**
   * Loops call this every few hundred iterations. In the browser it returns a job that finishes
   * at the next poll, so the UI stays responsive and Ctrl+C can stop `while true`; on the command
   * line (time moves on demand) it returns undefined.
   */
  breather(): Job | undefined;
  /** Set once `exit` ran in `frame`: the rest of the line is skipped. */
  hasExited(frame: ShellFrame): boolean;
}

/** Executes parsed scripts in one shell frame. */
export class Interpreter {
  constructor(
    readonly frame: ShellFrame,
    private readonly host: InterpreterHost,
  ) {}

  /** How this shell begins its own errors now: `bash: `, `bash: line 2: `, `x.sh: line 2: `, `sh: 1: `, `sh: `. */
  private get prefix(): string {
    return this.frame.errorPrefix();
  }

  *runScript(script: Script, io: Io): Exec<number> {
    let code = this.frame.lastExit;
    for (const item of script) {
      if (this.host.hasExited(this.frame)) break;
      if (item.background) {
        this.host.startBackground(this.runAndOr(item.andOr, { ...io, stdin: '', endless: undefined, source: undefined, pipe: undefined }), item.text, this.frame);
        code = 0;
      } else code = yield* this.runAndOr(item.andOr, io);
      this.frame.lastExit = code;
    }
    return code;
  }

  private *runAndOr(andOr: AndOr, io: Io): Exec<number> {
    let code = yield* this.runPipeline(andOr.first, io);
    this.frame.lastExit = code;
    // errexit spares a failure that is not the list's last command, and a `!` pipeline.
    let exempt = andOr.rest.length > 0 || andOr.first.negate;
    for (const [i, { op, pipeline }] of andOr.rest.entries()) {
      if (this.host.hasExited(this.frame)) break;
      if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
      code = yield* this.runPipeline(pipeline, io);
      this.frame.lastExit = code;
      exempt = i < andOr.rest.length - 1 || pipeline.negate;
    }
    if (code !== 0 && !exempt && this.conditionDepth === 0 && this.frame.options.has('errexit') && !this.host.hasExited(this.frame)) {
      // `set -e`: the shell exits with the failing status, as `exit` would (no `exit` word printed).
      this.host.hooks(this.frame, io).exit(code);
    }
    return code;
  }

  /** Inside an `if`/`while`/`until` condition errexit does not apply. */
  private conditionDepth = 0;

  private *condition(script: Script, io: Io): Exec<number> {
    this.conditionDepth++;
    try {
      return yield* this.runScript(script, io);
    } finally {
      this.conditionDepth--;
    }
  }

  private *runPipeline(p: Pipeline, io: Io): Exec<number> {
    // One command (most lines, every loop condition) needs no pipes.
    const statuses = p.commands.length === 1 ? [yield* this.runCommand(p.commands[0]!, io)] : yield* runPipeline(p, io, {
      run: (cmd, stageIo) => this.runCommand(cmd, stageIo),
      streamsLines: (argv) => !this.host.builtin(argv[0] ?? '') && this.frame.machine.commands.streamsLines(argv),
      streams: (name) => !this.host.builtin(name) && this.frame.machine.commands.streamOf(name) !== undefined,
      runToEnd: (run) => this.host.runToEnd(run),
    });
    // A compound command on its own (`{ a | b; }`, `for`, `if`) leaves the PIPESTATUS of the last pipeline it ran, as bash does.
    if (p.commands.length > 1 || p.commands[0]!.type === 'simple') this.frame.pipeStatus = statuses;
    // pipefail: the last stage that failed decides, as in bash and busybox ash.
    const failed = this.frame.options.has('pipefail') ? statuses.findLast((c) => c !== 0) : undefined;
    const code = failed ?? statuses[statuses.length - 1]!;
    return p.negate ? (code === 0 ? 1 : 0) : code;
  }

  private *runCommand(cmd: CommandNode, io: Io): Exec<number> {
    try {
      // Only a simple command can be a pipe's lazy writer; a compound one writes as it runs.
      if (cmd.type !== 'simple') io = { ...io, pipe: undefined };
      if (cmd.type === 'subshell' || cmd.type === 'group') {
        const redirected = yield* this.applyRedirects(cmd.redirects, io);
        if (typeof redirected === 'number') return redirected;
        const runner = cmd.type === 'group' ? this : new Interpreter(this.frame.fork(this.host.nextPid()), this.host);
        return yield* runner.runScript(cmd.script, redirected);
      }
      if (cmd.type === 'if' || cmd.type === 'loop' || cmd.type === 'for') {
        const redirected = yield* this.applyRedirects(cmd.redirects, io);
        if (typeof redirected === 'number') return redirected;
        return yield* this.runCompound(cmd, redirected);
      }
      return yield* this.runSimple(cmd as SimpleCommand, io);
    } catch (e) {
      if (e instanceof ExpansionError) {
        io.stderr(`${e.prefix ?? this.prefix}${e.message}\n`);
        // At a terminal the line is abandoned ($? 1 in bash); a script ends with the error's status.
        throw new LineAborted(this.frame.interactive ? (this.frame.flavor === 'bash' ? 1 : 2) : (e.status ?? 1));
      }
      throw e;
    }
  }

  private *runCompound(cmd: IfCommand | LoopCommand | ForCommand, io: Io): Exec<number> {
    if (cmd.type === 'if') {
      for (const clause of cmd.clauses) {
        if ((yield* this.condition(clause.cond, io)) === 0) return yield* this.runScript(clause.body, io);
        if (this.host.hasExited(this.frame)) return this.frame.lastExit;
      }
      return cmd.otherwise ? yield* this.runScript(cmd.otherwise, io) : 0;
    }
    let status = 0;
    const values: string[] = [];
    if (cmd.type === 'for') {
      const host = this.expandHost();
      for (const w of cmd.words) values.push(...(yield* expandWord(w, host)));
    }
    this.loopDepth++;
    try {
      yield* this.loop(cmd, values, io, (s) => (status = s));
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private loopDepth = 0;

  private *loop(cmd: LoopCommand | ForCommand, values: string[], io: Io, setStatus: (s: number) => void): Exec<void> {
    for (let i = 0; ; i++) {
      if (this.host.hasExited(this.frame)) break;
      if (i > 0 && i % 500 === 0) {
        const pause = this.host.breather();
        if (pause) yield pause;
        else if (i >= MAX_LOOP_ITERATIONS) {
          io.stderr(`kubelab: loop stopped after ${MAX_LOOP_ITERATIONS} iterations\n`);
          throw new LineAborted(1);
        }
      }
      if (cmd.type === 'for') {
        if (i >= values.length) break;
        this.frame.set(cmd.name, values[i]!);
      } else {
        const c = yield* this.condition(cmd.cond, io);
        if ((c === 0) === cmd.until) break;
      }
      try {
        setStatus(yield* this.runScript(cmd.body, io));
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        setStatus(0);
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        if (e.kind === 'break') break;
      }
    }
  }

  private expandHost(): ExpandHost {
    const frame = this.frame;
    return {
      getVar: (name) => this.special(name) ?? frame.get(name),
      positional: () => frame.positional,
      unbound: (name, arithmetic) => (frame.options.has('nounset') && !(arithmetic && frame.flavor !== 'bash') ? this.unbound(name) : undefined),
      getArray: (name) => {
        // Arrays are bash's: dash and busybox ash reject the subscript.
        if (frame.flavor === 'dash') throw new ExpansionError('Bad substitution');
        if (frame.flavor === 'ash') throw new ExpansionError('syntax error: bad substitution');
        if (name === 'PIPESTATUS') return frame.pipeStatus.map(String);
        const value = this.special(name) ?? frame.get(name);
        return value === undefined ? [] : [value];
      },
      setVar: (name, value) => frame.set(name, value),
      home: (user) => (user === '' ? (frame.get('HOME') ?? frame.machine.home) : user === frame.machine.user ? frame.machine.home : user === 'root' ? '/root' : undefined),
      substitute: (script) => this.substitute(script),
      braces: frame.flavor !== 'dash',
      fs: frame.machine.fs,
      cwd: frame.cwd,
    };
  }

  /** nounset's error for `name`, with the status and wording each shell gives it (bash -c: 127, no line). */
  private unbound(name: string): ExpansionError {
    const { flavor, source } = this.frame.shell;
    const shown = /^\d+$/.test(name) ? `$${name}` : name;
    if (flavor !== 'bash') return new ExpansionError(`${shown}: parameter not set`, 2);
    if (source === '-c') return new ExpansionError(`${shown}: unbound variable`, 127, `${this.frame.shell.name}: `);
    return new ExpansionError(`${shown}: unbound variable`, 1);
  }

  /** `$(...)`: runs in a forked shell; its status becomes `$?`, trailing newlines are dropped. */
  private *substitute(script: Script): Exec<string> {
    let out = '';
    const forked = this.frame.fork(this.host.nextPid());
    forked.substitutionDepth++;
    // bash (not in POSIX mode) clears -e in command substitutions; dash and ash keep it.
    if (forked.flavor === 'bash') forked.options.delete('errexit');
    const child = new Interpreter(forked, this.host);
    const code = yield* child.runScript(script, { stdin: '', stdout: (t) => (out += t), stderr: this.currentStderr });
    this.frame.lastExit = code;
    return out.replace(/\n+$/, '');
  }

  /** Command substitutions write their errors where the enclosing command's errors go. */
  private currentStderr: (t: string) => void = () => {};

  /** `$@` with no parameters: empty, or unset for nounset in dash and busybox ash (bash 5.2 exempts `$@`/`$*`). */
  private unsetPositional(): string | undefined {
    return this.frame.flavor === 'bash' ? '' : undefined;
  }

  private special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.frame.lastExit);
      case 'PIPESTATUS':
        return this.frame.flavor === 'bash' ? String(this.frame.pipeStatus[0]) : undefined;
      case '$':
        return String(this.frame.pid);
      case '!':
        return this.frame.lastBackgroundPid === undefined ? '' : String(this.frame.lastBackgroundPid);
      case '#':
        return String(this.frame.positional.length);
      case '0':
        return this.frame.shell.name;
      case '-':
        return dollarDash(this.frame.flavor, this.frame.options, this.frame.shell, this.frame.interactive);
      case '@':
      case '*':
        return this.frame.positional.length > 0 ? this.frame.positional.join(' ') : this.unsetPositional();
      default:
        return /^[1-9]\d*$/.test(name) ? this.frame.positional[Number(name) - 1] : undefined;
    }
  }

  /**
   * Alias expansion of the command word: bash does it only in an interactive shell, dash always.
   * An alias whose value is one simple command (`k=kubectl`, `kgp='kubectl get pods'`) lends it its
   * words, assignments and redirections; an alias may name another, but not itself again.
   */
  private withAliases(cmd: SimpleCommand): SimpleCommand {
    if (this.frame.aliases.size === 0 || (this.frame.flavor === 'bash' && !this.frame.interactive)) return cmd;
    const seen = new Set<string>();
    for (;;) {
      const first = cmd.words[0];
      const part = first?.length === 1 ? first[0] : undefined;
      if (!part || part.type !== 'lit' || part.quoted || seen.has(part.text)) return cmd;
      const value = this.frame.aliases.get(part.text);
      if (value === undefined) return cmd;
      seen.add(part.text);
      const parsed = parse(value);
      const item = parsed.ok && parsed.script.length === 1 ? parsed.script[0]! : undefined;
      const only = item && !item.background && item.andOr.rest.length === 0 && item.andOr.first.commands.length === 1 && !item.andOr.first.negate ? item.andOr.first.commands[0] : undefined;
      if (!only || only.type !== 'simple') return cmd;
      cmd = { ...cmd, assigns: [...only.assigns, ...cmd.assigns], words: [...only.words, ...cmd.words.slice(1)], redirects: [...only.redirects, ...cmd.redirects] };
    }
  }

  private *runSimple(original: SimpleCommand, io: Io): Exec<number> {
    this.currentStderr = io.stderr;
    if (original.line !== undefined) this.frame.line = original.line;
    const cmd = this.withAliases(original);
    const host = this.expandHost();
    let sawSubstitution = false;
    const argv: string[] = [];
    for (const w of cmd.words) {
      if (w.some((p) => p.type === 'cmdsub')) sawSubstitution = true;
      argv.push(...(yield* expandWord(w, host)));
    }
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) {
      if (a.value.some((p) => p.type === 'cmdsub')) sawSubstitution = true;
      assigns.push([a.name, yield* expandString(a.value, host)]);
    }
    if (this.frame.options.has('xtrace')) this.trace(argv, assigns, io);
    const redirected = yield* this.applyRedirects(cmd.redirects, io);
    if (typeof redirected === 'number') return redirected;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.frame.set(k, v);
      return sawSubstitution ? this.frame.lastExit : 0;
    }
    const name = argv[0]!;
    if (name === 'break' || name === 'continue') {
      if (this.loopDepth === 0) {
        redirected.stderr(`${this.prefix}${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
        return 0;
      }
      throw new LoopControl(name, Math.min(Math.max(Number(argv[1] ?? 1) || 1, 1), this.loopDepth));
    }
    const builtin = this.host.builtin(name);
    const command = builtin ?? this.frame.machine.commands.get(name);
    if (!command) {
      if (name.includes('/')) {
        const path = resolvePath(this.frame.cwd, name);
        const isDir = this.frame.machine.fs.isDir(path);
        redirected.stderr(`${this.prefix}${name}: ${isDir ? 'Is a directory' : STRERROR.ENOENT}\n`);
        return isDir ? 126 : 127;
      }
      redirected.stderr(`${this.prefix}${name}: ${this.frame.flavor === 'bash' ? 'command not found' : 'not found'}\n`);
      return 127;
    }
    const outcome = this.invoke(command, argv, redirected, assigns, !!builtin);
    if (typeof outcome === 'number') return outcome;
    this.host.recordEffects(outcome, this.frame);
    if (outcome.job) return yield outcome.job;
    return outcome.exitCode;
  }

  /** `set -x`: the expanded command on the shell's stderr; bash traces assignments on lines of their own. */
  private trace(argv: string[], assigns: [string, string][], io: Io): void {
    const { flavor, substitutionDepth } = this.frame;
    const ps4 = this.frame.get('PS4') ?? '+ ';
    const sets = assigns.map(([k, v]) => traceAssign(flavor, k, v));
    if (flavor === 'bash') {
      for (const a of sets) io.stderr(traceLine(flavor, ps4, substitutionDepth, [a], true));
      if (argv.length > 0) io.stderr(traceLine(flavor, ps4, substitutionDepth, argv));
    } else io.stderr(traceLine(flavor, ps4, substitutionDepth, [...sets, ...argv]));
  }

  /** Runs one command with a context; `VAR=x cmd` assignments apply to that command only. */
  private invoke(command: Command, argv: string[], io: Io, assigns: [string, string][], builtin: boolean): CommandOutcome {
    const commands = this.frame.machine.commands;
    // A line filter reading a pipe filters it as it comes (`yes | grep y | head -1`).
    const stream = builtin ? undefined : (commands.streamOf(argv[0]!) ?? (io.source && commands.streamsLines(argv) ? lineFilter(command) : undefined));
    const frame = this.frame;
    const overlay = new Map(assigns);
    const env: StreamContext['env'] = {
      get: (n) => (overlay.has(n) ? overlay.get(n) : frame.get(n)),
      set: (n, v, exported) => {
        overlay.delete(n);
        frame.set(n, v, exported);
      },
      unset: (n) => {
        overlay.delete(n);
        frame.unset(n);
      },
      exported: () => {
        const base = frame.exported().filter(([k]) => !overlay.has(k));
        return [...base, ...overlay];
      },
    };
    const input = new ProcessInput(io, frame.machine.fs);
    const ctx: StreamContext = {
      argv,
      get stdin() {
        return input.stdin.all();
      },
      stdinDevice: io.source ? undefined : io.endless,
      readLine: () => input.stdin.line(),
      read: () => input.stdin.read(),
      get inputEndless() {
        return input.endless;
      },
      get outputEndless() {
        return input.declared ?? input.endless;
      },
      set outputEndless(value: boolean) {
        input.declared = value;
      },
      get inputWaiting() {
        return input.waiting;
      },
      stdout: io.stdout,
      stderr: io.stderr,
      isTTY: io.tty === true,
      env,
      cwd: frame.cwd,
      fs: frame.machine.fs,
      machine: frame.machine,
      now: () => this.host.now(),
      resolve: (p) => resolvePath(frame.cwd, p),
      exec: (args, stdin) => this.host.runToEnd(this.execArgv(args, { ...io, stdin, cursor: { pos: 0 }, endless: undefined, source: undefined, pipe: undefined })),
      shell: this.host.hooks(frame, io),
    };
    try {
      return stream ? this.startStream(stream, ctx, io) : command(ctx);
    } catch (e) {
      if (e instanceof EndlessRead) return { exitCode: 0, job: blockedUntilInterrupted() };
      // A bug in a command must not take the terminal down with it.
      io.stderr(`${builtin ? this.prefix : ''}${argv[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  /** A stream command becomes the lazy writer of the pipe it writes to, or runs to its end. */
  private startStream(stream: StreamCommand, ctx: StreamContext, io: Io): CommandOutcome {
    const gen = stream(ctx);
    if (!io.pipe) return runStream(gen, ctx);
    io.pipe.attach(new StreamProcess(gen, ctx, io.source));
    return 0;
  }

  /** Runs an argv as if typed (no expansion): what `xargs` and `kubectl exec` need. */
  *execArgv(argv: string[], io: Io): Exec<number> {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], redirects: [], words: argv.map((a) => [{ type: 'lit', text: a, quoted: true }]) };
    return yield* this.runSimple(cmd, io);
  }

  /** Applies redirections in order; returns the new streams or an exit status on failure. */
  private *applyRedirects(redirects: Redirect[], io: Io): Exec<Io | number> {
    const out: Io = { ...io };
    const fs = this.frame.machine.fs;
    const host = this.expandHost();
    for (const r of redirects) {
      if (r.heredoc) {
        out.stdin = yield* expandString(r.heredoc.body, host);
        out.cursor = { pos: 0 };
        out.endless = undefined;
        out.source = undefined;
        continue;
      }
      const target = yield* expandString(r.target, host);
      if (r.op === '<<<') {
        out.stdin = `${target}\n`;
        out.cursor = { pos: 0 };
        out.endless = undefined;
        out.source = undefined;
        continue;
      }
      if ((r.op === '>&' || r.op === '<&') && /^\d+$|^-$/.test(target)) {
        const source = target === '1' ? out.stdout : target === '2' ? out.stderr : () => {};
        if (r.fd === 1) {
          out.stdout = source;
          out.tty = false;
        }
        else if (r.fd === 2) out.stderr = source;
        continue;
      }
      const path = resolvePath(this.frame.cwd, target);
      try {
        if (r.op === '<' || r.op === '<&') {
          // `< /dev/stdin` is the stdin the command has already.
          const link = fs.lstat(path);
          if (link?.kind === 'link' && link.target === '/proc/self/fd/0') continue;
          // A device that never reaches end of file is read only when the command reads it.
          out.endless = fs.isEndless(path) ? path : undefined;
          out.stdin = out.endless ? '' : fs.readFile(path);
          out.cursor = { pos: 0 };
          out.source = undefined;
          continue;
        }
        const writer = this.openForWrite(path, r.op === '>>' || r.op === '&>>', io);
        if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === 1)) {
          out.stdout = writer;
          out.stderr = writer;
          out.tty = false;
        } else if (r.fd === 1) {
          out.stdout = writer;
          out.tty = false;
        }
        else if (r.fd === 2) out.stderr = writer;
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        io.stderr(`${this.prefix}${target}: ${STRERROR[e.code]}\n`);
        return 1;
      }
    }
    // Output sent elsewhere (`> file`, `>&2`) no longer feeds the next stage's pipe.
    if (out.stdout !== io.stdout) out.pipe = undefined;
    return out;
  }

  private openForWrite(path: string, append: boolean, io: Io): (t: string) => void {
    const fs = this.frame.machine.fs;
    if (path === '/dev/stdout') return io.stdout;
    if (path === '/dev/stderr') return io.stderr;
    if (fs.isDir(path)) throw new VfsError('EISDIR', path);
    if (!append || !fs.exists(path)) fs.writeFile(path, '');
    return (t) => {
      try {
        fs.appendFile(path, t);
      } catch (e) {
        // The open worked; the write fails (/dev/full): the command reports it as its own error.
        if (e instanceof VfsError && e.code === 'ENOSPC') throw new Error(`write error: ${STRERROR.ENOSPC}`, { cause: e });
        throw e;
      }
    };
  }
}

/**
 * A command stuck reading a device that never ends (`cat /dev/zero`, `wc -c < /dev/urandom`):
 * it runs until Ctrl+C, whose status 130 the shell sets.
 */
function blockedUntilInterrupted(): Job {
  return { poll: () => undefined, wakeAt: () => undefined, interrupt: () => {} };
}
