import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { kindPrefix, listOf, nameLine, toJson, toYamlOutput } from './output';
import { stringStyle } from './yamlScalar';
import { yamlKeyLess } from './yamlEmitter';
import { webDeployment, webSlice } from './testing/fixtures';
import type { KubeObject } from '../../api/types';

const lastApplied =
  '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"ports":[{"name":"http","port":80,"targetPort":8080}],"selector":{"app":"web"}}}\n';

const svc: KubeObject = {
  kind: 'Service',
  apiVersion: 'v1',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '3f1d2c4b-9a8e-4f6d-b1c2-7e8f9a0b1c2d',
    resourceVersion: '1234',
    creationTimestamp: '2026-01-20T11:59:48Z',
    labels: { app: 'web' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
  },
  spec: {
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
    selector: { app: 'web' },
    clusterIP: '10.96.100.10',
    clusterIPs: ['10.96.100.10'],
    type: 'ClusterIP',
    sessionAffinity: 'None',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    internalTrafficPolicy: 'Cluster',
  },
  status: { loadBalancer: {} },
};

describe('-o yaml', () => {
  it('renders a Service as kubectl does', () => {
    expect(toYamlOutput(svc)).toBe(`apiVersion: v1
kind: Service
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      ${lastApplied.trimEnd()}
  creationTimestamp: "2026-01-20T11:59:48Z"
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "1234"
  uid: 3f1d2c4b-9a8e-4f6d-b1c2-7e8f9a0b1c2d
spec:
  clusterIP: 10.96.100.10
  clusterIPs:
  - 10.96.100.10
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - name: http
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
`);
  });

  it('renders a Pod as kubectl does (nulls, empty maps, nested lists, quoted numbers)', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'jump', namespace: 'dev', creationTimestamp: '2026-01-20T11:00:00Z', resourceVersion: '77', uid: 'a-b' },
      spec: {
        containers: [
          {
            image: 'ubuntu',
            name: 'jump',
            resources: {},
            stdin: true,
            tty: true,
            command: ['sleep', '3600'],
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-x7k2p', readOnly: true }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        terminationGracePeriodSeconds: 5,
        tolerations: [{ effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 }],
      },
      status: {
        conditions: [{ lastProbeTime: null, lastTransitionTime: '2026-01-20T11:00:03Z', status: 'True', type: 'Ready' }],
        phase: 'Running',
        podIP: '10.244.1.12',
      },
    };
    expect(toYamlOutput(pod)).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2026-01-20T11:00:00Z"
  name: jump
  namespace: dev
  resourceVersion: "77"
  uid: a-b
spec:
  containers:
  - command:
    - sleep
    - "3600"
    image: ubuntu
    name: jump
    resources: {}
    stdin: true
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    tty: true
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-x7k2p
      readOnly: true
  dnsPolicy: ClusterFirst
  terminationGracePeriodSeconds: 5
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2026-01-20T11:00:03Z"
    status: "True"
    type: Ready
  phase: Running
  podIP: 10.244.1.12
`);
  });

  it('wraps several objects in a List with resourceVersion ""', () => {
    const out = toYamlOutput(listOf([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }]));
    expect(out).toBe(`apiVersion: v1
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    name: dev
kind: List
metadata:
  resourceVersion: ""
`);
  });

  it.each([
    ['web', 'plain'],
    ['', 'double'],
    ['true', 'double'],
    ['yes', 'double'],
    ['8080', 'double'],
    ['0x1F', 'double'],
    ['1.5', 'double'],
    ['10.96.0.1', 'plain'],
    ['2026-01-20', 'double'],
    ['1:20', 'double'],
    ['null', 'double'],
    ['*', 'single'],
    ['- x', 'single'],
    ['a: b', 'single'],
    ['http:', 'single'],
    ['a #b', 'single'],
    ['{"a":1}', 'single'],
    [' lead', 'single'],
    ['line\n', 'literal'],
    ['trailing \nspace', 'double'],
    ['bell\x07', 'double'],
  ])('string %j is written %s', (s, style) => {
    expect(stringStyle(s)).toBe(style);
  });

  it('folds long plain strings after column 80 like go-yaml', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const out = toYamlOutput({ message: words });
    expect(out).toBe(
      // The break happens at the first space found once the column is past 80.
      'message: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n' +
        '  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n' +
        '  word24 word25 word26 word27 word28 word29\n',
    );
  });

  it('sorts keys like go-yaml: non-letters before letters, digit runs numerically', () => {
    expect(yamlKeyLess('a2', 'a10')).toBe(true);
    expect(yamlKeyLess('app', 'app.kubernetes.io/name')).toBe(true);
    expect(yamlKeyLess('a_b', 'ab')).toBe(true);
  });

  it('round-trips any JSON value (property)', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === 'object' && v !== null);
    fc.assert(
      fc.property(json, (v) => {
        const normalized = JSON.parse(JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? 0 : x)));
        expect(parse(toYamlOutput(normalized))).toEqual(normalized);
      }),
      { numRuns: 300 },
    );
  });
});

describe('-o json', () => {
  it('indents with four spaces, sorts keys and escapes HTML like encoding/json', () => {
    const obj: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { page: '<b>&</b>' }, binaryData: {} };
    expect(toJson(obj)).toBe(`{
    "apiVersion": "v1",
    "binaryData": {},
    "data": {
        "page": "\\u003cb\\u003e\\u0026\\u003c/b\\u003e"
    },
    "kind": "ConfigMap",
    "metadata": {
        "name": "c"
    }
}
`);
  });

  it('prints lists and empty arrays', () => {
    expect(toJson(listOf([]))).toBe(`{
    "apiVersion": "v1",
    "items": [],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`);
  });
});

describe('-o name and success lines', () => {
  it.each([
    [svc, undefined, 'service/web\n'],
    [webDeployment, undefined, 'deployment.apps/web\n'],
    [webSlice, undefined, 'endpointslice.discovery.k8s.io/web-7xk2p\n'],
    [svc, 'created', 'service/web created\n'],
    [webDeployment, 'configured', 'deployment.apps/web configured\n'],
  ])('%#', (obj, op, expected) => {
    expect(nameLine(obj, op)).toBe(expected);
  });

  it('kind prefixes for RBAC kinds carry their group', () => {
    expect(kindPrefix('ClusterRoleBinding', 'rbac.authorization.k8s.io')).toBe('clusterrolebinding.rbac.authorization.k8s.io');
  });
});
