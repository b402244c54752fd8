/**
 * Service validation (`ValidateService`, `validateServicePort`, `ValidateServiceUpdate` in
 * `pkg/apis/core/validation/validation.go`), with the real messages (REFERENCE §4.4).
 */
import type { Service } from 'kubernetes-types/core/v1';
import ipaddr from 'ipaddr.js';
import type { FieldError } from './fieldErrors';
import { duplicate, forbidden, invalid, notSupported, required } from './fieldErrors';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPortName, PORT_RANGE_ERROR, isPortNumber } from './names';
import { validateLabels, validateObjectMeta } from './objectMeta';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** The Go JSON rendering of an internal `core.ServicePort` used as a Duplicate value. */
function internalServicePortKey(p: { port?: number; protocol?: string; nodePort?: number }): Record<string, unknown> {
  return { Name: '', Protocol: p.protocol ?? '', AppProtocol: null, Port: p.port ?? 0, TargetPort: 0, NodePort: p.nodePort ?? 0 };
}

/** Checks in upstream order (it decides the order of causes in the aggregated message). */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata ?? {}, true, isDNS1035Label);
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';

  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'ExternalName') {
    if (spec.clusterIPs?.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m));
    else errs.push(required('spec.externalName'));
  }

  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${path}.name`));
    else if (p.name) {
      for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${path}.name`, p.name, m));
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!isPortNumber(p.port)) errs.push(invalid(`${path}.port`, p.port ?? 0, PORT_RANGE_ERROR));
    if (!p.protocol) errs.push(required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    const tp = p.targetPort;
    if (typeof tp === 'number') {
      if (!isPortNumber(tp)) errs.push(invalid(`${path}.targetPort`, tp, PORT_RANGE_ERROR));
    } else if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(invalid(`${path}.targetPort`, tp, m));
  });

  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity))
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (spec.sessionAffinity === 'ClientIP' && timeout !== undefined && (timeout <= 0 || timeout > 86400))
    errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!ipaddr.isValid(ip)) errs.push(invalid(`spec.externalIPs[${i}]`, ip, INVALID_IP_MESSAGE));
  });
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP' || type === 'ExternalName')
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${type}'`));
    });

  const seenNodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (seenNodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    seenNodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, internalServicePortKey({ port: p.port, protocol: p.protocol })));
    seen.add(key);
  });

  const external = type === 'NodePort' || type === 'LoadBalancer' || (spec.externalIPs?.length ?? 0) > 0;
  if (spec.externalTrafficPolicy) {
    if (!external) errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy))
      errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  } else if (type === 'NodePort' || type === 'LoadBalancer') errs.push(required('spec.externalTrafficPolicy'));
  if (spec.internalTrafficPolicy && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy))
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));

  // validateServiceClusterIPsRelatedFields comes last upstream.
  if (type !== 'ExternalName') {
    (spec.clusterIPs ?? []).forEach((ip, i) => {
      if (ip === 'None') {
        if (i > 0) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, "may not be set to 'None' for a secondary IP"));
        if (type === 'NodePort' || type === 'LoadBalancer') errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `may not be set to 'None' for ${type} services`));
      } else if (ip !== '' && !ipaddr.isValid(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, INVALID_IP_MESSAGE));
    });
    if (spec.clusterIP && spec.clusterIPs?.length && spec.clusterIP !== spec.clusterIPs[0])
      errs.push(invalid('spec.clusterIPs', spec.clusterIPs, 'element [0] must match clusterIP'));
  }
  return errs;
}

/** Update rules on top of {@link validateService}: the primary ClusterIP may not change. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateService(svc);
  const oldIPs = old.spec?.clusterIPs ?? [];
  const newIPs = svc.spec?.clusterIPs ?? [];
  const toOrFromExternalName = old.spec?.type === 'ExternalName' || svc.spec?.type === 'ExternalName';
  if (!toOrFromExternalName && oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) errs.push(invalid('spec.clusterIPs[0]', newIPs, 'may not change once set'));
  return errs;
}
