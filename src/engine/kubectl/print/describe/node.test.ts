import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describeNode } from './node';
import { formatQuantity, parseQuantity } from './quantity';
import { ago, DAY, NOW } from '../testing/fixtures';

const node: Node = {
  metadata: {
    name: 'node01',
    creationTimestamp: '2026-01-15T09:00:00Z',
    labels: { 'kubernetes.io/hostname': 'node01', 'kubernetes.io/os': 'linux' },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
  status: {
    conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-20T11:58:00Z', lastTransitionTime: '2026-01-15T09:01:00Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'node01' },
    ],
    capacity: { cpu: '2', memory: '4025424Ki', pods: '110' },
    allocatable: { cpu: '2', memory: '4025424Ki', pods: '110' },
    nodeInfo: {
      machineID: 'm',
      systemUUID: 's',
      bootID: 'b',
      kernelVersion: '6.8.0',
      osImage: 'Ubuntu 22.04.5 LTS',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://1.7.27',
      kubeletVersion: 'v1.34.0',
      kubeProxyVersion: '',
    },
  },
};

const coredns: Pod = {
  metadata: { name: 'coredns-7c65d6cfc9-abcde', namespace: 'kube-system', creationTimestamp: ago(5 * DAY) },
  spec: { containers: [{ name: 'coredns', resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } } }] },
};

describe('kubectl describe node', () => {
  it('prints the sections in describe.go order with requests as fractions of allocatable', () => {
    expect(describeNode(node, [coredns], { spec: { holderIdentity: 'node01', renewTime: '2026-01-20T11:59:55.000000Z' } }, [], NOW)).toBe(`Name:               node01
Roles:              <none>
Labels:             kubernetes.io/hostname=node01
                    kubernetes.io/os=linux
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Thu, 15 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node01
  AcquireTime:     <unset>
  RenewTime:       Tue, 20 Jan 2026 11:59:55 +0000
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
  Ready   True    Tue, 20 Jan 2026 11:58:00 +0000   Thu, 15 Jan 2026 09:01:00 +0000   KubeletReady   kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    node01
Capacity:
  cpu:     2
  memory:  4025424Ki
  pods:    110
Allocatable:
  cpu:     2
  memory:  4025424Ki
  pods:    110
System Info:
  Machine ID:                 m
  System UUID:                s
  Boot ID:                    b
  Kernel Version:             6.8.0
  OS Image:                   Ubuntu 22.04.5 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.27
  Kubelet Version:            v1.34.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (1 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  kube-system                 coredns-7c65d6cfc9-abcde    100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     5d
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (5%)  0 (0%)
  memory             70Mi (1%)  170Mi (4%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`);
  });

  it('tainted control plane, and pods hidden without permission', () => {
    const cp: Node = { ...node, metadata: { ...node.metadata, name: 'controlplane', labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } };
    const out = describeNode(cp, undefined, undefined, undefined, NOW);
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(out).toContain('  HolderIdentity:  <unset>\n');
    expect(out.endsWith('Pods:                         not authorized\n')).toBe(true);
  });

  it.each([
    ['100m', '100m'],
    ['2', '2'],
    ['0.5', '500m'],
    ['1000', '1k'],
    ['70Mi', '70Mi'],
    ['1024Mi', '1Gi'],
    ['4025424Ki', '4025424Ki'],
    ['0', '0'],
  ])('quantity %s prints as %s', (input, expected) => {
    expect(formatQuantity(parseQuantity(input))).toBe(expected);
  });
});
