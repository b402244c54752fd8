/**
 * Service defaulting (`pkg/apis/core/v1/defaults.go` `SetDefaults_Service` plus the registry's
 * type-dependent field handling), REFERENCE §4.1.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';

export const needsClusterIP = (svc: Service): boolean => (svc.spec?.type ?? 'ClusterIP') !== 'ExternalName';
export const needsNodePort = (svc: Service): boolean => svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer';
export const isHeadless = (svc: Service): boolean => svc.spec?.clusterIP === 'None';

/** Fills defaults in place. */
export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = (spec.sessionAffinityConfig ??= {});
    const clientIP = (cfg.clientIP ??= {});
    clientIP.timeoutSeconds ??= 10800;
  }
  for (const p of spec.ports ?? []) defaultServicePort(p);
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
  const mutable = svc as { status?: { loadBalancer?: object } };
  mutable.status ??= {};
  mutable.status.loadBalancer ??= {};
}

function defaultServicePort(p: ServicePort): void {
  p.protocol ??= 'TCP';
  if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
}

/**
 * On update, fields the client left empty keep their allocated values (`patchAllocatedValues`),
 * and fields that no longer apply after a type change are dropped when the client did not
 * touch them (`dropTypeDependentFields`), so `kubectl edit` of just `type:` works.
 */
export function carryOverAllocatedValues(svc: Service, old: Service): void {
  const spec = (svc.spec ??= {});
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && !spec.clusterIPs?.length) {
      spec.clusterIP = oldSpec.clusterIP;
      spec.clusterIPs = oldSpec.clusterIPs ? [...oldSpec.clusterIPs] : undefined;
    }
    spec.ipFamilies ??= oldSpec.ipFamilies ? [...oldSpec.ipFamilies] : undefined;
    spec.ipFamilyPolicy ??= oldSpec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    const taken = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    for (const p of spec.ports ?? []) {
      const prev = byName.get(p.name ?? '');
      if (!p.nodePort && prev && !taken.has(prev)) p.nodePort = prev;
    }
  }
  if (needsClusterIP(old) && !needsClusterIP(svc) && sameList(spec.clusterIPs, oldSpec.clusterIPs) && (spec.clusterIP ?? '') === (oldSpec.clusterIP ?? '')) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    const oldPorts = (oldSpec.ports ?? []).map((p) => p.nodePort ?? 0);
    const newPorts = (spec.ports ?? []).map((p) => p.nodePort ?? 0);
    if (newPorts.every((np) => np === 0 || oldPorts.includes(np))) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (!needsNodePort(svc) || svc.spec?.externalTrafficPolicy !== 'Local') {
    if (spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer' && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
