import type { NodeCondition } from 'kubernetes-types/core/v1';
import type { NodeObject } from '../sim/kinds';
import { rfc3339 } from '../sim/events';

/** Versions the simulated nodes report (Kubernetes 1.34 on Ubuntu 24.04 with containerd 2.1). */
export const KUBELET_VERSION = 'v1.34.1';
export const NODE_INFO = {
  architecture: 'amd64',
  containerRuntimeVersion: 'containerd://2.1.4',
  kernelVersion: '6.8.0-90-generic',
  kubeProxyVersion: '',
  kubeletVersion: KUBELET_VERSION,
  operatingSystem: 'linux',
  osImage: 'Ubuntu 24.04.3 LTS',
};

export interface NodeSpecInput {
  name: string;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
}

/** Stable machine/system ids derived from the node name (kubelet reads them from the host). */
function fakeId(name: string, salt: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${salt}:${name}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

/** The four conditions kubelet reports; Ready carries the kubelet's own message. */
export function nodeConditions(now: number, ready: boolean, prev?: NodeCondition[]): NodeCondition[] {
  const c = (type: string, status: string, reason: string, message: string): NodeCondition => {
    const old = prev?.find((x) => x.type === type);
    return { lastHeartbeatTime: rfc3339(now), lastTransitionTime: old && old.status === status ? old.lastTransitionTime! : rfc3339(now), message, reason, status, type };
  };
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready ? c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status') : c('Ready', 'False', 'KubeletNotReady', 'container runtime status check may not have completed yet'),
  ];
}

/** CPUs of every simulated node (capacity, and what a process on the node counts). */
export const NODE_CPUS = 2;

/** The Node object a kubeadm-joined kubelet registers: labels, taints, capacity, addresses, info. */
export function nodeObject(n: NodeSpecInput, now: number): NodeObject {
  const capacity = { cpu: String(NODE_CPUS), 'ephemeral-storage': '81106868Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005276Ki', pods: '110' };
  const allocatable = { ...capacity, 'ephemeral-storage': '74747241785', memory: '3902876Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...(n.controlPlane ? { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock' } : {}),
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: n.internalIP, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable,
      capacity,
      conditions: nodeConditions(now, true),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { ...NODE_INFO, bootID: fakeId(n.name, 'boot'), machineID: fakeId(n.name, 'machine'), systemUUID: fakeId(n.name, 'uuid') },
    },
  };
}
