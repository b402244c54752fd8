import { describe, expect, it } from 'vitest';
import { ShellSession } from './ShellSession';
import type { CommandContext, Job } from './types';

/** `tick`: prints `line N` each second for ten seconds, then `tail web` without a newline. */
function ticker(clock: { now: number }) {
  return (ctx: CommandContext) => {
    let printed = 0;
    ctx.stdout('first line\n');
    const job: Job = {
      poll: (now) => {
        for (; printed < Math.min(10, Math.floor(now / 1000)); printed++) ctx.stdout(`line ${printed + 1}${printed % 2 ? ' web' : ''}\n`);
        if (now < 10_000) return undefined;
        ctx.stdout('tail web');
        return 0;
      },
      wakeAt: () => undefined,
      interrupt: () => undefined,
    };
    void clock;
    return { exitCode: 0, job };
  };
}

function session(): { s: ShellSession; clock: { now: number } } {
  const clock = { now: 0 };
  const s = new ShellSession({ now: () => clock.now });
  s.commands.register('tick', ticker(clock));
  return { s, clock };
}

describe('a running command piped into a line filter', () => {
  it('grep sees each complete line as it comes, and Ctrl+C ends both', () => {
    const { s, clock } = session();
    const r = s.execute('tick | grep -i web');
    expect(r.running).toBe(true);
    expect(r.output).toBe('');
    clock.now = 2000;
    expect(s.poll().output).toBe('line 2 web\n');
    clock.now = 4500;
    expect(s.poll().output).toBe('line 4 web\n');
    expect(s.interrupt().output).toBe('^C\n');
    expect(s.lastExitCode).toBe(130);
  });

  it('a stateful or buffered stage waits for the end, as through a pipe', () => {
    for (const line of ['tick | grep -c web', 'tick | grep web | cat', 'tick | wc -l']) {
      const { s, clock } = session();
      s.execute(line);
      clock.now = 4000;
      expect(s.poll().output, line).toBe('');
    }
  });

  it('when the command ends, the rest (a last line without newline too) goes through once', () => {
    const { s, clock } = session();
    s.execute('tick | grep web');
    clock.now = 5000;
    expect(s.poll().output).toBe('line 2 web\nline 4 web\n');
    clock.now = 10_000;
    expect(s.poll().output).toBe('line 6 web\nline 8 web\nline 10 web\ntail web\n');
    expect(s.lastExitCode).toBe(0);
    // No match in any piece: grep's status is 1, as for the whole stream.
    const other = session();
    other.s.execute('tick | grep nothing');
    other.clock.now = 10_000;
    expect(other.s.poll().output).toBe('');
    expect(other.s.lastExitCode).toBe(1);
  });
});

describe('a running command piped into a stream command (ping | head -3)', () => {
  it('head reads lines as they come and ends; the writer is killed by SIGPIPE at its next write', () => {
    const { s, clock } = session();
    const r = s.execute('tick | head -3');
    expect(r).toMatchObject({ running: true, output: 'first line\n' });
    clock.now = 1000;
    expect(s.poll()).toMatchObject({ running: true, output: 'line 1\n' });
    clock.now = 2000;
    // head has its three lines and ends; tick runs on until its next write (at 3 s) meets the closed pipe.
    expect(s.poll()).toMatchObject({ running: true, output: 'line 2 web\n' });
    clock.now = 2500;
    expect(s.poll()).toMatchObject({ running: true, output: '' });
    clock.now = 3000;
    expect(s.poll().running).toBeUndefined();
    expect(s.execute('echo ${PIPESTATUS[@]}').output).toBe('141 0\n');
  });

  it('when the writer ends first, the reader gets the rest and end of file', () => {
    const { s, clock } = session();
    s.execute('tick | head -c 30');
    clock.now = 10_000;
    expect(s.poll()).toMatchObject({ output: 'line 1\nline 2 web\nl' });
    // All ten seconds came in one poll: tick wrote everything and ended before head read it.
    expect(s.execute('echo ${PIPESTATUS[@]}').output).toBe('0 0\n');
    const other = session();
    other.s.execute('tick | tail -n 1');
    other.clock.now = 10_000;
    expect(other.s.poll().output).toBe('tail web');
  });

  it('Ctrl+C ends both', () => {
    const { s, clock } = session();
    s.execute('tick | head -50');
    clock.now = 1500;
    expect(s.poll().output).toBe('line 1\n');
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130 });
  });
});

describe('a loop piped into head in the browser (it pauses for polls)', () => {
  it('ends once head has its lines: SIGPIPE kills the whole loop', () => {
    const s = new ShellSession({ now: () => 0 });
    let r = s.execute('while true; do echo y; done | head -3');
    let out = r.output;
    for (let i = 0; i < 10 && r.running; i++) {
      r = s.poll();
      out += r.output;
    }
    expect(out).toBe('y\ny\ny\n');
    expect(r.running).toBeUndefined();
    expect(s.execute('echo ${PIPESTATUS[@]}').output).toBe('141 0\n');
  });
});
