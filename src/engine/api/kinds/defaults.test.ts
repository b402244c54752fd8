import { describe, expect, it } from 'vitest';
import { newTestServer, svc } from '../testing/newTestServer';
import type { KubeObject } from '../types';
import { pullPolicyFor } from './podDefaults';

/** Drops the fields that depend on seed and counter, to compare the defaulted shape. */
function shape(o: KubeObject): KubeObject {
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

describe('defaulting (what kubectl get -o yaml shows)', () => {
  it('Service', () => {
    const { server } = newTestServer();
    const created = server.admin().create('services', 'default', svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
    const spec = created.spec as Record<string, unknown>;
    expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(shape(created)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        clusterIP: spec.clusterIP,
        clusterIPs: [spec.clusterIP],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'web' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('NodePort and LoadBalancer Services', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const np = a.create('services', 'default', svc('np', { type: 'NodePort', ports: [{ port: 80 }] })).spec as Record<string, unknown>;
    expect(np.externalTrafficPolicy).toBe('Cluster');
    expect((np.ports as { nodePort: number }[])[0]!.nodePort).toBeGreaterThan(30085);
    const lb = a.create('services', 'default', svc('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] })).spec as Record<string, unknown>;
    expect(lb.allocateLoadBalancerNodePorts).toBe(true);
    const aff = a.create('services', 'default', svc('aff', { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] })).spec as Record<string, unknown>;
    expect(aff.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const headless = a.create('services', 'default', svc('db', { clusterIP: 'None', ports: [{ port: 5432 }] })).spec as Record<string, unknown>;
    expect(headless.clusterIPs).toEqual(['None']);
    const ext = a.create('services', 'default', svc('ext', { type: 'ExternalName', externalName: 'api.example.com' })).spec as Record<string, unknown>;
    expect(ext.clusterIP).toBeUndefined();
    expect(ext.internalTrafficPolicy).toBeUndefined();
  });

  it('editing type NodePort → ClusterIP drops the nodePorts and frees them', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    const updated = a.update('services', 'default', { ...created, spec: { ...(created.spec as object), type: 'ClusterIP' } });
    const spec = updated.spec as Record<string, unknown>;
    expect((spec.ports as Record<string, unknown>[])[0]!.nodePort).toBeUndefined();
    expect(spec.externalTrafficPolicy).toBeUndefined();
    expect(spec.clusterIP).toBe((created.spec as Record<string, unknown>).clusterIP);
    expect(server.nodePorts.isAllocated(30080)).toBe(false);
  });

  it('replacing a Service without clusterIP keeps the allocated one (kubectl replace/apply)', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { type: 'NodePort', ports: [{ port: 80, name: 'http' }] }));
    const replaced = a.update('services', 'default', { ...svc('web', { type: 'NodePort', ports: [{ port: 80, name: 'http', targetPort: 8080 }] }) });
    expect((replaced.spec as Record<string, unknown>).clusterIP).toBe((created.spec as Record<string, unknown>).clusterIP);
    expect((replaced.spec as { ports: { nodePort: number }[] }).ports[0]!.nodePort).toBe((created.spec as { ports: { nodePort: number }[] }).ports[0]!.nodePort);
  });

  it('Pod: defaults, ServiceAccount token volume, default tolerations, Pending status', () => {
    const { server } = newTestServer();
    const pod = server.admin().create<KubeObject>('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    });
    const spec = pod.spec as Record<string, unknown>;
    const vol = (spec.volumes as { name: string }[])[0]!.name;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(shape(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default', generation: 1 },
      spec: {
        containers: [
          {
            image: 'nginx:1.27',
            imagePullPolicy: 'IfNotPresent',
            name: 'web',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
          { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: vol,
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
                { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
              ],
            },
          },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it('Deployment', () => {
    const { server } = newTestServer();
    const d = server.admin().create<KubeObject>('deployments.apps', 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    expect(shape(d)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, generation: 1 },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 1,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: 'web' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { image: 'nginx', imagePullPolicy: 'Always', name: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
            ],
            dnsPolicy: 'ClusterFirst',
            enableServiceLinks: true,
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {},
    });
  });

  it('Namespace: name label, kubernetes finalizer, Active', () => {
    const { server } = newTestServer();
    const ns = server.admin().create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(shape(ns)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io:5000/pause', 'Always'],
    ['registry.k8s.io:5000/pause:3.10', 'IfNotPresent'],
    ['busybox@sha256:abc', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    expect(pullPolicyFor(image)).toBe(policy);
  });
});
