import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import { readHomeFile, runOnBuffer, writeHomeFile } from './editorActions';
import { createLearnerSession } from './learnerSession';

const svc = (port: number) => `apiVersion: v1
kind: Service
metadata:
  name: x
spec:
  selector:
    app: x
  ports:
    - port: ${port}
`;

describe('the editor applying a buffer', () => {
  it('saves the buffer in the learner home and runs kubectl apply on it, with kubectl\'s own output', () => {
    const sim = new Simulation({ seed: 'editor' });
    expect(runOnBuffer(sim, 'apply', 'x.yaml', svc(80))).toEqual({ command: 'kubectl apply -f x.yaml', output: 'service/x created\n', exitCode: 0 });
    expect(runOnBuffer(sim, 'apply', 'x.yaml', svc(80)).output).toBe('service/x unchanged\n');
    const learner = createLearnerSession(sim);
    expect(learner.execute('cat x.yaml').output).toBe(svc(80));
    expect(learner.execute('kubectl get svc x -o name').output).toBe('service/x\n');
  });

  it('reports the API server\'s refusal as kubectl prints it', () => {
    const sim = new Simulation({ seed: 'editor' });
    const r = runOnBuffer(sim, 'apply', 'x.yaml', svc(0));
    expect(r.exitCode).toBe(1);
    // targetPort defaults to the port, so 0 is refused twice, as the real API server does.
    expect(r.output).toBe(
      'The Service "x" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    );
  });

  it('deletes what the buffer defines', () => {
    const sim = new Simulation({ seed: 'editor' });
    runOnBuffer(sim, 'apply', 'x.yaml', svc(80));
    expect(runOnBuffer(sim, 'delete', 'x.yaml', svc(80))).toMatchObject({ output: 'service "x" deleted from default namespace\n', exitCode: 0 });
  });
});

describe('the editor and the home folder', () => {
  it('writes buffers where the terminal reads them, and reads back what the terminal wrote', () => {
    const sim = new Simulation({ seed: 'editor' });
    writeHomeFile(sim, 'a.yaml', 'kind: Pod\n');
    const learner = createLearnerSession(sim);
    expect(learner.execute('cat a.yaml').output).toBe('kind: Pod\n');
    learner.execute("echo 'kind: Service' > b.yaml");
    expect(readHomeFile(sim, 'b.yaml')).toBe('kind: Service\n');
    expect(readHomeFile(sim, 'missing.yaml')).toBeUndefined();
    expect(readHomeFile(sim, '/root')).toBeUndefined();
  });
});

describe('kubectl edit through the editor', () => {
  const edit = (sim: Simulation) => {
    const learner = createLearnerSession(sim);
    learner.execute('kubectl create service clusterip x --tcp=80:80');
    const r = learner.execute('kubectl edit svc x');
    expect(r.running).toBe(true);
    return { learner, path: r.openInEditor!.path };
  };

  it('applies the file when the editor saves it, from its own session', () => {
    const sim = new Simulation({ seed: 'editor' });
    const { learner, path } = edit(sim);
    expect(learner.poll().running).toBe(true);
    writeHomeFile(sim, path, readHomeFile(sim, path)!.replace('internalTrafficPolicy: Cluster', 'internalTrafficPolicy: Local'));
    const done = learner.poll();
    expect(done.output).toBe('service/x edited\n');
    expect(done.running ?? false).toBe(false);
  });

  it('reopens a rejected edit with the errors on top, and waits for the next save', () => {
    const sim = new Simulation({ seed: 'editor' });
    const { learner, path } = edit(sim);
    writeHomeFile(sim, path, readHomeFile(sim, path)!.replace('internalTrafficPolicy: Cluster', 'internalTrafficPolicy: Bogus'));
    expect(learner.poll()).toMatchObject({ output: '', running: true });
    const reopened = readHomeFile(sim, path)!;
    expect(reopened).toContain('# The Service "x" is invalid: spec.internalTrafficPolicy: Unsupported value: "Bogus"');
    // Its own rewrite is not a save: the command still waits.
    expect(learner.poll()).toMatchObject({ output: '', running: true });
    // Quitting without saving (the file written back as it is) ends it as kubectl does.
    writeHomeFile(sim, path, reopened);
    const done = learner.poll();
    expect(done.running ?? false).toBe(false);
    expect(done.output).toContain('error: Edit cancelled, no valid changes were saved.\n');
  });
});
