import type { Exec } from './expand';
import type { Io } from './Interpreter';
import type { CommandNode, Pipeline } from './parser/ast';
import { Pipe } from './streams/Pipe';
import type { Job } from './types';
import { EndlessRead } from './vfs/devices';

/** What running a pipeline needs from the interpreter. */
export interface PipelineHost {
  run(cmd: CommandNode, io: Io): Exec<number>;
  /** Whether `argv` runs as a stateless line filter on this machine (not a builtin). */
  streamsLines(argv: string[]): boolean;
  runToEnd(run: Exec<number>): number;
}

/**
 * Runs `a | b | c` and returns each stage's status (bash's PIPESTATUS). Each stage writes into a
 * {@link Pipe} its reader reads. A stage that is a stream command (`yes`, `cat`, `tr`, `head`...)
 * runs lazily, as far as its reader pulls; any other stage runs to its end before its reader
 * starts, as buffered stdio delivers through a pipe. When a reader ends, its writer is closed:
 * it ends with its own status if it can still end within the pipe's capacity, else SIGPIPE (141).
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
    if (step.done || !follower) {
      while (!step.done) step = run.next(yield step.value);
    } else {
      // A long-running command (`kubectl get pods -w`) feeding a line filter that writes to the
      // terminal (`grep web`): the filter sees each line as it comes, as through a real pipe.
      while (!step.done) step = run.next(yield follower.wrap(step.value));
      follower.flush();
      pipe.finish(step.value);
      input?.close();
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
