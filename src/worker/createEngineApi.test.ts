import { afterEach, describe, expect, it } from 'vitest';
import { createEngineApi, type EngineApi } from './createEngineApi';

let api: EngineApi | undefined;
afterEach(() => api?.dispose());

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('EngineApi shell', () => {
  it('opens a terminal on the controlplane node of the live cluster', () => {
    api = createEngineApi(() => 0);
    const { id, prompt } = api.openShell();
    expect(prompt).toBe('controlplane:~$ ');
    expect(value(api.execute(id, 'kubectl get nodes -o name'))).toMatchObject({ output: 'node/controlplane\nnode/node01\nnode/node02\n', exitCode: 0 });
  });

  it('a long command runs while real time passes: poll streams it, interrupt stops it', () => {
    let real = 0;
    api = createEngineApi(() => real);
    const { id } = api.openShell();
    expect(value(api.execute(id, 'sleep 2; echo done'))).toMatchObject({ output: '', running: true });
    real += 1_000;
    expect(value(api.poll(id))).toMatchObject({ running: true });
    real += 1_000;
    expect(value(api.poll(id))).toMatchObject({ output: 'done\n', exitCode: 0, prompt: 'controlplane:~$ ' });
    expect(value(api.execute(id, 'sleep 100'))).toMatchObject({ running: true });
    expect(value(api.interrupt(id))).toMatchObject({ output: '^C\n', exitCode: 130 });
  });

  it('asks for more input under PS2 while a line is unfinished', () => {
    api = createEngineApi(() => 0);
    const { id } = api.openShell();
    expect(value(api.execute(id, 'echo "a'))).toMatchObject({ needsMoreInput: true, prompt: '> ' });
    expect(value(api.execute(id, 'b"'))).toMatchObject({ output: 'a\nb\n', prompt: 'controlplane:~$ ' });
  });

  it('reports an unknown session as data', () => {
    api = createEngineApi(() => 0);
    expect(api.poll(99)).toEqual({ ok: false, error: 'no shell session 99' });
  });
});
