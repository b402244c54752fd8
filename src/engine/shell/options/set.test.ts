import { describe, expect, it } from 'vitest';
import { sessionWith, transcript } from '../testing/transcript';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const goldens = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '__golden__', 'set-goldens.json'), 'utf8')) as { sh: string; file: string; args?: string; script: string; out: string }[];

/**
 * Scripts run by the real bash 5.2.15 and dash 0.5.12 (`bash F 2>&1; echo "rc=$?"`, captured into
 * set-goldens.json) must print the same bytes here: errexit and its exceptions, positional
 * parameters, xtrace, nounset, invalid options and the `set -o`/`set +o` listings.
 */
describe('set, as bash and dash run it', () => {
  for (const g of goldens) {
    it(`${g.sh} ${g.file} ${g.args ?? ''}`, () => {
      const s = sessionWith();
      s.machine.fs.writeFile(`/root/${g.file}`, g.script);
      const shell = g.sh === 'dash' ? 'sh' : 'bash';
      const cmd = `${shell} ${g.file}${g.args ? ` ${g.args}` : ''} 2>&1; echo "rc=$?"`;
      expect(transcript(s, [cmd])).toBe(`controlplane:~$ ${cmd}\n${g.out}`);
    });
  }
});

describe('set at the terminal', () => {
  it('set -u abandons the line ($? 1); an invalid option prints bash usage; set -- fills $@', () => {
    const s = sessionWith();
    expect(transcript(s, ['set -u', 'echo $zz; echo same', 'echo $?', 'set -q', 'set -- a "b c"; echo $# "$2"', 'echo $-'])).toBe(`controlplane:~$ set -u
controlplane:~$ echo $zz; echo same
bash: zz: unbound variable
controlplane:~$ echo $?
1
controlplane:~$ set -q
bash: set: -q: invalid option
set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]
controlplane:~$ set -- a "b c"; echo $# "$2"
2 b c
controlplane:~$ echo $-
himuBHs
`);
  });

  it('sh -c SCRIPT NAME ARGS: NAME is $0, ARGS the positional parameters', () => {
    const s = sessionWith();
    expect(s.execute(`bash -c 'echo $0 $1 $#' zero one`).output).toBe('zero one 1\n');
    expect(s.execute(`sh -c 'echo $0 $1 $#' zero one`).output).toBe('zero one 1\n');
  });

  it('a failing command under set -e ends the terminal shell as exit does', () => {
    const s = sessionWith();
    transcript(s, ['set -e', 'false']);
    expect(s.ended).toBe(true);
    expect(s.lastExitCode).toBe(1);
  });
});
