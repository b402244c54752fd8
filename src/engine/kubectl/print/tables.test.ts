import { describe, expect, it } from 'vitest';
import { buildTable, columnsFor } from './tables';
import { printTable } from './tablePrinter';
import { ago, DAY, NOW, webDeployment } from './testing/fixtures';
import type { KubeObject } from '../../api/types';

const get = (kind: string, objs: KubeObject[], opts = {}) => printTable(buildTable(kind, objs, NOW), opts);

const node = (name: string, ip: string, roles: Record<string, string>, ready = 'True', unschedulable = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, creationTimestamp: ago(5 * DAY), labels: { 'kubernetes.io/hostname': name, ...roles } },
  spec: { unschedulable },
  status: {
    conditions: [{ type: 'Ready', status: ready }],
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: name },
    ],
    nodeInfo: { kubeletVersion: 'v1.34.0', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '6.8.0-1021-azure', containerRuntimeVersion: 'containerd://1.7.27' },
  },
});

describe('every kind has its printers.go column set', () => {
  it.each([
    ['Pod', 'NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES'],
    ['Service', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR'],
    ['Endpoints', 'NAME ENDPOINTS AGE | '],
    ['EndpointSlice', 'NAME ADDRESSTYPE PORTS ENDPOINTS AGE | '],
    ['Deployment', 'NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR'],
    ['ReplicaSet', 'NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR'],
    ['DaemonSet', 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR'],
    ['Namespace', 'NAME STATUS AGE | '],
    ['Node', 'NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME'],
    ['ConfigMap', 'NAME DATA AGE | '],
    ['ServiceAccount', 'NAME SECRETS AGE | '],
    ['Event', 'LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME'],
    ['Role', 'NAME CREATED AT | '],
    ['ClusterRole', 'NAME CREATED AT | '],
    ['RoleBinding', 'NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS'],
    ['ClusterRoleBinding', 'NAME ROLE AGE | USERS GROUPS SERVICEACCOUNTS'],
  ])('%s', (kind, expected) => {
    const cols = columnsFor(kind);
    const normal = cols.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase());
    const wide = cols.filter((c) => c.priority === 1).map((c) => c.name.toUpperCase());
    expect(`${normal.join(' ')} | ${wide.join(' ')}`).toBe(expected);
  });
});

describe('tables of the remaining kinds', () => {
  it('nodes, plain and wide, with roles, NotReady and cordoned nodes', () => {
    const nodes = [
      node('controlplane', '172.18.0.2', { 'node-role.kubernetes.io/control-plane': '' }),
      node('node01', '172.18.0.3', {}, 'False'),
      node('node02', '172.18.0.4', {}, 'True', true),
    ];
    expect(get('Node', nodes)).toBe(`NAME           STATUS                     ROLES           AGE   VERSION
controlplane   Ready                      control-plane   5d    v1.34.0
node01         NotReady                   <none>          5d    v1.34.0
node02         Ready,SchedulingDisabled   <none>          5d    v1.34.0
`);
    expect(get('Node', nodes.slice(0, 1), { wide: true })).toBe(`NAME           STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME
controlplane   Ready    control-plane   5d    v1.34.0   172.18.0.2    <none>        Ubuntu 22.04.5 LTS   6.8.0-1021-azure   containerd://1.7.27
`);
  });

  it('replicasets and daemonsets, wide', () => {
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-5d78c9b8f6', namespace: 'default', creationTimestamp: ago(30) },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d78c9b8f6' } }, template: (webDeployment.spec as { template: unknown }).template },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(get('ReplicaSet', [rs], { wide: true })).toBe(`NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR
web-5d78c9b8f6   2         2         1       30s   nginx        nginx    app=web,pod-template-hash=5d78c9b8f6
`);
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', creationTimestamp: ago(5 * DAY) },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 },
    };
    expect(get('DaemonSet', [ds])).toBe(`NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   5d
`);
  });

  it('deployments -o wide show the selector string', () => {
    expect(get('Deployment', [webDeployment], { wide: true })).toBe(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
web    2/2     2            2           30s   nginx        nginx    app=web
`);
  });

  it('configmaps and serviceaccounts count their entries', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', creationTimestamp: ago(5 * DAY) }, data: { 'ca.crt': 'x' } };
    expect(get('ConfigMap', [cm])).toBe(`NAME               DATA   AGE
kube-root-ca.crt   1      5d
`);
    const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', creationTimestamp: ago(5 * DAY) } };
    expect(get('ServiceAccount', [sa])).toBe(`NAME      SECRETS   AGE
default   0         5d
`);
  });

  it('events, wide, with repeated counts', () => {
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-x.181a', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-x', fieldPath: 'spec.containers{nginx}' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container nginx in pod web-x_default(uid)',
      source: { component: 'kubelet', host: 'node01' },
      firstTimestamp: ago(300),
      lastTimestamp: ago(20),
      count: 7,
    };
    expect(get('Event', [ev], { wide: true })).toBe(`LAST SEEN   TYPE      REASON    OBJECT      SUBOBJECT                SOURCE            MESSAGE                                                                FIRST SEEN   COUNT   NAME
20s         Warning   BackOff   pod/web-x   spec.containers{nginx}   kubelet, node01   Back-off restarting failed container nginx in pod web-x_default(uid)   5m           7       web-x.181a
`);
  });

  it('roles print CREATED AT; bindings print kind/name and subjects', () => {
    const role: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader', namespace: 'default', creationTimestamp: '2026-01-15T09:00:00Z' } };
    expect(get('Role', [role])).toBe(`NAME         CREATED AT
pod-reader   2026-01-15T09:00:00Z
`);
    const rb: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'read-pods', namespace: 'default', creationTimestamp: ago(10) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      subjects: [
        { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'dev' },
        { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
      ],
    };
    expect(get('RoleBinding', [rb], { wide: true })).toBe(`NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS
read-pods   Role/pod-reader   10s   jane    devs     dev:default
`);
    const crb: KubeObject = { ...rb, kind: 'ClusterRoleBinding', metadata: { name: 'kubeadm:cluster-admins', creationTimestamp: ago(5 * DAY) }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' } };
    expect(get('ClusterRoleBinding', [crb])).toBe(`NAME                     ROLE                        AGE
kubeadm:cluster-admins   ClusterRole/cluster-admin   5d
`);
  });
});
