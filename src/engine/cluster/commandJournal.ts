/**
 * What a main-process command's tools did, kept as plain JSON so a restored cluster can bring the
 * command's shell back to where it was. A shell's state (the interpreter's place in the script,
 * its variables, the sleep it is in) is a suspended generator and cannot be saved; but it is a
 * pure function of the script, the times it was polled at and what its tools printed. So a
 * restore runs the script again in a fresh shell on the recorded clock, and every tool that
 * reads the cluster (wget, nslookup, kubectl, ...) is answered from this journal instead of
 * running again: no request is made twice, and the rng and the servers' logs are untouched.
 */
import type { CommandRegistry } from '../shell/CommandRegistry';
import type { Command, CommandContext, CommandOutcome, Job, Machine } from '../shell/types';
import type { Vfs } from '../shell/vfs/Vfs';
import type { PriorState } from './commandFiles';

/** Output as written: 0 = stdout, 1 = stderr. */
type Write = [0 | 1, string];
/** A write as the journal keeps it: its text is an index into {@link CommandJournal.texts}. */
type KeptWrite = [0 | 1, number];

/** A path a tool changed, as it was once the call (or poll) ended: a file's text, a directory, or gone. */
type FileChange = [string, string] | [string, 'dir' | 'gone', true];

/** One call of a tool: what it read of stdin, wrote, changed on disk and returned; a job also what each poll gave. */
interface ToolEntry {
  argv: string[];
  reads?: ('all' | 'line')[];
  out?: KeptWrite[];
  files?: FileChange[];
  /** Commands it installed on the machine (`apt-get install curl`). */
  installs?: string[];
  code?: number;
  job?: true;
  /** The job's polls that wrote or ended it, by the poll's ordinal (0 = first poll). */
  events?: { n: number; out?: KeptWrite[]; files?: FileChange[]; code?: number }[];
}

export interface CommandJournal {
  /** Virtual time the command line was started at. */
  at: number;
  /**
   * Virtual times the session was polled at, in order, as runs `[first, step, count]`: the
   * kubelet polls at a fixed period, so an hour of polls is one run, not 36,000 numbers.
   */
  polls: [number, number, number][];
  tools: ToolEntry[];
  /**
   * Every distinct text a tool wrote, once: a loop that fetches the same page every second
   * would otherwise keep the page once per fetch.
   */
  texts: string[];
  /** Container paths the command changed, as they were before (commandFiles.ts). */
  touched?: PriorState[];
}

/**
 * Commands that only compute from their arguments, stdin and the shell clock (which replay
 * restores), or that only run other commands (which are journaled themselves): they run again.
 * Stream commands (cat, head, yes, ...) keep their lazy form and run again too.
 */
const RERUN = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  'echo',
  'printf',
  'test',
  '[',
  'true',
  'false',
  'pwd',
  'sleep',
  'xargs',
  'env',
  'timeout',
  'nohup',
  'nice',
]);

const isWrites = (x: unknown) =>
  x === undefined ||
  (Array.isArray(x) &&
    x.every((w) => Array.isArray(w) && (w[0] === 0 || w[0] === 1) && typeof w[1] === 'number'));
const isFiles = (x: unknown) =>
  x === undefined ||
  (Array.isArray(x) && x.every((f) => Array.isArray(f) && typeof f[0] === 'string'));
const isEntry = (e: ToolEntry) =>
  Array.isArray(e.argv) &&
  e.argv.every((a) => typeof a === 'string') &&
  isWrites(e.out) &&
  isFiles(e.files) &&
  (e.events === undefined ||
    (Array.isArray(e.events) &&
      e.events.every((ev) => typeof ev.n === 'number' && isWrites(ev.out) && isFiles(ev.files))));

/** True when `x` is a journal this code can replay (snapshots are public: one may have been edited). */
export function isCommandJournal(x: unknown): x is CommandJournal {
  const j = x as CommandJournal | undefined;
  return (
    !!j &&
    typeof j.at === 'number' &&
    Array.isArray(j.polls) &&
    j.polls.every(
      (r) => Array.isArray(r) && r.length === 3 && r.every((n) => typeof n === 'number'),
    ) &&
    Array.isArray(j.texts) &&
    j.texts.every((t) => typeof t === 'string') &&
    Array.isArray(j.tools) &&
    j.tools.every(isEntry) &&
    isFiles(j.touched)
  );
}

/** Notes a poll at `at` in the runs of `polls`. */
export function notePoll(polls: CommandJournal['polls'], at: number): void {
  const run = polls[polls.length - 1];
  if (run && run[2] === 1) {
    run[1] = at - run[0];
    run[2] = 2;
  } else if (run && run[0] + run[1] * run[2] === at) run[2]++;
  else polls.push([at, 0, 1]);
}

/** Every poll time of `polls`, in order. */
export function* pollTimes(polls: CommandJournal['polls']): Generator<number> {
  for (const [first, step, count] of polls) for (let i = 0; i < count; i++) yield first + step * i;
}

/** Follows what changes on `fs` until the returned function is called, which says how each changed path ended. */
function watchFiles(fs: Vfs): () => FileChange[] | undefined {
  const paths: string[] = [];
  const off = fs.onChange((c) => {
    // Devices (`-O /dev/null`) keep nothing.
    if (!c.path.startsWith('/dev/') && !paths.includes(c.path)) paths.push(c.path);
  });
  return () => {
    off();
    if (!paths.length) return undefined;
    return paths.map((p): FileChange =>
      fs.isDir(p) ? [p, 'dir', true] : fs.exists(p) ? [p, fs.readFile(p)] : [p, 'gone', true],
    );
  };
}

/** Notes in `entry.installs` the commands that appear on the machine until the returned function is called. */
function watchInstalls(ctx: CommandContext, entry: ToolEntry): () => void {
  const before = new Set(ctx.machine.commands.names());
  return () => {
    const added = ctx.machine.commands.names().filter((n) => !before.has(n));
    if (added.length) entry.installs = [...new Set([...(entry.installs ?? []), ...added])];
  };
}

/** Makes `fs` show what a tool left there. */
function applyFiles(fs: Vfs, files: FileChange[] | undefined): void {
  for (const f of files ?? []) {
    const [path] = f;
    if (f.length === 2) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
      fs.writeFile(path, f[1]);
    } else if (f[1] === 'dir') fs.mkdir(path, true);
    else if (fs.exists(path)) fs.remove(path, true);
  }
}

/** Appends `text` to `out`, merging with the previous write to the same stream. */
function push(out: Write[], fd: 0 | 1, text: string): void {
  const last = out[out.length - 1];
  if (last && last[0] === fd) last[1] += text;
  else out.push([fd, text]);
}

/**
 * Journals (or, while replaying, answers) the tool calls of one command's shell. `machine()`
 * is the container's machine with its registry seen through the journal.
 */
export class ToolJournal {
  private cursor = 0;
  private replaying: boolean;
  /** >0 while a journaled tool runs: what it runs itself is part of its own entry. */
  private depth = 0;
  private readonly wrapped = new WeakMap<Command, Command>();
  private textIndex: Map<string, number> | undefined;

  /** `install` puts commands a journaled tool installed back on the machine (the registry is not in snapshots). */
  constructor(
    readonly journal: CommandJournal,
    private readonly install: (names: string[]) => void = () => undefined,
  ) {
    this.replaying = journal.tools.length > 0;
  }

  /** `out` with each text replaced by its index in the journal's texts (added when new). */
  private kept(out: Write[]): KeptWrite[] {
    if (!this.textIndex) this.textIndex = new Map(this.journal.texts.map((t, i) => [t, i]));
    const index = this.textIndex;
    return out.map(([fd, text]) => {
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = this.journal.texts.push(text) - 1));
      return [fd, i];
    });
  }

  /** Replay is over: tools run against the cluster (and are journaled) from now on. */
  live(): void {
    if (!this.replaying) return;
    this.replaying = false;
    this.journal.tools.length = this.cursor;
  }

  machine(base: Machine): Machine {
    const commands = base.commands;
    const get = (name: string): Command | undefined => {
      const cmd = commands.get(name);
      if (!cmd || RERUN.has(name) || commands.streamOf(name)) return cmd;
      let w = this.wrapped.get(cmd);
      if (!w) this.wrapped.set(cmd, (w = (ctx) => this.call(cmd, ctx)));
      return w;
    };
    const registry = new Proxy(commands, {
      get: (target, prop) => {
        if (prop === 'get') return get;
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as CommandRegistry;
    return { ...base, commands: registry };
  }

  private call(cmd: Command, ctx: CommandContext): CommandOutcome {
    if (this.depth > 0) return cmd(ctx);
    if (this.replaying) {
      const entry = this.journal.tools[this.cursor];
      if (entry && JSON.stringify(entry.argv) === JSON.stringify(ctx.argv)) {
        this.cursor++;
        return this.replay(cmd, ctx, entry);
      }
      // The script took another path than the journal says: from here on it runs for real.
      this.live();
    }
    const entry: ToolEntry = { argv: [...ctx.argv] };
    this.journal.tools.push(entry);
    return this.record(cmd, ctx, entry, (out, files) => {
      if (out.length) entry.out = out;
      if (files) entry.files = files;
    });
  }

  /** Runs `cmd` for real, its writes and stdin reads noted in `entry`. */
  private record(
    cmd: Command,
    ctx: CommandContext,
    entry: ToolEntry,
    keep: (out: KeptWrite[], files?: FileChange[]) => void,
    ordinal = 0,
  ): CommandOutcome {
    let sink: Write[] = [];
    const rec = Object.create(ctx) as CommandContext;
    Object.defineProperties(rec, {
      stdin: { get: () => ((entry.reads ??= []).push('all'), ctx.stdin) },
      readLine: { value: () => ((entry.reads ??= []).push('line'), ctx.readLine()) },
      stdout: { value: (t: string) => (push(sink, 0, t), ctx.stdout(t)) },
      stderr: { value: (t: string) => (push(sink, 1, t), ctx.stderr(t)) },
    });
    this.depth++;
    let outcome: CommandOutcome;
    const files = watchFiles(ctx.fs);
    const installs = watchInstalls(ctx, entry);
    try {
      outcome = cmd(rec);
    } finally {
      this.depth--;
    }
    const changed = files();
    installs();
    const code = typeof outcome === 'number' ? outcome : outcome.exitCode;
    const job = typeof outcome === 'number' ? undefined : outcome.job;
    if (sink.length || changed) keep(this.kept(sink), changed);
    if (!job) {
      entry.code = code;
      return outcome;
    }
    entry.job = true;
    let n = ordinal;
    const recorded: Job = {
      poll: (now) => {
        sink = [];
        this.depth++;
        let c: number | undefined;
        const polled = watchFiles(ctx.fs);
        const installed = watchInstalls(ctx, entry);
        try {
          c = job.poll(now);
        } finally {
          this.depth--;
        }
        const changedNow = polled();
        installed();
        if (sink.length || changedNow || c !== undefined)
          (entry.events ??= []).push({
            n,
            ...(sink.length ? { out: this.kept(sink) } : {}),
            ...(changedNow ? { files: changedNow } : {}),
            ...(c !== undefined ? { code: c } : {}),
          });
        n++;
        return c;
      },
      wakeAt: () => job.wakeAt(),
      interrupt: () => job.interrupt(),
    };
    return typeof outcome === 'number' ? outcome : { ...outcome, job: recorded };
  }

  /** Gives back what `entry` recorded; a job still running at the end of the journal starts again for real. */
  private replay(cmd: Command, ctx: CommandContext, entry: ToolEntry): CommandOutcome {
    for (const r of entry.reads ?? []) void (r === 'line' ? ctx.readLine() : ctx.stdin);
    const write = (out: KeptWrite[] | undefined) => {
      for (const [fd, t] of out ?? [])
        (fd === 0 ? ctx.stdout : ctx.stderr)(this.journal.texts[t] ?? '');
    };
    write(entry.out);
    applyFiles(ctx.fs, entry.files);
    const missing = (entry.installs ?? []).filter((n) => !ctx.machine.commands.has(n));
    if (missing.length) this.install(missing);
    if (!entry.job) return entry.code ?? 0;
    let n = 0;
    let next = 0;
    let real: Job | undefined;
    const job: Job = {
      poll: (now) => {
        if (real) return real.poll(now);
        const ev = entry.events?.[next];
        if (ev && ev.n === n) {
          next++;
          n++;
          write(ev.out);
          applyFiles(ctx.fs, ev.files);
          return ev.code;
        }
        if (this.replaying || (entry.events && next < entry.events.length)) {
          n++;
          return undefined;
        }
        // Running when the cluster was saved: its process is gone, so the tool runs again from its start.
        const at = n++;
        const events = (entry.events ??= []);
        const outcome = this.record(
          cmd,
          ctx,
          entry,
          (out, files) =>
            events.push({ n: at, ...(out.length ? { out } : {}), ...(files ? { files } : {}) }),
          at + 1,
        );
        if (typeof outcome === 'number' || !outcome.job) {
          const code = typeof outcome === 'number' ? outcome : outcome.exitCode;
          const last = events[events.length - 1];
          if (last?.n === at) last.code = code;
          else events.push({ n: at, code });
          return code;
        }
        real = outcome.job;
        return undefined;
      },
      wakeAt: () => real?.wakeAt(),
      interrupt: () => real?.interrupt(),
    };
    return { exitCode: 0, job };
  }
}
