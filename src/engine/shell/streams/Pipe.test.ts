import { describe, expect, it } from 'vitest';
import { EndlessRead } from '../vfs/devices';
import { PIPE_CAPACITY, Pipe, SIGPIPE_STATUS, type LazyWriter } from './Pipe';

/** A writer of `chunk` per step, `steps` times (Infinity: endless), then status 0. */
function writer(pipe: Pipe, chunk: string, steps: number, options: { readsPipe?: boolean } = {}): LazyWriter & { killed: boolean; ran: number } {
  const w = {
    killed: false,
    ran: 0,
    endless: steps === Infinity,
    readsPipe: options.readsPipe ?? false,
    step: () => {
      if (w.ran >= steps) return 0;
      w.ran++;
      pipe.write(chunk);
      return undefined;
    },
    kill: () => {
      w.killed = true;
    },
  };
  pipe.attach(w);
  return w;
}

describe('Pipe', () => {
  it('runs a lazy writer only as far as its reader reads', () => {
    const pipe = new Pipe();
    const w = writer(pipe, 'abc\n', Infinity);
    expect(pipe.readLine()).toBe('abc');
    expect(w.ran).toBe(1);
    expect(pipe.read()).toBe('abc\n');
    expect(w.ran).toBe(2);
  });

  it('a source may fill the capacity after its reader left; more than that is SIGPIPE', () => {
    const small = new Pipe();
    const a = writer(small, 'x'.repeat(1000), 60);
    expect(small.read()).toHaveLength(1000);
    expect(small.close()).toBe(0);
    expect(a.killed).toBe(false);
    const big = new Pipe();
    const b = writer(big, 'x'.repeat(1000), 100);
    big.read();
    expect(big.close()).toBe(SIGPIPE_STATUS);
    expect(b.killed).toBe(true);
    expect(b.ran).toBe(Math.floor(PIPE_CAPACITY / 1000) + 2);
  });

  it('a filter that reads a pipe is killed by its next write after the reader left', () => {
    const pipe = new Pipe();
    const w = writer(pipe, 'y\n', 3, { readsPipe: true });
    pipe.read();
    expect(pipe.close()).toBe(SIGPIPE_STATUS);
    expect(w.killed).toBe(true);
    const done = new Pipe();
    writer(done, 'y\n', 1, { readsPipe: true });
    done.read();
    expect(done.close()).toBe(0);
  });

  it('a finished writer that wrote more than the pipe held past what was read was killed', () => {
    const pipe = new Pipe();
    pipe.write('z'.repeat(PIPE_CAPACITY + 1));
    pipe.finish(0);
    expect(pipe.close()).toBe(SIGPIPE_STATUS);
    const fits = new Pipe();
    fits.write('z'.repeat(PIPE_CAPACITY));
    fits.finish(3);
    expect(fits.close()).toBe(3);
  });

  it('reading an endless writer to its end, or waiting on one that never writes, blocks (EndlessRead)', () => {
    const pipe = new Pipe();
    writer(pipe, 'y\n', Infinity);
    expect(() => pipe.readAll()).toThrow(EndlessRead);
    const silent = new Pipe();
    writer(silent, '', Infinity);
    expect(() => silent.read()).toThrow(EndlessRead);
    const closing = new Pipe();
    writer(closing, '', Infinity);
    expect(() => closing.close()).toThrow(EndlessRead);
  });

  it('readLine, read and readAll share one position; a read never gets more than the capacity', () => {
    const pipe = new Pipe();
    pipe.write(`one\ntwo\n${'w'.repeat(PIPE_CAPACITY * 2)}`);
    pipe.finish(0);
    expect(pipe.readLine()).toBe('one');
    expect(pipe.read()).toBe(`two\n${'w'.repeat(PIPE_CAPACITY - 4)}`);
    expect(pipe.readAll()).toHaveLength(PIPE_CAPACITY + 4);
    expect(pipe.read()).toBeUndefined();
  });
});
