/**
 * Pod and pod-template validation (`ValidatePodSpec`, `validateContainers`,
 * `validateContainerPorts`, `ValidatePodUpdate`) with the real messages.
 */
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { deepEqual, isPlainObject } from '../../store/json';
import type { FieldError } from './fieldErrors';
import { duplicate, forbidden, invalid, notSupported, required } from './fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, PORT_RANGE_ERROR, isPortNumber } from './names';
import { validateObjectMeta } from './objectMeta';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

export function validatePodSpec(spec: PodSpec | undefined, path: string, allowedRestartPolicies = RESTART_POLICIES): FieldError[] {
  const errs: FieldError[] = [];
  const s = spec ?? ({} as PodSpec);
  const volumeNames = new Set<string>();
  (s.volumes ?? []).forEach((v, i) => {
    if (!v.name) errs.push(required(`${path}.volumes[${i}].name`));
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(invalid(`${path}.volumes[${i}].name`, v.name, m));
      if (volumeNames.has(v.name)) errs.push(duplicate(`${path}.volumes[${i}].name`, v.name));
      volumeNames.add(v.name);
    }
  });
  const names = new Set<string>();
  (s.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumeNames)));
  if (!s.containers?.length) errs.push(required(`${path}.containers`));
  else s.containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumeNames)));
  if (s.restartPolicy && !allowedRestartPolicies.includes(s.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, allowedRestartPolicies));
  if (s.dnsPolicy && !DNS_POLICIES.includes(s.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  if (s.hostname) for (const m of isDNS1123Label(s.hostname)) errs.push(invalid(`${path}.hostname`, s.hostname, m));
  if (s.subdomain) for (const m of isDNS1123Label(s.subdomain)) errs.push(invalid(`${path}.subdomain`, s.subdomain, m));
  if (s.serviceAccountName) for (const m of isDNS1123Subdomain(s.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, s.serviceAccountName, m));
  if (s.terminationGracePeriodSeconds !== undefined && s.terminationGracePeriodSeconds < 0)
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, s.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  return errs;
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else {
    for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${path}.name`, c.name, m));
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image || c.image.trim() === '') errs.push(required(`${path}.image`));
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (p.name) {
      for (const m of isValidPortName(p.name)) errs.push(invalid(`${pp}.name`, p.name, m));
      if (portNames.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      portNames.add(p.name);
    }
    if (!p.containerPort) errs.push(required(`${pp}.containerPort`));
    else if (!isPortNumber(p.containerPort)) errs.push(invalid(`${pp}.containerPort`, p.containerPort, PORT_RANGE_ERROR));
    if (p.hostPort !== undefined && p.hostPort !== 0 && !isPortNumber(p.hostPort)) errs.push(invalid(`${pp}.hostPort`, p.hostPort, PORT_RANGE_ERROR));
    if (!p.protocol) errs.push(required(`${pp}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
  });
  (c.volumeMounts ?? []).forEach((m, i) => {
    if (!m.name) errs.push(required(`${path}.volumeMounts[${i}].name`));
    else if (!volumes.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: `${path}.volumeMounts[${i}].name`, value: m.name, detail: '' });
    if (!m.mountPath) errs.push(required(`${path}.volumeMounts[${i}].mountPath`));
  });
  const envNames = c.env ?? [];
  envNames.forEach((e, i) => {
    if (!e.name) errs.push(required(`${path}.env[${i}].name`));
  });
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata ?? {}, true, isDNS1123Subdomain), ...validatePodSpec(pod.spec, 'spec')];
}

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Only images, activeDeadlineSeconds and added tolerations may change on a running Pod. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePod(pod);
  // The spec without the fields an update may change; copies only the levels it blanks out
  // (deepEqual reads undefined members as absent), the rest stays shared.
  const strip = (spec: PodSpec | undefined): unknown => {
    const withoutImages = (cs: unknown): unknown => (Array.isArray(cs) ? cs.map((c: unknown) => (isPlainObject(c) ? { ...c, image: undefined } : c)) : cs);
    const s: Record<string, unknown> = { ...(spec ?? {}), activeDeadlineSeconds: undefined, tolerations: undefined, nodeName: undefined };
    s['containers'] = withoutImages(s['containers']);
    s['initContainers'] = withoutImages(s['initContainers']);
    return s;
  };
  if (pod.spec !== old.spec && !deepEqual(strip(pod.spec), strip(old.spec))) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  const oldTolerations = old.spec?.tolerations ?? [];
  const newTolerations = pod.spec?.tolerations ?? [];
  if (!oldTolerations.every((t) => newTolerations.some((n) => deepEqual(n, t)))) errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  if (old.spec?.nodeName && pod.spec?.nodeName !== old.spec.nodeName) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

