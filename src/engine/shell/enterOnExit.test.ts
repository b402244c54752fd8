import { describe, expect, it } from 'vitest';
import { ShellSession } from './ShellSession';
import { createMachine } from './machines';

describe('ShellHooks.enter onExit', () => {
  it('runs the callback with the status when the entered shell exits, and its output shows', () => {
    const s = new ShellSession();
    const inner = createMachine({ hostname: 'inner', now: () => 0, cwd: '/' });
    const codes: number[] = [];
    s.commands.register('hop', (ctx) => {
      ctx.shell.enter(inner, {
        onExit: (code) => {
          codes.push(code);
          ctx.stdout('left inner\n');
        },
      });
      return 0;
    });
    s.execute('hop');
    expect(s.machine.hostname).toBe('inner');
    expect(s.execute('exit 3').output).toBe('exit\nleft inner\n');
    expect(codes).toEqual([3]);
    expect(s.machine.hostname).toBe('controlplane');
    expect(s.lastExitCode).toBe(3);
  });
});
