import { afterEach, describe, expect, it } from 'vitest';
import { createEngineApi, type EngineApi, type TraceBatch } from './createEngineApi';

let api: EngineApi | undefined;
afterEach(() => api?.dispose());

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('EngineApi lab checks', () => {
  it('parses a lab, and a broken one comes back as data with file, line and column', () => {
    api = createEngineApi(() => 0);
    expect(value(api.parseLab('/labs/07-x/lab.yaml', 'title: T\nsteps:\n  - title: S\n'))).toEqual({
      id: '07-x',
      title: 'T',
      summary: '',
      steps: [{ title: 'S', text: '', commands: [], checks: [] }],
    });
    expect(api.parseLab('/labs/07-x/lab.yaml', 'title: T\nsteps: 3\n')).toEqual({ ok: false, error: '/labs/07-x/lab.yaml:2:8: steps: a lab needs a list of one or more steps' });
  });

  it('checks see what the terminal did; the terminal and the packet player see nothing of them', () => {
    api = createEngineApi(() => 0);
    api.pause();
    const shell = api.openShell().id;
    const checks = [{ run: 'kubectl exec client -- wget -qO- -T 2 web', match: 'Welcome to nginx' }];
    expect(value(api.runChecks(checks))[0]).toMatchObject({ passed: false, exitCode: 1 });
    for (const line of ['kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port=80', 'kubectl run client --image=busybox -- sleep 3600']) {
      value(api.execute(shell, line));
    }
    api.step(60_000);
    const batches: TraceBatch[] = [];
    api.subscribeTraces((b) => batches.push(b));
    expect(value(api.runChecks(checks))[0]).toMatchObject({ passed: true, exitCode: 0 });
    expect(batches.flatMap((b) => b.entries)).toEqual([]);
    // The learner's own request is listed as before.
    value(api.execute(shell, 'kubectl exec client -- wget -qO- -T 2 web'));
    expect(batches.flatMap((b) => b.entries)).toHaveLength(1);
    expect(value(api.execute(shell, 'history | wc -l')).output.trim()).toBe('5');
  });
});
