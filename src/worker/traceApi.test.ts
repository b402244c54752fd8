import { afterEach, describe, expect, it } from 'vitest';
import { createEngineApi, type EngineApi, type TraceBatch } from './createEngineApi';
import { TRACE_ENTRIES_KEPT } from './traceApi';

let api: EngineApi | undefined;
afterEach(() => api?.dispose());

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A paused cluster with `web` (nginx) behind a Service and a busybox `client`, all running. */
function clusterWithWeb(): { api: EngineApi; shell: number; batches: TraceBatch[] } {
  const a = createEngineApi(() => 0);
  a.pause();
  const shell = a.openShell().id;
  for (const line of ['kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port=80', 'kubectl create service clusterip empty --tcp=80:80', 'kubectl run client --image=busybox -- sleep 3600']) {
    expect(value(a.execute(shell, line)).exitCode).toBe(0);
  }
  a.step(60_000);
  const batches: TraceBatch[] = [];
  a.subscribeTraces((b) => batches.push(b));
  return { api: a, shell, batches };
}

describe('EngineApi traces (the packet player feed)', () => {
  it('a learner command that makes a request arrives as an entry naming the command and session', () => {
    const c = clusterWithWeb();
    api = c.api;
    expect(c.batches).toEqual([{ reset: true, entries: [] }]);
    const out = value(api.execute(c.shell, 'kubectl exec client -- wget -qO- -T 2 web'));
    expect(out.output).toContain('Welcome to nginx!');
    const entries = c.batches.flatMap((b) => b.entries);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 1, source: 'terminal', session: c.shell, command: 'kubectl exec client -- wget -qO- -T 2 web' });
    expect(entries[0]!.trace.dns?.name).toBe('web');
    expect(entries[0]!.trace.outcome).toMatchObject({ kind: 'delivered', port: 80, machine: expect.stringMatching(/^default\/web-/) });
  });

  it('traceRequest traces on demand with kubelab trace\'s code; errors come back as data', () => {
    const c = clusterWithWeb();
    api = c.api;
    const entry = value(api.traceRequest('default/client', 'empty:80'));
    expect(entry).toMatchObject({ source: 'player', command: 'default/client → empty:80' });
    expect(entry.trace.outcome).toMatchObject({ kind: 'refused', reason: expect.stringContaining('no ready endpoints') });
    expect(c.batches.at(-1)!.entries).toEqual([entry]);
    const http = value(api.traceRequest('default/client', 'http://web/'));
    expect(http.response).toEqual({ status: 200, reason: 'OK' });
    expect(api.traceRequest('default/ghost', 'web:80')).toEqual({ ok: false, error: 'pods "ghost" not found in namespace "default"' });
  });

  it('keeps a bounded list, and a reset starts a new one', () => {
    const c = clusterWithWeb();
    api = c.api;
    for (let i = 0; i < TRACE_ENTRIES_KEPT + 5; i++) value(api.traceRequest('node/node01', '172.18.0.2:6443'));
    const late: TraceBatch[] = [];
    api.subscribeTraces((b) => late.push(b));
    expect(late[0]!.entries).toHaveLength(TRACE_ENTRIES_KEPT);
    expect(late[0]!.entries[0]!.id).toBe(6);
    api.reset();
    expect(late.at(-1)).toEqual({ reset: true, entries: [] });
  });

  it('one ping command is one entry however many echoes it sends; each curl stays its own', () => {
    const c = clusterWithWeb();
    api = c.api;
    // ping sends one echo a second: the paused clock is stepped while the command runs.
    for (const line of ['ping -c 3 172.18.0.3', 'ping -c 2 172.18.0.3']) {
      let r = value(api.execute(c.shell, line));
      while (r.running) {
        api.step(1000);
        r = value(api.poll(c.shell));
      }
    }
    value(api.execute(c.shell, 'for i in 1 2; do kubectl exec client -- wget -qO- -T 2 web >/dev/null; done'));
    const latest = new Map(c.batches.flatMap((b) => b.entries).map((e) => [e.id, e]));
    expect([...latest.values()].map((e) => [e.command, e.trace.request.protocol, e.echoes])).toEqual([
      ['ping -c 3 172.18.0.3', 'icmp', 3],
      ['ping -c 2 172.18.0.3', 'icmp', 2],
      ['for i in 1 2; do kubectl exec client -- wget -qO- -T 2 web >/dev/null; done', 'tcp', undefined],
      ['for i in 1 2; do kubectl exec client -- wget -qO- -T 2 web >/dev/null; done', 'tcp', undefined],
    ]);
  });
});

