import { describe, expect, it } from 'vitest';
import { ShellSession } from '../../ShellSession';
import { diffLines } from './analyze';
import { fileLines, unifiedHunks } from './format';

/** Byte-for-byte cases against GNU diff live in ../__golden__/gnu-tools.txt; these cover what depends on the clock. */
describe('diff', () => {
  it('stamps unified headers with each file’s modification time, and an absent file (-N) with the epoch', () => {
    let now = Date.UTC(2026, 11, 4, 16, 3, 44, 789);
    const s = new ShellSession({ now: () => now, advance: (ms) => (now += ms) });
    s.execute("mkdir L M && printf 'a\\nb\\nc\\n' > L/x");
    now += 1500;
    s.execute("printf 'a\\nB\\nc\\n' > M/x; printf 'new\\n' > M/y");
    const r = s.execute('diff -u -N L M');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      [
        'diff -u -N L/x M/x',
        '--- L/x\t2026-12-04 16:03:44.789000000 +0000',
        '+++ M/x\t2026-12-04 16:03:46.289000000 +0000',
        '@@ -1,3 +1,3 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        'diff -u -N L/y M/y',
        '--- L/y\t1970-01-01 00:00:00.000000000 +0000',
        '+++ M/y\t2026-12-04 16:03:46.289000000 +0000',
        '@@ -0,0 +1 @@',
        '+new',
        '',
      ].join('\n'),
    );
  });

  it('slides a change as GNU diff does: an inserted duplicate goes after its twin, not before', () => {
    const a = fileLines('a\nb\na\nb\nc\nc\na\na\n');
    const b = fileLines('b\nb\nc\nc\nc\na\na\n');
    expect(unifiedHunks(a, b, diffLines(a, b, 3), 3)).toBe('@@ -1,8 +1,7 @@\n-a\n b\n-a\n b\n c\n c\n+c\n a\n a\n');
  });
});
