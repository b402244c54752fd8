import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Endpoints, Event, Namespace, Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeConfigMap, describeNamespace } from './cluster';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describePod, podQOS } from './pod';
import { describeDeployment, describeReplicaSet } from './workloads';
import { ago, NOW, webDeployment, webEndpoints, webSlice } from '../testing/fixtures';

const scaled: Event = {
  metadata: { name: 'web.1' },
  involvedObject: { kind: 'Deployment', name: 'web' },
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set web-5d78c9b8f6 from 0 to 2',
  source: { component: 'deployment-controller' },
  firstTimestamp: ago(30),
  lastTimestamp: ago(30),
  count: 1,
};

describe('kubectl describe deployment (layout of a real 1.3x capture)', () => {
  it('prints the pod template, conditions and replica sets', () => {
    const d = {
      ...webDeployment,
      spec: { ...(webDeployment.spec as object), strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, minReadySeconds: 0 },
      status: {
        ...(webDeployment.status as object),
        replicas: 2,
        unavailableReplicas: 0,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
        ],
      },
    } as unknown as Deployment;
    const rs = { metadata: { name: 'web-5d78c9b8f6' }, spec: { replicas: 2, selector: {} }, status: { replicas: 2 } } as ReplicaSet;
    expect(describeDeployment(d, [], rs, [scaled], NOW)).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Tue, 20 Jan 2026 11:59:30 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx
    Port:          8080/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-5d78c9b8f6 (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-5d78c9b8f6 from 0 to 2
`);
  });

  it('describe replicaset shows Controlled By and pod counts', () => {
    const rs = {
      metadata: { name: 'web-5d78c9b8f6', namespace: 'default', labels: { app: 'web', 'pod-template-hash': '5d78c9b8f6' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true }] },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d78c9b8f6' } }, template: (webDeployment.spec as { template: object }).template },
      status: { replicas: 2 },
    } as unknown as ReplicaSet;
    const out = describeReplicaSet(rs, { running: 2, waiting: 0, succeeded: 0, failed: 0 }, [], NOW);
    expect(out).toContain(`Name:           web-5d78c9b8f6
Namespace:      default
Selector:       app=web,pod-template-hash=5d78c9b8f6
Labels:         app=web
                pod-template-hash=5d78c9b8f6
Annotations:    <none>
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
`);
    expect(out.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true);
  });
});

describe('kubectl describe pod', () => {
  const pending: Pod = {
    metadata: { name: 'nginx', namespace: 'default' },
    spec: {
      priority: 0,
      serviceAccountName: 'default',
      containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'kube-api-access-7mtts', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
      volumes: [
        {
          name: 'kube-api-access-7mtts',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };

  it('an unscheduled pod (layout of a real capture)', () => {
    expect(describePod(pending, [], NOW)).toBe(`Name:             nginx
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           <none>
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  nginx:
    Image:        nginx
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7mtts (ro)
Volumes:
  kube-api-access-7mtts:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:                      <none>
`);
  });

  it('a running pod: container state, probes, env from the pod, conditions with trailing blanks', () => {
    const running: Pod = {
      ...pending,
      metadata: { ...pending.metadata, labels: { run: 'nginx' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d78c9b8f6', uid: 'u', controller: true }] },
      spec: {
        ...pending.spec!,
        nodeName: 'node01',
        containers: [
          {
            ...pending.spec!.containers[0]!,
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            env: [{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }],
          },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '172.18.0.3',
        podIP: '10.244.1.5',
        podIPs: [{ ip: '10.244.1.5' }],
        startTime: '2026-01-20T11:59:30Z',
        qosClass: 'BestEffort',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        containerStatuses: [
          { name: 'nginx', ready: true, restartCount: 0, image: 'nginx', imageID: 'docker.io/library/nginx@sha256:abc', containerID: 'containerd://123', state: { running: { startedAt: '2026-01-20T11:59:35Z' } } },
        ],
      },
    };
    const out = describePod(running, undefined, NOW);
    expect(out).toContain('Node:             node01/172.18.0.3\nStart Time:       Tue, 20 Jan 2026 11:59:30 +0000\n');
    // `  IP:` and `Controlled By:` share a column block, as on a real cluster.
    expect(out).toContain('IP:               10.244.1.5\nIPs:\n  IP:           10.244.1.5\nControlled By:  ReplicaSet/web-5d78c9b8f6\nContainers:\n');
    expect(out).toContain(`    Container ID:   containerd://123
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:abc
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Tue, 20 Jan 2026 11:59:35 +0000
    Ready:          True
    Restart Count:  0
    Readiness:      http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      POD_IP:  10.244.1.5 (v1:status.podIP)
    Mounts:
`);
    expect(out).toContain('Conditions:\n  Type          Status\n  Initialized   True \n  Ready         True \n');
  });

  it('QoS class is computed when the status does not carry it', () => {
    const base = { ...pending, status: { phase: 'Pending' } };
    expect(podQOS(base)).toBe('BestEffort');
    const burst = { ...base, spec: { ...base.spec!, containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] } };
    expect(podQOS(burst)).toBe('Burstable');
    const guaranteed = { ...base, spec: { ...base.spec!, containers: [{ name: 'c', resources: { limits: { cpu: '1', memory: '64Mi' } } }] } };
    expect(podQOS(guaranteed)).toBe('Guaranteed');
  });
});

describe('kubectl describe endpoints / endpointslice / namespace / configmap', () => {
  it('endpoints', () => {
    expect(describeEndpoints(webEndpoints as unknown as Endpoints, [], NOW)).toBe(`Name:         web
Namespace:    default
Labels:       app=web
Annotations:  <none>
Subsets:
  Addresses:          10.244.1.5,10.244.2.7
  NotReadyAddresses:  <none>
  Ports:
    Name  Port  Protocol
    ----  ----  --------
    http  8080  TCP

Events:  <none>
`);
  });

  it('endpointslice', () => {
    expect(describeEndpointSlice(webSlice as unknown as EndpointSlice, undefined, NOW)).toBe(`Name:         web-7xk2p
Namespace:    default
Labels:       app=web
              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name  Port  Protocol
  ----  ----  --------
  http  8080  TCP
Endpoints:
  - Addresses:  10.244.1.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-5d78c9b8f6-2xkqz
    NodeName:   worker1
    Zone:       <unset>
  - Addresses:  10.244.2.7
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-5d78c9b8f6-h7v4n
    NodeName:   worker2
    Zone:       <unset>
`);
  });

  it('namespace (real kubeadm output)', () => {
    const ns: Namespace = { metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } };
    expect(describeNamespace(ns)).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it('configmap: values verbatim, a blank line after each, BinaryData section', () => {
    const cm: ConfigMap = { metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: '.:53 {\n    errors\n}\n' } };
    expect(describeConfigMap(cm, [], NOW)).toBe(`Name:         coredns
Namespace:    kube-system
Labels:       <none>
Annotations:  <none>

Data
====
Corefile:
----
.:53 {
    errors
}


BinaryData
====

Events:  <none>
`);
  });

  it('long and multi-line annotations go on their own indented lines; last-applied is hidden', () => {
    const long = 'x'.repeat(150);
    const cm: ConfigMap = {
      metadata: { name: 'c', namespace: 'd', annotations: { a: 'short', b: long, 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    };
    const out = describeConfigMap(cm, undefined, NOW);
    expect(out).toContain(`Annotations:  a: short\n              b:\n                ${'x'.repeat(138)}...\n`);
    expect(out).not.toContain('last-applied');
  });
});
