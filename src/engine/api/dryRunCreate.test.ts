import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/Simulation';
import type { KubeObject } from './types';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', labels: { app: 'x' } },
  spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
};

describe('a server-side dry-run create', () => {
  it('answers with what BeforeCreate fills (uid, creationTimestamp, generation) but no resourceVersion, and stores nothing', () => {
    const sim = new Simulation({ seed: 'dry-run-create' });
    const admin = sim.api.admin();
    const r = admin.create('deployments.apps', 'default', deployment, { dryRun: true });
    expect(r.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.metadata.creationTimestamp).toBe(new Date(sim.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z'));
    expect(r.metadata.generation).toBe(1);
    expect(r.metadata.resourceVersion).toBeUndefined();
    expect(admin.tryGet('deployments.apps', 'default', 'x')).toBeUndefined();
  });

  it('gives kinds without generation tracking none', () => {
    const sim = new Simulation({ seed: 'dry-run-create' });
    const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    const r = sim.api.admin().create('configmaps', 'default', configMap, { dryRun: true });
    expect(r.metadata.uid).toBeDefined();
    expect(r.metadata.generation).toBeUndefined();
  });
});
