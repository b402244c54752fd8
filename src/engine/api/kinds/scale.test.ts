import { describe, expect, it } from 'vitest';
import { errorOf, newTestServer } from '../testing/newTestServer';
import type { KubeObject } from '../types';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
};

describe('scale subresource', () => {
  it('reads, patches (as kubectl scale does) and validates the Scale view', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('deployments.apps', 'default', deployment);
    const scale = a.get('deployments.apps/scale', 'default', 'web');
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=web' } });
    const patched = a.patch('deployments.apps/scale', 'default', 'web', 'merge', { spec: { replicas: 5 } });
    expect((patched.spec as { replicas: number }).replicas).toBe(5);
    const d = a.get('deployments.apps', 'default', 'web');
    expect((d.spec as { replicas: number }).replicas).toBe(5);
    expect(d.metadata.generation).toBe(2);
    expect(errorOf(() => a.patch('deployments.apps/scale', 'default', 'web', 'merge', { spec: { replicas: -1 } }))).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});
