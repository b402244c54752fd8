import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runShell } from './shell';

async function transcript(input: string, isTTY = false): Promise<{ text: string; code: number }> {
  let text = '';
  const out = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  const code = await runShell([], Readable.from([input]), out);
  return { text, code };
}

describe('kubelab shell', () => {
  it('prints the prompt, the command and its output for each line, as the terminal does', async () => {
    const { text, code } = await transcript('echo hello\nkubectrl get pods\n');
    expect(text).toBe('controlplane:~$ echo hello\nhello\ncontrolplane:~$ kubectrl get pods\nbash: kubectrl: command not found\n');
    expect(code).toBe(127);
  });
});
