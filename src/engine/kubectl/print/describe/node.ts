/** `kubectl describe node` (describe.go `describeNode`, `describeNodeResource`). */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Container, Event, Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { timestampSince } from '../humanDuration';
import { nodeRoles } from '../rows/cluster';
import { annotationsMultiline, describeEvents, labelsMultiline, rfc1123z } from './common';
import { DescribeWriter } from './DescribeWriter';
import { addQuantities, formatQuantity, parseQuantity, percent, type Quantity } from './quantity';

function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** `printNodeTaintsMultiline`: sorted by `effect,key`. */
function taintsMultiline(w: DescribeWriter, taints: Taint[] | undefined): void {
  w.write(0, 'Taints:\t');
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

type ResourceTotals = Map<string, Quantity>;

function add(into: ResourceTotals, list: Record<string, string | number> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) into.set(k, addQuantities(into.get(k) ?? parseQuantity(0), parseQuantity(v)));
}

/** `resourcehelper.PodRequestsAndLimits`: sum of containers, raised to any larger init container. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const c of pod.spec?.containers ?? []) {
    add(requests, c.resources?.requests);
    add(limits, c.resources?.limits);
  }
  const raise = (into: ResourceTotals, c: Container, which: 'requests' | 'limits') => {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
      const q = parseQuantity(v);
      if (q.milli > (into.get(k)?.milli ?? 0n)) into.set(k, q);
    }
  };
  for (const c of pod.spec?.initContainers ?? []) {
    raise(requests, c, 'requests');
    raise(limits, c, 'limits');
  }
  add(requests, pod.spec?.overhead);
  add(limits, pod.spec?.overhead);
  return { requests, limits };
}

const zero = parseQuantity(0);

function describeNodeResource(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const allocOf = (r: string) => parseQuantity(alloc[r]);
  const cell = (q: Quantity | undefined, r: string) => `${formatQuantity(q ?? zero)} (${percent(q ?? zero, allocOf(r))}%)`;
  const totalReq: ResourceTotals = new Map();
  const totalLim: ResourceTotals = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [k, v] of requests) totalReq.set(k, addQuantities(totalReq.get(k) ?? zero, v));
    for (const [k, v] of limits) totalLim.set(k, addQuantities(totalLim.get(k) ?? zero, v));
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(requests.get('cpu'), 'cpu')}\t${cell(limits.get('cpu'), 'cpu')}\t${cell(requests.get('memory'), 'memory')}\t${cell(limits.get('memory'), 'memory')}\t${timestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, `${r}\t${cell(totalReq.get(r), r)}\t${cell(totalLim.get(r), r)}\n`);
  const names = Object.keys(alloc).sort();
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) w.write(1, `${r}\t${cell(totalReq.get(r), r)}\t${cell(totalLim.get(r), r)}\n`);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const r of names.filter((n) => !standard.has(n) && !n.startsWith('hugepages-'))) {
    w.write(1, `${r}\t${formatQuantity(totalReq.get(r) ?? zero)}\t${formatQuantity(totalLim.get(r) ?? zero)}\n`);
  }
}

/**
 * Describes a node. `pods` are the node's non-terminated pods (undefined when the user may not
 * list pods: kubectl then prints `Pods: not authorized`); `lease` is its kube-node-lease Lease.
 */
export function describeNode(node: Node, pods: Pod[] | undefined, lease: Lease | undefined, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata?.name ?? ''}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata?.labels);
  annotationsMultiline(w, 'Annotations', node.metadata?.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
  taintsMultiline(w, node.spec?.taints);
  w.write(0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions!) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const resources = (title: string, list: Record<string, string | number> | undefined) => {
    if (Object.keys(list ?? {}).length === 0) return;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list!).sort()) w.write(0, `  ${k}:\t${formatQuantity(parseQuantity(list![k]))}\n`);
  };
  resources('Capacity', st.capacity);
  resources('Allocatable', st.allocatable);
  const info = st.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  if (pods) describeNodeResource(w, node, pods, now);
  else w.write(0, 'Pods:\tnot authorized\n');
  describeEvents(w, events, now);
  return w.toString();
}
