import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLabCaptured } from './testing/runLabCaptured';

const lab = runLabCaptured;

describe('kubelab lab', () => {
  it('prints the transcript of each step, then one line per check; a failed check exits 1 (golden)', async () => {
    const { out, err, code } = await lab([join(import.meta.dirname, '__golden__/lab-demo')]);
    expect(err).toBe('');
    expect(code).toBe(1);
    await expect(out).toMatchFileSnapshot('./__golden__/lab-demo.txt');
  });

  it('exits 0 when every check passes, and takes the lab.yaml itself as well as its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-lab-'));
    writeFileSync(join(dir, 'lab.yaml'), 'title: T\nsteps:\n  - title: S\n    commands: [kubectl create namespace shop]\n    check:\n      - run: kubectl get ns shop\n');
    const byDir = await lab([dir]);
    const byFile = await lab([join(dir, 'lab.yaml'), '--seed', 'other']);
    expect(byDir.code).toBe(0);
    expect(byFile.code).toBe(0);
    expect(byDir.out.split('\n').slice(-3)).toEqual(['check passed: kubectl get ns shop', '# lab passed: 1 of 1 checks', '']);
  });

  it('a lab that cannot be read is exit 2, with the file, line and column on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-lab-'));
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'lab.yaml'), 'title: T\nsteps:\n  - title: S\n    check:\n      - run: ls\n        expect: a\n        hnt: b\n');
    const bad = await lab([join(dir, 'bad')]);
    expect(bad).toEqual({
      out: '',
      err: `kubelab lab: ${join(dir, 'bad', 'lab.yaml')}:7:9: steps[0].check[0].hnt: unknown field (expected one of run, expect, match, hint)\n`,
      code: 2,
    });
    const missing = await lab([join(dir, 'nothing')]);
    expect(missing).toEqual({ out: '', err: `kubelab lab: ${join(dir, 'nothing')}: no such file\n`, code: 2 });
    expect((await lab([])).err).toBe('kubelab lab: give one lab folder (kubelab lab DIR [--seed S])\n');
    expect((await lab(['x', '--sed', 'y'])).err).toBe('kubelab lab: unknown flag --sed\n');
  });
});
