import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { runOnBuffer } from './editorActions';
import { diffBuffer } from './editorDiff';
import { createLearnerSession } from './learnerSession';

const svc = (name: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: ${port}
`;

describe('the editor diff', () => {
  it('shows a new object as all new, with what the API server would default', () => {
    const sim = new Simulation({ seed: 'diff' });
    const d = diffBuffer(sim, 'a.yaml', svc('web', 80));
    expect(d).toMatchObject({ command: 'kubectl apply -f a.yaml --dry-run=server', exitCode: 0, messages: '' });
    expect(d.documents).toHaveLength(1);
    expect(d.documents[0]).toMatchObject({ name: 'service/web', namespace: 'default', live: '', change: 'create' });
    expect(d.documents[0]!.merged).toContain('  sessionAffinity: None\n');
    expect(d.documents[0]!.merged).toContain('    targetPort: 80\n');
    // A dry run creates nothing and leaves no scratch file behind.
    const learner = createLearnerSession(sim);
    expect(learner.execute('kubectl get svc web').output).toBe('Error from server (NotFound): services "web" not found\n');
    expect(learner.execute('ls -A /tmp').output).not.toContain('kubelab-diff');
  });

  it('per document: an applied object unchanged, a changed one with the change, kubectl errors as messages', () => {
    const sim = new Simulation({ seed: 'diff' });
    expect(runOnBuffer(sim, 'apply', 'a.yaml', `${svc('web', 80)}---\n${svc('api', 80)}`).exitCode).toBe(0);
    const d = diffBuffer(sim, 'a.yaml', `${svc('web', 80)}---\n${svc('api', 8080)}---\n${svc('bad', 0)}`);
    expect(d.documents.map((x) => [x.name, x.change])).toEqual([
      ['service/web', 'none'],
      ['service/api', 'update'],
    ]);
    const api = d.documents[1]!;
    expect(api.live).toContain('  - port: 80\n');
    expect(api.merged).toContain('  - port: 8080\n');
    expect(api.live).not.toContain('managedFields');
    expect(d.exitCode).toBe(1);
    expect(d.messages).toContain('The Service "bad" is invalid');
    // Nothing changed in the cluster.
    expect(createLearnerSession(sim).execute('kubectl get svc api -o jsonpath={.spec.ports[0].port}').output).toBe('80');
  });
});
