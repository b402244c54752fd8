import { afterEach, describe, expect, it } from 'vitest';
import { createEngineApi, type EngineApi, type EngineUpdate, type TraceBatch } from './createEngineApi';

let api: EngineApi | undefined;
afterEach(() => api?.dispose());

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('EngineApi clock: step', () => {
  it('moves the paused clock by exactly the step, and the cluster moves with it', () => {
    api = createEngineApi(() => 0);
    const shell = api.openShell().id;
    const paused = api.pause();
    value(api.execute(shell, 'kubectl run web --image=nginx'));
    const updates: EngineUpdate[] = [];
    api.subscribe((u) => updates.push(u));
    const phases: string[] = [];
    for (let i = 0; i < 15; i++) {
      expect(api.step(1_000)).toMatchObject({ now: paused.now + (i + 1) * 1_000, paused: true });
      phases.push(value(api.execute(shell, "kubectl get pod web -o jsonpath='{.status.phase}'")).output);
    }
    expect(phases[0]).toBe('Pending');
    expect(phases.at(-1)).toBe('Running');
    expect(updates.at(-1)!.clock.now).toBe(paused.now + 15_000);
  });
});

describe('EngineApi clock: rewind', () => {
  it('keeps a checkpoint before each command line and editor action, newest first', () => {
    api = createEngineApi(() => 0);
    const shell = api.openShell().id;
    const start = api.pause().now;
    value(api.execute(shell, 'kubectl create deployment web --image=nginx'));
    value(api.execute(shell, '   '));
    api.step(2_000);
    expect(value(api.execute(shell, 'cat <<EOF'))).toMatchObject({ needsMoreInput: true });
    value(api.execute(shell, 'hello'));
    value(api.execute(shell, 'EOF'));
    value(api.runOnBuffer('apply', 'svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'));
    // The editor begins every Apply as a stepped one; a small file it cancels and applies at once.
    const small = value(api.beginApply('svc.yaml', 'kind: ConfigMap\n'));
    api.cancelApply(small.id);
    const big = value(api.beginApply('many.yaml', Array.from({ length: 3 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n')));
    value(api.stepApply(big.id, 2));
    value(api.stepApply(big.id, 2));
    value(api.execute(shell, 'echo "unfinished'));
    api.interrupt(shell);
    expect(api.checkpoints()).toEqual([
      { id: 4, at: start + 2_000, label: 'kubectl apply -f many.yaml' },
      { id: 3, at: start + 2_000, label: 'kubectl apply -f svc.yaml' },
      { id: 2, at: start + 2_000, label: 'cat <<EOF\nhello\nEOF' },
      { id: 1, at: start, label: 'kubectl create deployment web --image=nginx' },
    ]);
  });

  it('brings a deleted deployment back, paused, with the terminal still open and the map told', () => {
    let real = 0;
    api = createEngineApi(() => real);
    const shell = api.openShell().id;
    value(api.execute(shell, 'kubectl create deployment web --image=nginx --replicas=2'));
    real += 20_000;
    value(api.execute(shell, 'kubectl delete deployment web'));
    real += 5_000;
    expect(value(api.execute(shell, 'kubectl get deploy')).output).toBe('No resources found in default namespace.\n');
    const beforeDelete = api.checkpoints().find((c) => c.label === 'kubectl delete deployment web')!;

    const updates: EngineUpdate[] = [];
    api.subscribe((u) => updates.push(u));
    updates.length = 0;
    const r = value(api.rewind(beforeDelete.id));
    expect(r).toEqual({ clock: { now: beforeDelete.at, paused: true, speed: 1 }, checkpoint: beforeDelete });
    expect(updates[0]!.delta).toMatchObject({ reset: true });
    expect(updates[0]!.delta!.upserts.filter((rec) => rec.key.startsWith('pod/default/web-'))).toHaveLength(2);

    expect(value(api.execute(shell, 'kubectl get deploy -o name')).output).toBe('deployment.apps/web\n');
    // A new timeline: what came after the chosen checkpoint is gone, the new line is listed.
    expect(api.checkpoints().map((c) => c.label)).toEqual(['kubectl get deploy -o name', 'kubectl delete deployment web', 'kubectl create deployment web --image=nginx --replicas=2']);
    // Paused there: real time passing does not move it.
    real += 10_000;
    expect(value(api.execute(shell, 'date +%s')).output).toBe(`${beforeDelete.at / 1000}\n`);
  });

  it('takes back the packet player requests made after the checkpoint', () => {
    api = createEngineApi(() => 0);
    api.pause();
    const shell = api.openShell().id;
    for (const line of ['kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port=80', 'kubectl run client --image=busybox -- sleep 3600']) value(api.execute(shell, line));
    api.step(60_000);
    value(api.execute(shell, 'kubectl exec client -- wget -qO- -T 2 web'));
    value(api.execute(shell, 'kubectl exec client -- wget -qO- -T 2 web.default'));
    const batches: TraceBatch[] = [];
    api.subscribeTraces((b) => batches.push(b));
    expect(batches[0]!.entries.map((e) => e.command)).toEqual(['kubectl exec client -- wget -qO- -T 2 web', 'kubectl exec client -- wget -qO- -T 2 web.default']);
    value(api.rewind(api.checkpoints().find((c) => c.label.endsWith('web.default'))!.id));
    expect(batches.at(-1)).toMatchObject({ reset: true, entries: [{ command: 'kubectl exec client -- wget -qO- -T 2 web' }] });
    expect(batches.at(-1)!.entries).toHaveLength(1);
  });

  it('an unknown checkpoint comes back as data; a reset forgets them all', () => {
    api = createEngineApi(() => 0);
    const shell = api.openShell().id;
    value(api.execute(shell, 'kubectl get pods'));
    expect(api.rewind(7)).toEqual({ ok: false, error: 'no checkpoint 7: it was dropped or never taken' });
    api.reset();
    expect(api.checkpoints()).toEqual([]);
  });
});
