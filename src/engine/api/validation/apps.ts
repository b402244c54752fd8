/**
 * Deployment, ReplicaSet and DaemonSet validation (`pkg/apis/apps/validation`), messages as
 * the real server prints them; composite values are JSON, as in Kubernetes 1.34.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { labelSelectorAsSelector, matchesSelector, SelectorParseError } from '../../store/labelSelector';
import type { KubeObject } from '../types';
import type { FieldError } from './fieldErrors';
import { invalid, notSupported, required } from './fieldErrors';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';
import { validateLabels, validateObjectMeta } from './objectMeta';
import { validatePodSpec } from './pod';

interface WorkloadSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  strategy?: { type?: string };
  updateStrategy?: { type?: string };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

/** A LabelSelector as Go's encoding/json writes it: matchLabels (sorted keys) then matchExpressions. */
export function selectorJson(sel: LabelSelector | undefined): unknown {
  if (!sel) return null;
  const out: Record<string, unknown> = {};
  if (sel.matchLabels) out.matchLabels = Object.fromEntries(Object.keys(sel.matchLabels).sort().map((k) => [k, sel.matchLabels![k]]));
  if (sel.matchExpressions) out.matchExpressions = sel.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values ? { values: e.values } : {}) }));
  return out;
}

export function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    for (const m of isQualifiedName(e.key ?? '')) errs.push(invalid(`${p}.key`, e.key ?? '', m));
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(invalid(`${p}.values`, values, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalid(`${p}.operator`, e.operator, 'not a valid selector operator'));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return errs;
}

function validateWorkload(obj: KubeObject, kind: 'Deployment' | 'ReplicaSet' | 'DaemonSet'): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, isDNS1123Subdomain);
  const spec = (obj.spec ?? {}) as WorkloadSpec;
  if (kind !== 'DaemonSet' && spec.replicas !== undefined && spec.replicas < 0) errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  if (!spec.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    const empty = !Object.keys(spec.selector.matchLabels ?? {}).length && !(spec.selector.matchExpressions ?? []).length;
    if (empty) errs.push(invalid('spec.selector', selectorJson(spec.selector), `empty selector is invalid for ${kind.toLowerCase()}`));
  }
  const tmpl = spec.template;
  if (!tmpl) errs.push(required('spec.template'));
  else {
    const labels = tmpl.metadata?.labels ?? {};
    errs.push(...validateLabels(tmpl.metadata?.labels, 'spec.template.metadata.labels'));
    if (spec.selector) {
      let matches = false;
      try {
        matches = matchesSelector(labelSelectorAsSelector(spec.selector), labels);
      } catch (e) {
        if (!(e instanceof SelectorParseError)) throw e;
      }
      const empty = !Object.keys(spec.selector.matchLabels ?? {}).length && !(spec.selector.matchExpressions ?? []).length;
      if (!empty && !matches) errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodSpec(tmpl.spec, 'spec.template.spec', ['Always']));
  }
  if (kind === 'Deployment' && spec.strategy?.type && !['Recreate', 'RollingUpdate'].includes(spec.strategy.type))
    errs.push(notSupported('spec.strategy.type', spec.strategy.type, ['Recreate', 'RollingUpdate']));
  if (kind === 'DaemonSet' && spec.updateStrategy?.type && !['OnDelete', 'RollingUpdate'].includes(spec.updateStrategy.type))
    errs.push(notSupported('spec.updateStrategy.type', spec.updateStrategy.type, ['OnDelete', 'RollingUpdate']));
  if (spec.minReadySeconds !== undefined && spec.minReadySeconds < 0) errs.push(invalid('spec.minReadySeconds', spec.minReadySeconds, 'must be greater than or equal to 0'));
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0)
    errs.push(invalid('spec.revisionHistoryLimit', spec.revisionHistoryLimit, 'must be greater than or equal to 0'));
  return errs;
}

export const validateDeployment = (o: KubeObject): FieldError[] => validateWorkload(o, 'Deployment');
export const validateReplicaSet = (o: KubeObject): FieldError[] => validateWorkload(o, 'ReplicaSet');
export const validateDaemonSet = (o: KubeObject): FieldError[] => validateWorkload(o, 'DaemonSet');

/** The selector of every apps/v1 workload is immutable. */
export function validateSelectorImmutable(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = (obj.spec as WorkloadSpec | undefined)?.selector;
  const b = (old.spec as WorkloadSpec | undefined)?.selector;
  return JSON.stringify(selectorJson(a)) === JSON.stringify(selectorJson(b)) ? [] : [invalid('spec.selector', selectorJson(a), 'field is immutable')];
}
