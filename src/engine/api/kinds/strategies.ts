/**
 * Which {@link KindStrategy} each resource uses. Kinds without special rules get the generic
 * one: DNS-1123 subdomain names, metadata validation, no status subresource.
 */
import type { ConfigMap, Pod, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultBinding } from '../rbac/bindingDefaults';
import type { KindStrategy } from '../strategy';
import type { KubeObject } from '../types';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateSelectorImmutable } from '../validation/apps';
import type { FieldError } from '../validation/fieldErrors';
import { forbidden, invalid } from '../validation/fieldErrors';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from '../validation/names';
import { validateObjectMeta, type NameValidator } from '../validation/objectMeta';
import { validatePod, validatePodUpdate } from '../validation/pod';
import { addDefaultTolerations, admitServiceAccount, defaultPodOnly, defaultPodSpec } from './podDefaults';
import { serviceStrategy } from './serviceStrategy';

function generic(namespaced: boolean, validateName: NameValidator = isDNS1123Subdomain, extra?: (o: KubeObject) => FieldError[]): KindStrategy {
  return {
    validateName,
    hasStatus: false,
    tracksGeneration: false,
    validate: (o) => [...validateObjectMeta(o.metadata, namespaced, validateName), ...(extra?.(o) ?? [])],
  };
}

/** `GetPodQOS`: BestEffort without any requests/limits, Guaranteed when limits equal requests everywhere. */
export function podQOSClass(spec: PodSpec | undefined): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = { ...l, ...(c.resources?.requests ?? {}) };
    return ['cpu', 'memory'].every((k) => l[k] !== undefined && String(l[k]) === String(r[k]));
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const podStrategy: KindStrategy = {
  validateName: isDNS1123Subdomain,
  hasStatus: true,
  tracksGeneration: true,
  initialStatus: (o) => ({ phase: 'Pending', qosClass: podQOSClass((o as unknown as Pod).spec) }),
  prepareForCreate: (o, ctx) => {
    const spec = ((o as unknown as Pod).spec ??= { containers: [] });
    defaultPodSpec(spec);
    defaultPodOnly(spec);
    admitServiceAccount(spec, ctx.rng);
    addDefaultTolerations(spec);
  },
  prepareForUpdate: (o) => {
    const spec = (o as unknown as Pod).spec;
    if (spec) {
      defaultPodSpec(spec);
      defaultPodOnly(spec);
    }
  },
  validate: (o) => validatePod(o as unknown as Pod),
  validateUpdate: (o, old) => validatePodUpdate(o as unknown as Pod, old as unknown as Pod),
};

function defaultTemplate(o: KubeObject): PodTemplateSpec | undefined {
  const t = (o.spec as { template?: PodTemplateSpec } | undefined)?.template;
  if (t?.spec) defaultPodSpec(t.spec);
  return t;
}

function workload(validate: (o: KubeObject) => FieldError[], defaults: (spec: Record<string, unknown>) => void): KindStrategy {
  const prepare = (o: KubeObject): void => {
    const spec = (o.spec ??= {}) as Record<string, unknown>;
    defaults(spec);
    defaultTemplate(o);
  };
  return {
    validateName: isDNS1123Subdomain,
    hasStatus: true,
    tracksGeneration: true,
    initialStatus: () => ({}),
    prepareForCreate: prepare,
    prepareForUpdate: prepare,
    validate,
    validateUpdate: (o, old) => [...validate(o), ...validateSelectorImmutable(o, old)],
  };
}

const deploymentStrategy = workload(validateDeployment, (spec) => {
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  const strategy = (spec.strategy ??= {}) as Record<string, unknown>;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
    ru.maxSurge ??= '25%';
    ru.maxUnavailable ??= '25%';
  }
});

const replicaSetStrategy = workload(validateReplicaSet, (spec) => {
  spec.replicas ??= 1;
});

const daemonSetStrategy = workload(validateDaemonSet, (spec) => {
  spec.revisionHistoryLimit ??= 10;
  const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>;
    ru.maxSurge ??= 0;
    ru.maxUnavailable ??= 1;
  }
});

const namespaceStrategy: KindStrategy = {
  validateName: isDNS1123Label,
  hasStatus: true,
  tracksGeneration: false,
  initialStatus: () => ({ phase: 'Active' }),
  prepareForCreate: (o) => {
    // The NamespaceLifecycle defaults: a label carrying the name, and the `kubernetes` finalizer.
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name! };
    o.spec = { finalizers: ['kubernetes'] };
  },
  prepareForUpdate: (o, old) => {
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name! };
    // spec.finalizers only changes through the /finalize subresource.
    o.spec = old.spec;
  },
  validate: (o) => validateObjectMeta(o.metadata, false, isDNS1123Label),
};

/** `immutable: true` ConfigMaps refuse data changes and cannot be made mutable again. */
function validateConfigMapUpdate(o: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateObjectMeta(o.metadata, true, isDNS1123Subdomain), ...validateConfigMap(o)];
  const prev = old as unknown as ConfigMap;
  const cur = o as unknown as ConfigMap;
  if (prev.immutable) {
    if (JSON.stringify(cur.data ?? {}) !== JSON.stringify(prev.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(cur.binaryData ?? {}) !== JSON.stringify(prev.binaryData ?? {})) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
    if (!cur.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  }
  return errs;
}

function validateConfigMap(o: KubeObject): FieldError[] {
  const cm = o as unknown as ConfigMap;
  const errs: FieldError[] = [];
  for (const key of Object.keys(cm.data ?? {})) for (const m of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, m));
  for (const key of Object.keys(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(`binaryData[${key}]`, key, m));
    if (cm.data && key in cm.data) errs.push({ type: 'FieldValueDuplicate', field: `data[${key}]`, value: key, detail: 'duplicate of key present in binaryData' });
  }
  return errs;
}

const nodeStrategy: KindStrategy = { ...generic(false), hasStatus: true };

export const STRATEGIES: Record<string, KindStrategy> = {
  pods: podStrategy,
  services: serviceStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  configmaps: { ...generic(true, isDNS1123Subdomain, validateConfigMap), validateUpdate: validateConfigMapUpdate },
  endpoints: generic(true),
  events: generic(true),
  serviceaccounts: generic(true),
  'deployments.apps': deploymentStrategy,
  'replicasets.apps': replicaSetStrategy,
  'daemonsets.apps': daemonSetStrategy,
  'endpointslices.discovery.k8s.io': generic(true),
  'roles.rbac.authorization.k8s.io': generic(true, isValidPathSegmentName),
  'rolebindings.rbac.authorization.k8s.io': { ...generic(true, isValidPathSegmentName), prepareForCreate: defaultBinding, prepareForUpdate: defaultBinding },
  'clusterroles.rbac.authorization.k8s.io': generic(false, isValidPathSegmentName),
  'clusterrolebindings.rbac.authorization.k8s.io': { ...generic(false, isValidPathSegmentName), prepareForCreate: defaultBinding, prepareForUpdate: defaultBinding },
};
