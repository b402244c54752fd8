/**
 * Services: defaulting, validation and the ClusterIP/NodePort allocation the service registry
 * performs (REFERENCE §4.1–4.4).
 */
import type { Service } from 'kubernetes-types/core/v1';
import { AllocationError } from '../allocators/ClusterIpAllocator';
import { invalidError } from '../errors';
import type { KindStrategy, StrategyContext } from '../strategy';
import type { KubeObject } from '../types';
import type { FieldError } from '../validation/fieldErrors';
import { invalid } from '../validation/fieldErrors';
import { isDNS1035Label } from '../validation/names';
import { validateService, validateServiceUpdate } from '../validation/service';
import { carryOverAllocatedValues, defaultService, needsClusterIP, needsNodePort } from './serviceDefaults';

const asSvc = (o: KubeObject): Service => o as unknown as Service;

export const serviceStrategy: KindStrategy = {
  validateName: isDNS1035Label,
  hasStatus: true,
  tracksGeneration: false,
  initialStatus: () => ({ loadBalancer: {} }),
  prepareForCreate: (obj) => defaultService(asSvc(obj)),
  prepareForUpdate: (obj, old) => {
    carryOverAllocatedValues(asSvc(obj), asSvc(old));
    defaultService(asSvc(obj));
  },
  validate: (obj) => validateService(asSvc(obj)),
  validateUpdate: (obj, old) => validateServiceUpdate(asSvc(obj), asSvc(old)),
  allocate: allocateService,
  release: (obj, ctx) => releaseService(asSvc(obj), ctx),
};

function allocateService(obj: KubeObject, oldObj: KubeObject | undefined, ctx: StrategyContext): () => void {
  const svc = asSvc(obj);
  const old = oldObj ? asSvc(oldObj) : undefined;
  const spec = svc.spec!;
  const undo: (() => void)[] = [];

  // ClusterIP: only on create or when moving from ExternalName to a type that needs one.
  const hadIP = !!old && needsClusterIP(old) && !!old.spec?.clusterIPs?.length;
  if (needsClusterIP(svc) && !hadIP) {
    const requested = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '';
    if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
    } else {
      try {
        let ip: string;
        if (requested) {
          ctx.clusterIPs.allocate(requested);
          ip = requested;
        } else ip = ctx.clusterIPs.allocateNext();
        undo.push(() => ctx.clusterIPs.release(ip));
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      } catch (e) {
        if (e instanceof AllocationError) failAllocation(undo, svc, invalid('spec.clusterIPs', spec.clusterIPs ?? [requested], e.message));
        throw e;
      }
    }
  }
  if (needsClusterIP(svc)) {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }

  // NodePorts: keep the ones this Service already holds, reserve new ones.
  const held: ReadonlySet<number> = old && needsNodePort(old) ? new Set((old.spec?.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0)) : NONE_HELD;
  const wantNodePorts = needsNodePort(svc) && (spec.type !== 'LoadBalancer' || spec.allocateLoadBalancerNodePorts !== false);
  if (needsNodePort(svc)) {
    const reservedNow = new Set<number>();
    (spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort) {
        if (held.has(p.nodePort) || reservedNow.has(p.nodePort)) return;
        try {
          ctx.nodePorts.allocate(p.nodePort);
        } catch (e) {
          if (e instanceof AllocationError) failAllocation(undo, svc, invalid(`spec.ports[${i}].nodePort`, p.nodePort, e.message));
          throw e;
        }
        const np = p.nodePort;
        reservedNow.add(np);
        undo.push(() => ctx.nodePorts.release(np));
      } else if (wantNodePorts) {
        const np = ctx.nodePorts.allocateNext();
        p.nodePort = np;
        reservedNow.add(np);
        undo.push(() => ctx.nodePorts.release(np));
      }
    });
    if (spec.externalTrafficPolicy === 'Local' && spec.type === 'LoadBalancer' && !spec.healthCheckNodePort) {
      const hc = ctx.nodePorts.allocateNext();
      spec.healthCheckNodePort = hc;
      undo.push(() => ctx.nodePorts.release(hc));
    }
  }

  // Whatever the old object held and the new one no longer uses is released on success.
  if (old) {
    const stillUsed = new Set([...(needsNodePort(svc) ? (spec.ports ?? []).map((p) => p.nodePort ?? 0) : []), spec.healthCheckNodePort ?? 0]);
    for (const np of [...held, old.spec?.healthCheckNodePort ?? 0]) if (np && !stillUsed.has(np)) ctx.nodePorts.release(np);
    if (needsClusterIP(old) && !needsClusterIP(svc)) for (const ip of old.spec?.clusterIPs ?? []) if (ip !== 'None') ctx.clusterIPs.release(ip);
  }
  return () => rollback(undo);
}

const NONE_HELD: ReadonlySet<number> = new Set();

/** Gives back what an allocation took so far, newest first. */
function rollback(undo: (() => void)[]): void {
  for (const u of undo.reverse()) u();
}

function failAllocation(undo: (() => void)[], svc: Service, err: FieldError): never {
  rollback(undo);
  throw invalidError('Service', '', svc.metadata?.name ?? '', [err]);
}

function releaseService(svc: Service, ctx: StrategyContext): void {
  for (const ip of svc.spec?.clusterIPs ?? []) if (ip !== 'None') ctx.clusterIPs.release(ip);
  for (const p of svc.spec?.ports ?? []) if (p.nodePort) ctx.nodePorts.release(p.nodePort);
  if (svc.spec?.healthCheckNodePort) ctx.nodePorts.release(svc.spec.healthCheckNodePort);
}
