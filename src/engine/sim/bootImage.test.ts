import { describe, expect, it } from 'vitest';
import { createLearnerSession } from '../cluster';
import type { PodObject } from './kinds';
import { Simulation, type SimulationSnapshot } from './Simulation';

const image = Simulation.bootImage();

/** A learner's first minutes: a Deployment behind a Service, reached by name and by DNS. */
const TRANSCRIPT = [
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl expose deployment web --port=80',
  'kubectl rollout status deployment/web',
  'kubectl get pods -o wide',
  'kubectl get endpointslices',
  'kubectl run tmp --image=busybox:1.36 --restart=Never -- sleep 3600',
  'sleep 10',
  'kubectl exec tmp -- nslookup web',
  'kubectl exec tmp -- wget -qO- web',
  'kubectl get events -A',
];

function play(sim: Simulation): string[] {
  const shell = createLearnerSession(sim, { advance: (ms) => sim.advance(ms) });
  return TRANSCRIPT.map((line) => {
    const r = shell.execute(line);
    return `${r.exitCode} ${r.output}`;
  });
}

describe('boot image', () => {
  it('gives the cluster a live boot gives, and it stays the same under a learner', () => {
    const live = new Simulation();
    const fromImage = new Simulation({}, { image });
    expect(fromImage.snapshot()).toEqual(live.snapshot());
    const said = play(fromImage);
    expect(said).toEqual(play(live));
    expect(fromImage.snapshot()).toEqual(live.snapshot());
    // The transcript did something: the check above is not two empty clusters agreeing.
    expect(fromImage.api.admin().list<PodObject>('pods', 'default').items.filter((p) => p.status?.phase === 'Running')).toHaveLength(4);
    expect(said[7]).toMatch(/Name:\s+web\.default\.svc\.cluster\.local/);
  });

  it('is the settled cluster before the move to startTime, in plain JSON', () => {
    expect(JSON.parse(JSON.stringify(image))).toEqual(image);
    expect(image.clock.now).toBeLessThan(image.config.startTime);
    expect(Simulation.bootImage()).toEqual(image);
  });

  it('is read, never changed: clusters started from one image are independent', () => {
    const before = JSON.stringify(image);
    const a = new Simulation({}, { image });
    a.api.admin().delete('services', 'default', 'kubernetes');
    a.advance(30_000);
    const b = new Simulation({}, { image });
    expect(JSON.stringify(image)).toBe(before);
    expect(b.api.admin().tryGet('services', 'default', 'kubernetes')?.metadata.name).toBe('kubernetes');
  });

  it('is ignored for any other config, which boots live', () => {
    const other = new Simulation({ seed: 'elsewhere' }, { image });
    expect(other.snapshot()).toEqual(new Simulation({ seed: 'elsewhere' }).snapshot());
    const older: SimulationSnapshot = { ...image, config: { ...image.config, clusterAgeMs: 1 } };
    expect(new Simulation({}, { image: older }).snapshot()).toEqual(new Simulation().snapshot());
  });
});
