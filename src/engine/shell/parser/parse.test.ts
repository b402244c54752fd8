import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionWith } from '../testing/transcript';
import { MAX_NESTING, parse } from './parse';

describe('parse', () => {
  it.each([
    ['echo "abc', "incomplete", '"'],
    ["echo 'abc", 'incomplete', "'"],
    ['echo $(ls', 'incomplete', ')'],
    ['echo `ls', 'incomplete', '`'],
    ['echo ${HOME', 'incomplete', '}'],
    ['ls |', 'incomplete', '|'],
    ['ls &&', 'incomplete', '&&'],
    ['ls ||', 'incomplete', '||'],
    ['echo \\', 'incomplete', '\\'],
    ['cat <<EOF', 'incomplete', 'heredoc'],
    ['cat <<EOF\nbody', 'incomplete', 'heredoc'],
    ['{ echo a', 'incomplete', '}'],
  ])('%j is unfinished (waits for %s)', (src, kind, missing) => {
    expect(parse(src)).toEqual({ ok: false, kind, missing });
  });

  it.each([
    ['| x', '|'],
    [';', ';'],
    ['echo a;;', ';;'],
    ['echo >', 'newline'],
    ['echo > |', '|'],
    ['&& b', '&&'],
    ['a | | b', '|'],
    [')', ')'],
    ['echo (', '('],
    ['}', '}'],
  ])('%j is a syntax error near %j', (src, token) => {
    expect(parse(src)).toEqual({ ok: false, kind: 'syntax', token });
  });

  it('parses a heredoc body after the rest of its line', () => {
    const r = parse("cat <<'EOF' | kubectl apply -f -\n$A\nEOF\necho done");
    if (!r.ok) throw new Error('expected a script');
    expect(r.script).toHaveLength(2);
    const cat = r.script[0]!.andOr.first.commands[0]!;
    expect(cat.type === 'simple' && cat.redirects[0]!.heredoc).toEqual({ delimiter: 'EOF', body: [{ type: 'lit', text: '$A\n', quoted: true }] });
  });

  it('strips leading tabs with <<-', () => {
    const s = sessionWith();
    expect(s.execute('cat <<-END\n\tindented\n\tEND').output).toBe('indented\n');
  });

  it('refuses nesting deeper than MAX_NESTING with a clear error, and takes the allowed depth', () => {
    const nest = (n: number) => `${'$(echo '.repeat(n)}x${')'.repeat(n)}`;
    expect(parse(`echo ${nest(MAX_NESTING + 5)}`)).toEqual({ ok: false, kind: 'too-deep' });
    const s = sessionWith();
    expect(s.execute(`echo ${nest(50)}`).output).toBe('x\n');
    expect(s.execute(`echo ${nest(MAX_NESTING + 5)}`)).toMatchObject({ output: 'bash: maximum nesting depth exceeded\n', exitCode: 2 });
  });

  it('handles a 1 MB line in linear time', () => {
    const s = sessionWith();
    const word = 'a'.repeat(1 << 20);
    const r = s.execute(`echo ${word} | wc -c`);
    expect(r.output).toBe(`${(1 << 20) + 1}\n`);
  });

  it('never throws on arbitrary input, and always leaves a usable prompt', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (src) => {
        const s = sessionWith();
        const r = s.execute(src);
        expect(typeof r.output).toBe('string');
        if (r.needsMoreInput) s.interrupt();
        expect(s.prompt()).toBe('controlplane:~$ ');
      }),
      { numRuns: 300 },
    );
  });

  it('survives binary garbage', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const s = sessionWith();
    expect(() => s.execute(bytes)).not.toThrow();
    s.interrupt();
    expect(s.execute('echo ok').output).toBe('ok\n');
  });

  it('single-quoting any text prints it back unchanged (quote removal is exact)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((t) => !t.includes('\0')), (text) => {
        const s = sessionWith();
        const quoted = `'${text.replace(/'/g, "'\\''")}'`;
        expect(s.execute(`printf '%s' ${quoted}`).output).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
