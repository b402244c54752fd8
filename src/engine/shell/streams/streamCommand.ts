import type { Command, CommandContext, CommandOutcome, Job, StreamCommand, StreamContext } from '../types';
import type { LazyWriter, Pipe } from './Pipe';
import { SIGPIPE_STATUS } from './Pipe';

/** How much a device read gives at a time: a page, as the kernel's read of /dev/zero would. */
export const DEVICE_BLOCK = 4096;

/** How many writes an endless command makes for each poll of its job (the terminal keeps up). */
const WRITES_PER_POLL = 8;

/** A stream command running lazily in a pipeline, as its reader pulls. */
export class StreamProcess implements LazyWriter {
  constructor(
    private readonly gen: Generator<void, number, void>,
    private readonly ctx: StreamContext,
    /** The pipe it reads, which it closes when it ends. */
    private readonly input: Pipe | undefined,
  ) {}

  get endless(): boolean {
    return this.ctx.outputEndless;
  }

  get readsPipe(): boolean {
    return this.input !== undefined;
  }

  step(): number | undefined {
    const r = this.gen.next();
    if (!r.done) return undefined;
    this.input?.close();
    return r.value;
  }

  kill(): void {
    this.gen.return(SIGPIPE_STATUS);
    this.input?.close();
  }
}

/**
 * Runs a stream command whose output is not a pipe (the terminal, a file): to its end, or, when
 * its output never ends (`yes`, `cat /dev/zero`) or its input is a running job's (`ping | head`),
 * as a job that goes on at each poll until it ends or Ctrl+C.
 */
export function runStream(gen: Generator<void, number, void>, ctx: StreamContext): CommandOutcome {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    if (ctx.outputEndless || ctx.inputWaiting) break;
  }
  const job: Job = {
    // Writes a few times per poll; waits while a running job has not written what it reads next.
    poll: () => {
      for (let i = 0; i < WRITES_PER_POLL; i++) {
        // Always one step: a command that has what it needs ends without reading again.
        if (i > 0 && ctx.inputWaiting) return undefined;
        const r = gen.next();
        if (r.done) return r.value;
      }
      return undefined;
    },
    wakeAt: () => undefined,
    interrupt: () => void gen.return(130),
  };
  return { exitCode: 0, job };
}

/** Each plain form made by {@link asCommand} knows its stream form, so a registry that copies the command copies both. */
const streamForms = new WeakMap<Command, StreamCommand>();

/** The stream form of a command made by {@link asCommand}, if it is one. */
export function streamFormOf(command: Command): StreamCommand | undefined {
  return streamForms.get(command);
}

/**
 * The plain {@link Command} form of a stream command, for callers with a whole stdin (`kubectl
 * exec pod -- cat`, xargs): reads that stdin at once, or the endless device it comes from in blocks.
 */
export function asCommand(stream: StreamCommand): Command {
  const command = (ctx: CommandContext): CommandOutcome => {
    const device = ctx.stdinDevice;
    let done = false;
    const sctx: StreamContext = Object.create(ctx, {
      read: {
        value: () => {
          if (device !== undefined) return ctx.fs.readFile(device, DEVICE_BLOCK);
          if (done) return undefined;
          done = true;
          const text = ctx.stdin;
          return text === '' ? undefined : text;
        },
      },
      inputEndless: { value: device !== undefined },
      outputEndless: { value: device !== undefined, writable: true },
    }) as StreamContext;
    return runStream(stream(sctx), sctx);
  };
  streamForms.set(command, stream);
  return command;
}

/**
 * A stateless line filter (`grep web`) reading a pipe, as a stream command: it runs on each
 * batch of complete lines as they come, as grep writing through a pipe does, so `yes | grep y |
 * head -1` ends. Its status is the best of the batches' (grep: 0 once any line matched); an
 * error status (2 and up) ends it at once, as the first batch would have ended it.
 */
export function lineFilter(command: Command): StreamCommand {
  return function* (ctx: StreamContext): Generator<void, number, void> {
    let best: number | undefined;
    let rest = '';
    const runOn = (text: string): number => {
      let given = false;
      const batch = Object.create(ctx, {
        stdin: { get: () => (given ? '' : ((given = true), text)) },
        stdinDevice: { value: undefined },
        readLine: { value: () => undefined },
      }) as CommandContext;
      const outcome = command(batch);
      const code = typeof outcome === 'number' ? outcome : outcome.exitCode;
      best = best === undefined ? code : Math.min(best, code);
      return code;
    };
    for (let piece = ctx.read(); piece !== undefined; piece = ctx.read()) {
      rest += piece;
      const end = rest.lastIndexOf('\n') + 1;
      if (end === 0) {
        yield;
        continue;
      }
      const lines = rest.slice(0, end);
      rest = rest.slice(end);
      if (runOn(lines) >= 2) return best!;
      yield;
    }
    if (rest !== '' || best === undefined) runOn(rest);
    return best!;
  };
}
