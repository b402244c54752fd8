import type { Exec } from './expand';
import type { Io } from './Interpreter';
import type { CommandNode, Pipeline } from './parser/ast';
import { Pipe, SIGPIPE_STATUS } from './streams/Pipe';
import type { Job } from './types';
import { EndlessRead } from './vfs/devices';

/** What running a pipeline needs from the interpreter. */
export interface PipelineHost {
  run(cmd: CommandNode, io: Io): Exec<number>;
  /** Whether `argv` runs as a stateless line filter on this machine (not a builtin). */
  streamsLines(argv: string[]): boolean;
  runToEnd(run: Exec<number>): number;
  /** Whether `name` is a stream command on this machine (not a builtin). */
  streams(name: string): boolean;
}

/**
 * Runs `a | b | c` and returns each stage's status (bash's PIPESTATUS). Each stage writes into a
 * {@link Pipe} its reader reads. A stage that is a stream command (`yes`, `cat`, `tr`, `head`...)
 * runs lazily, as far as its reader pulls; any other stage runs to its end before its reader
 * starts, as buffered stdio delivers through a pipe. When a reader ends, its writer meets the
 * closed pipe and may be killed by SIGPIPE (141; see Pipe.close).
 */
export function* runPipeline(p: Pipeline, io: Io, host: PipelineHost): Exec<number[]> {
  const n = p.commands.length;
  const statuses: number[] = [];
  const pipes: Pipe[] = [];
  let input: Pipe | undefined;
  const from = (pipe: Pipe | undefined): Partial<Io> => (pipe ? { stdin: '', cursor: { pos: 0 }, endless: undefined, source: pipe } : {});
  for (let i = 0; i < n; i++) {
    const cmd = p.commands[i]!;
    if (i === n - 1) {
      statuses[i] = yield* host.run(cmd, { ...io, ...from(input), pipe: undefined });
      break;
    }
    const pipe = new Pipe();
    const stageIo: Io = { ...io, ...from(input), stdout: pipe.write, tty: false, pipe };
    const follower = i === n - 2 ? lineFollower(p.commands[n - 1]!, io, pipe, host) : undefined;
    const run = host.run(cmd, stageIo);
    let step = run.next();
    if (!step.done && !follower && i === n - 2 && streamReader(p.commands[n - 1]!, host)) {
      // A running job (`ping`, `kubectl get pods -w`) feeding a stream command (`head -3`).
      const last = host.run(p.commands[n - 1]!, { ...io, ...from(pipe), pipe: undefined });
      const ends = yield* followJob(step.value, run, last, pipe);
      pipe.finish(ends.writer);
      yield* closing(input);
      statuses[i] = ends.writer;
      statuses[n - 1] = ends.reader;
      pipes.push(pipe);
      input = undefined;
      break;
    }
    if (step.done || !follower) {
      while (!step.done) step = run.next(yield step.value);
    } else {
      // A long-running command (`kubectl get pods -w`) feeding a line filter that writes to the
      // terminal (`grep web`): the filter sees each line as it comes, as through a real pipe.
      while (!step.done) step = run.next(yield follower.wrap(step.value));
      follower.flush();
      pipe.finish(step.value);
      yield* closing(input);
      statuses[i] = step.value;
      statuses[n - 1] = Math.min(yield* host.run(p.commands[n - 1]!, { ...io, ...from(pipe), pipe: undefined }), follower.bestCode());
      pipes.push(pipe);
      input = pipe;
      break;
    }
    statuses[i] = step.value;
    if (!pipe.lazy) {
      // The stage has ended: it no longer reads the pipe before it.
      pipe.finish(step.value);
      yield* closing(input);
    }
    pipes.push(pipe);
    input = pipe;
  }
  // The last stage has ended: each writer still running meets its closed pipe.
  yield* closing(input);
  for (let i = pipes.length - 1; i >= 0; i--) {
    yield* closing(pipes[i]);
    statuses[i] = pipes[i]!.close();
  }
  return statuses;
}

/** Whether `last` is a stream command named by a plain word (`head -3`, not `$CMD`). */
function streamReader(last: CommandNode, host: PipelineHost): boolean {
  if (last.type !== 'simple' || last.assigns.length > 0) return false;
  const first = last.words[0];
  const part = first?.length === 1 ? first[0] : undefined;
  return part?.type === 'lit' && host.streams(part.text);
}

/**
 * Runs a job that writes as time passes beside the stream command reading it (`ping 10.0.0.5 |
 * head -3`): the reader goes on as lines come. Once the reader has ended, the writer's next
 * write meets the closed pipe and SIGPIPE ends it (141), as a real `ping` is ended; if it never
 * writes again it runs until Ctrl+C, as `kubectl get pods -w | head -1` does with no events.
 */
function* followJob(first: Job, run: Exec<number>, last: Exec<number>, pipe: Pipe): Exec<{ writer: number; reader: number }> {
  pipe.live = true;
  let reader: number | undefined;
  let readerJob: Job | undefined;
  /** What the writer had written when the reader ended: anything past it met a closed pipe. */
  let writtenAtEnd = 0;
  const settle = (step: IteratorResult<Job, number>): void => {
    if (step.done) {
      reader = step.value;
      readerJob = undefined;
      writtenAtEnd = pipe.writtenCount;
    } else readerJob = step.value;
  };
  settle(last.next());
  const advanceReader = (now: number): void => {
    while (readerJob) {
      const code = readerJob.poll(now);
      if (code === undefined) return;
      settle(last.next(code));
    }
  };
  const brokenPipe = (): boolean => reader !== undefined && pipe.writtenCount > writtenAtEnd;
  let job = first;
  let killed = false;
  let step: IteratorResult<Job, number>;
  do {
    const writerJob = job;
    const code = yield {
      poll: (now) => {
        const done = writerJob.poll(now);
        if (brokenPipe()) {
          writerJob.interrupt();
          killed = true;
          return SIGPIPE_STATUS;
        }
        advanceReader(now);
        return done;
      },
      wakeAt: () => writerJob.wakeAt(),
      interrupt: () => {
        writerJob.interrupt();
        readerJob?.interrupt();
      },
    };
    step = killed ? run.return(SIGPIPE_STATUS) : run.next(code);
    // SIGPIPE kills the whole writer, a loop that wrote between two pauses too (`while :; do echo y; done | head -3`).
    if (!step.done && brokenPipe()) {
      step.value.interrupt();
      step = run.return(SIGPIPE_STATUS);
    }
    if (!step.done) job = step.value;
  } while (!step.done);
  // The writer has ended: the reader reads what is left, then end of file.
  pipe.live = false;
  pipe.finish(step.value);
  while (readerJob) settle(last.next(yield readerJob));
  return { writer: step.value, reader: reader! };
}

/** Closes a pipe's reading end; a writer that never writes nor ends keeps the pipeline waiting until Ctrl+C. */
function* closing(pipe: Pipe | undefined): Exec<void> {
  try {
    pipe?.close();
  } catch (e) {
    if (!(e instanceof EndlessRead)) throw e;
    yield { poll: () => undefined, wakeAt: () => undefined, interrupt: () => {} };
  }
}

/**
 * When `last` is a simple command with plain words and no redirections that its machine says
 * filters lines statelessly, a way to run it on each complete line the pipe gains while the
 * command before it is a running job. Lines still missing their newline wait for the next poll
 * or the end; Ctrl+C ends both, as SIGINT ends the whole pipeline.
 */
function lineFollower(last: CommandNode, io: Io, pipe: Pipe, host: PipelineHost) {
  if (last.type !== 'simple' || last.redirects.length > 0 || last.assigns.length > 0) return undefined;
  // Words that expand to themselves only: no parameters, substitutions or unquoted globs.
  if (!last.words.every((w) => w.every((part) => part.type === 'lit' && (part.quoted || !/[*?[]/.test(part.text))))) return undefined;
  const argv = last.words.map((w) => w.map((part) => (part.type === 'lit' ? part.text : '')).join(''));
  if (!host.streamsLines(argv)) return undefined;
  let best = Infinity;
  const flush = (): void => {
    const chunk = pipe.takeLines();
    if (chunk === '') return;
    best = Math.min(best, host.runToEnd(host.run(last, { ...io, stdin: chunk, cursor: { pos: 0 }, endless: undefined, source: undefined, pipe: undefined })));
  };
  return {
    flush,
    bestCode: () => best,
    wrap: (job: Job): Job => {
      flush();
      return {
        poll: (now) => {
          const done = job.poll(now);
          flush();
          return done;
        },
        wakeAt: () => job.wakeAt(),
        interrupt: () => job.interrupt(),
      };
    },
  };
}
