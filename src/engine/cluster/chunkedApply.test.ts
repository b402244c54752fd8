import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { ChunkedApply, splitDocuments } from './chunkedApply';
import { runOnBuffer } from './editorActions';
import { createLearnerSession } from './learnerSession';

const cm = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  n: "${i}"\n`;

describe('splitting a stream as kubectl reads it', () => {
  it('cuts at lines starting with ---, drops empty and comment-only documents', () => {
    expect(splitDocuments('---\na: 1\n--- # x\n# only a comment\n---\n\n---\nb: 2')).toEqual(['a: 1\n', 'b: 2\n']);
  });
});

describe('applying a huge buffer in steps', () => {
  it('prints what one kubectl apply of the whole file prints, errors last, and leaves nothing behind', () => {
    const docs = Array.from({ length: 25 }, (_, i) => cm(i));
    docs[7] = docs[7]!.replace('name: cm-7', 'name: Not_Valid');
    const text = docs.join('---\n');
    const whole = runOnBuffer(new Simulation({ seed: 'chunks' }), 'apply', 'many.yaml', text);

    const sim = new Simulation({ seed: 'chunks' });
    const apply = new ChunkedApply(sim, 'many.yaml', text);
    expect(apply.total).toBe(25);
    const steps = [];
    let r;
    do {
      r = apply.step(10);
      steps.push(r.done);
    } while (!r.finished);
    expect(steps).toEqual([10, 20, 25]);
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(whole.output);
    expect(r.output).toMatch(/configmap\/cm-24 created\nThe ConfigMap "Not_Valid" is invalid/);
    const learner = createLearnerSession(sim);
    expect(learner.execute('kubectl get cm -o name | grep -c cm-').output).toBe('24\n');
    expect(learner.execute('ls -A /tmp').output).not.toContain('kubelab-apply');
    expect(learner.execute('grep -c ConfigMap many.yaml').output).toBe('25\n');
  });

  it('stops at a document kubectl cannot parse, as kubectl stops reading there', () => {
    const docs = Array.from({ length: 12 }, (_, i) => cm(i));
    docs[3] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n data: x\n';
    const text = docs.join('---\n');
    const whole = runOnBuffer(new Simulation({ seed: 'chunks' }), 'apply', 'many.yaml', text);
    const apply = new ChunkedApply(new Simulation({ seed: 'chunks' }), 'many.yaml', text);
    const r = apply.step(2);
    expect(r.finished).toBe(false);
    const last = apply.step(2);
    expect(last).toMatchObject({ finished: true, done: 4, exitCode: 1 });
    expect(last.output).toBe(whole.output);
  });
});
