import { describe, expect, it } from 'vitest';
import type { DeploymentObj, EndpointSliceObj, EndpointsObj, EventObj, PodObj, ReplicaSetObj, ServiceObj } from './framework/objects';
import { harness } from './testing/harness';
import { node, service } from './testing/fixtures';

const deployment = (replicas = 2, image = 'nginx'): DeploymentObj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 8080 }] }] } },
  },
});

const messages = (events: EventObj[], reason: string) => events.filter((e) => e.reason === reason).map((e) => e.message);

describe('controllers against an API server', () => {
  it('Deployment → ReplicaSet → Pods → EndpointSlice and Endpoints, with the real events and status', () => {
    const h = harness();
    h.admin.create('nodes', undefined, node('node01'));
    h.admin.create('deployments.apps', 'default', deployment());
    const svc = service('web');
    h.admin.create('services', 'default', { ...svc, metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } } });
    h.settle();

    const [rs] = h.all<ReplicaSetObj>('replicasets.apps');
    expect(rs!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec!.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' });
    const pods = h.all<PodObj>('pods');
    expect(pods.map((p) => p.metadata.name)).toEqual(pods.map(() => expect.stringMatching(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))));
    expect(pods[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs!.metadata.name, uid: rs!.metadata.uid, controller: true, blockOwnerDeletion: true }]);

    const events = h.all<EventObj>('events');
    expect(messages(events, 'ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} from 0 to 2`]);
    expect(messages(events, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    const scaling = events.find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(scaling).toMatchObject({ type: 'Normal', count: 1, source: { component: 'deployment-controller' }, involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' } });
    expect(scaling.metadata.name).toMatch(/^web\.[0-9a-f]+$/);

    // Placeholder slice until pods have IPs.
    let slices = h.all<EndpointSliceObj>('endpointslices.discovery.k8s.io');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toEqual([]);
    expect(h.all<EndpointsObj>('endpoints')[0]!.subsets).toBeUndefined();

    h.advance(5000);
    h.runPods();
    slices = h.all<EndpointSliceObj>('endpointslices.discovery.k8s.io');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints.map((e) => e.targetRef!.name).sort()).toEqual(pods.map((p) => p.metadata.name).sort());
    expect(h.all<EndpointsObj>('endpoints')[0]!.subsets![0]!.addresses).toHaveLength(2);

    const d = h.all<DeploymentObj>('deployments.apps')[0]!;
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect({ ...d.status, conditions: undefined }).toEqual({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, conditions: undefined });
    expect(d.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it('rolls out a new template within maxSurge/maxUnavailable, and rollout undo reuses the old ReplicaSet as revision 3', () => {
    const h = harness();
    h.admin.create('deployments.apps', 'default', deployment(4));
    h.settle();
    h.runPods();
    const d = h.admin.get<DeploymentObj>('deployments.apps', 'default', 'web');
    h.admin.update('deployments.apps', 'default', { ...d, spec: { ...d.spec!, template: deployment(4, 'nginx:1.27').spec!.template } });
    h.settle();
    for (let i = 0; i < 20; i++) {
      const live = h.all<PodObj>('pods').filter((p) => !p.metadata.deletionTimestamp);
      // Never more than replicas + maxSurge (25% of 4 → 1) pods.
      expect(live.length).toBeLessThanOrEqual(5);
      h.runPods();
    }
    const sets = h.all<ReplicaSetObj>('replicasets.apps').sort((a, b) => (a.spec!.template!.spec!.containers[0]!.image === 'nginx' ? -1 : 1) - (b.spec!.template!.spec!.containers[0]!.image === 'nginx' ? -1 : 1));
    expect(sets.map((rs) => [rs.metadata.annotations!['deployment.kubernetes.io/revision'], rs.spec!.replicas])).toEqual([
      ['1', 0],
      ['2', 4],
    ]);
    const scaled = messages(h.all<EventObj>('events'), 'ScalingReplicaSet');
    expect(scaled[1]).toBe(`Scaled up replica set ${sets[1]!.metadata.name} from 0 to 1`);
    expect(scaled).toContain(`Scaled down replica set ${sets[0]!.metadata.name} from 4 to 3`);

    // kubectl rollout undo: the client copies the old template back.
    const cur = h.admin.get<DeploymentObj>('deployments.apps', 'default', 'web');
    h.admin.update('deployments.apps', 'default', { ...cur, spec: { ...cur.spec!, template: deployment(4).spec!.template } });
    for (let i = 0; i < 20; i++) h.runPods();
    const after = h.all<ReplicaSetObj>('replicasets.apps').sort((a, b) => (a.metadata.name === sets[0]!.metadata.name ? -1 : 1) - (b.metadata.name === sets[0]!.metadata.name ? -1 : 1));
    expect(after.map((rs) => [rs.metadata.name, rs.metadata.annotations!['deployment.kubernetes.io/revision'], rs.metadata.annotations!['deployment.kubernetes.io/revision-history'], rs.spec!.replicas])).toEqual([
      [sets[0]!.metadata.name, '3', '1', 4],
      [sets[1]!.metadata.name, '2', undefined, 0],
    ]);
    expect(h.admin.get<DeploymentObj>('deployments.apps', 'default', 'web').metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const h = harness();
    const base = deployment(1);
    h.admin.create('deployments.apps', 'default', { ...base, spec: { ...base.spec!, revisionHistoryLimit: 1 } });
    for (const tag of ['1', '2', '3']) {
      h.runPods();
      const d = h.admin.get<DeploymentObj>('deployments.apps', 'default', 'web');
      h.admin.update('deployments.apps', 'default', { ...d, spec: { ...d.spec!, template: deployment(1, `nginx:${tag}`).spec!.template } });
      for (let i = 0; i < 10; i++) h.runPods();
    }
    expect(h.all<ReplicaSetObj>('replicasets.apps').map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
  });

  it.each(['Background', 'Foreground'] as const)('%s deletion of a Deployment removes its ReplicaSets and pods', (policy) => {
    const h = harness();
    h.admin.create('deployments.apps', 'default', deployment(3));
    h.settle();
    h.delete('deployments.apps', 'default', 'web', { propagationPolicy: policy });
    expect(h.all('deployments.apps')).toEqual([]);
    expect(h.all('replicasets.apps')).toEqual([]);
    expect(h.all('pods')).toEqual([]);
  });

  it('Orphan deletion leaves the ReplicaSet without its owner reference', () => {
    const h = harness();
    h.admin.create('deployments.apps', 'default', deployment(2));
    h.settle();
    h.delete('deployments.apps', 'default', 'web', { propagationPolicy: 'Orphan' });
    expect(h.all('deployments.apps')).toEqual([]);
    const [rs] = h.all<ReplicaSetObj>('replicasets.apps');
    expect(rs!.metadata.ownerReferences).toBeUndefined();
    expect(h.all('pods')).toHaveLength(2);
  });

  it('deleting a Service: its slices go with the GC, its Endpoints with the Endpoints controller', () => {
    const h = harness();
    h.admin.create('services', 'default', service('web'));
    h.settle();
    expect(h.all('endpointslices.discovery.k8s.io')).toHaveLength(1);
    expect(h.all('endpoints')).toHaveLength(1);
    h.admin.delete('services', 'default', 'web');
    h.settle();
    expect(h.all('endpointslices.discovery.k8s.io')).toEqual([]);
    expect(h.all('endpoints')).toEqual([]);
  });

  it('a deleted namespace is emptied, then its kubernetes finalizer is removed', () => {
    const h = harness();
    h.admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    h.admin.create('deployments.apps', 'dev', { ...deployment(2), metadata: { name: 'web', namespace: 'dev' } });
    h.admin.create('services', 'dev', service('web', { namespace: 'dev' }));
    h.settle();
    h.admin.delete('namespaces', undefined, 'dev');
    h.settle();
    expect(h.all<ReplicaSetObj>('namespaces').map((n) => n.metadata.name)).not.toContain('dev');
    for (const r of ['pods', 'services', 'replicasets.apps', 'deployments.apps', 'endpointslices.discovery.k8s.io', 'endpoints']) expect(h.all(r)).toEqual([]);
  });

  it('a silent node goes Unknown after the grace period, is tainted, and its pods are evicted after 300 s', () => {
    const h = harness();
    const n = node('node01');
    n.status!.conditions![0]!.lastHeartbeatTime = '2026-01-15T09:00:00Z';
    const created = h.admin.create('nodes', undefined, n);
    h.admin.updateStatus('nodes', undefined, { ...created, status: n.status });
    const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'jump', namespace: 'default' }, spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'ubuntu' }], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    const cp = h.admin.create('pods', 'default', p);
    h.admin.updateStatus('pods', 'default', { ...cp, status: p.status });
    h.settle();
    h.advance(49_000);
    expect(h.admin.get<PodObj>('nodes', undefined, 'node01').status!.conditions![0]!.status).toBe('True');
    h.advance(2_000);
    const lost = h.admin.get<PodObj>('nodes', undefined, 'node01') as unknown as ReturnType<typeof node>;
    expect(lost.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(lost.spec!.taints!.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(messages(h.all<EventObj>('events'), 'NodeNotReady')).toEqual(['Node node01 status is now: NodeNotReady']);
    expect(h.admin.get<PodObj>('pods', 'default', 'jump').status!.conditions![0]!.status).toBe('False');
    h.advance(298_000); // tainted at 50 s: due at 350 s
    expect(h.all('pods')).toHaveLength(1);
    h.advance(2_000);
    expect(h.all('pods')).toEqual([]);
    expect(messages(h.all<EventObj>('events'), 'TaintManagerEviction')).toEqual(['Marking for deletion Pod default/jump']);
  });

  it('a LoadBalancer Service is <pending> for a few seconds, then gets an ingress IP from the pool', () => {
    const h = harness();
    h.admin.create('services', 'default', service('lb', { type: 'LoadBalancer' }));
    h.settle();
    expect(h.admin.get<ServiceObj>('services', 'default', 'lb').status?.loadBalancer?.ingress).toBeUndefined();
    h.advance(1000);
    expect(h.admin.get<ServiceObj>('services', 'default', 'lb').status?.loadBalancer?.ingress).toBeUndefined();
    h.advance(4000);
    expect(h.admin.get<ServiceObj>('services', 'default', 'lb').status!.loadBalancer!.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(h.all<EventObj>('events').map((e) => e.reason)).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });
});
