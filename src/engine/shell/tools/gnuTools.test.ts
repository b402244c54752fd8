import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionWith } from '../testing/transcript';

const dir = join(__dirname, '__golden__');
const fixtures = JSON.parse(readFileSync(join(dir, 'fixtures.json'), 'utf8')) as Record<string, string>;
const cases = readFileSync(join(dir, 'gnu-tools.txt'), 'utf8')
  .split(/^### /m)
  .slice(1)
  .map((block) => {
    const nl = block.indexOf('\n');
    return { command: block.slice(0, nl), expected: block.slice(nl + 1) };
  });

/**
 * Every command of the golden file runs in a fresh session whose working directory holds the
 * fixtures, and must print exactly what the real tools printed, exit status included.
 */
describe('text tools and shell match GNU/bash output byte for byte', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases)('$command', ({ command, expected }) => {
    const s = sessionWith(Object.fromEntries(Object.entries(fixtures).map(([k, v]) => [`/srv/${k}`, v])));
    s.execute('cd /srv');
    expect(s.execute(`{ ${command}\n} 2>&1; echo "rc=$?"`).output).toBe(expected);
  });
});
