import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { podStatusCells } from '../kubectl/print';
import type { EndpointSliceRecord, NodeRecord, PodRecord, ServiceRecord, ViewRecord } from './types';

export type ViewKind = ViewRecord['kind'];

export function viewKey(kind: ViewKind, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The record the UI sees for an API object; `now` feeds STATUS reasons that depend on time. */
export function project(kind: ViewKind, obj: KubeObject, now: number): ViewRecord {
  switch (kind) {
    case 'node':
      return projectNode(obj as Node & KubeObject);
    case 'pod':
      return projectPod(obj as Pod & KubeObject, now);
    case 'service':
      return projectService(obj as Service & KubeObject);
    case 'endpointslice':
      return projectSlice(obj as EndpointSlice & KubeObject);
  }
}

function projectNode(n: Node & KubeObject): NodeRecord {
  const labels = n.metadata.labels ?? {};
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return {
    kind: 'node',
    key: viewKey('node', undefined, n.metadata.name!),
    name: n.metadata.name!,
    internalIP: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    podCIDR: n.spec?.podCIDR ?? '',
    role: 'node-role.kubernetes.io/control-plane' in labels ? 'control-plane' : 'worker',
    ready,
  };
}

function projectPod(p: Pod & KubeObject, now: number): PodRecord {
  const owner = p.metadata.ownerReferences?.find((o) => o.controller) ?? p.metadata.ownerReferences?.[0];
  const cells = podStatusCells(p, now);
  return {
    kind: 'pod',
    key: viewKey('pod', p.metadata.namespace, p.metadata.name!),
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name!,
    ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}),
    ...(p.status?.podIP ? { ip: p.status.podIP } : {}),
    status: cells.status,
    ready: p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True',
    labels: { ...(p.metadata.labels ?? {}) },
    ...(owner ? { owner: `${owner.kind}/${owner.name}` } : {}),
    hostNetwork: p.spec?.hostNetwork === true,
  };
}

function projectService(s: Service & KubeObject): ServiceRecord {
  const spec = s.spec ?? {};
  const ports = (spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`));
  return {
    kind: 'service',
    key: viewKey('service', s.metadata.namespace, s.metadata.name!),
    namespace: s.metadata.namespace ?? 'default',
    name: s.metadata.name!,
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.type === 'ExternalName' ? '<none>' : (spec.clusterIP ?? ''),
    ports: ports.length ? ports.join(',') : '<none>',
    selector: { ...(spec.selector ?? {}) },
    ...(spec.externalName ? { externalName: spec.externalName } : {}),
  };
}

function projectSlice(es: EndpointSlice & KubeObject): EndpointSliceRecord {
  const service = es.metadata.labels?.['kubernetes.io/service-name'];
  return {
    kind: 'endpointslice',
    key: viewKey('endpointslice', es.metadata.namespace, es.metadata.name!),
    namespace: es.metadata.namespace ?? 'default',
    name: es.metadata.name!,
    ...(service ? { service: `${es.metadata.namespace}/${service}` } : {}),
    ports: (es.ports ?? []).map((p) => `${p.port ?? '*'}/${p.protocol ?? 'TCP'}`),
    endpoints: (es.endpoints ?? []).flatMap((e) =>
      e.addresses.map((ip) => ({
        ip,
        // The API leaves conditions unset to mean "ready" (EndpointSlice v1 semantics).
        ready: e.conditions?.ready !== false,
        serving: e.conditions?.serving !== false,
        terminating: e.conditions?.terminating === true,
        ...(e.nodeName ? { node: e.nodeName } : {}),
        ...(e.targetRef?.kind === 'Pod' ? { pod: `${e.targetRef.namespace ?? es.metadata.namespace}/${e.targetRef.name}` } : {}),
      })),
    ),
  };
}
