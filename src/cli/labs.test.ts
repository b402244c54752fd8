import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLabCaptured } from './testing/runLabCaptured';

const LABS = join(import.meta.dirname, '../../labs');
const folders = readdirSync(LABS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Every shipped lab proves itself: its own commands, typed in order, satisfy every check. */
describe('the labs in labs/', () => {
  it('there are labs to run', () => {
    expect(folders.length).toBeGreaterThanOrEqual(2);
  });

  it.each(folders)('%s: kubelab lab passes every check', async (folder) => {
    const { out, err, code } = await runLabCaptured([join(LABS, folder)]);
    expect(err).toBe('');
    expect(out.split('\n').filter((l) => l.startsWith('check failed:'))).toEqual([]);
    expect(out).toMatch(/^# lab passed: [1-9]\d* of \d+ checks$/m);
    expect(code).toBe(0);
  });
});
