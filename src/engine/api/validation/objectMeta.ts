/**
 * `ValidateObjectMeta` and friends (apimachinery `pkg/api/validation/objectmeta.go`): names,
 * labels, annotations, and the immutable metadata checked on update.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { FieldError } from './fieldErrors';
import { forbidden, invalid, required, tooLong } from './fieldErrors';
import { isQualifiedName, isValidLabelValue } from './names';

export type NameValidator = (name: string) => string[];

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of nameFn(meta.name)) errs.push(invalid(`${path}.name`, meta.name, msg));
  if (namespaced && !meta.namespace) errs.push(required(`${path}.namespace`));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  return errs;
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(`${path}[${k}]`, v, msg));
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += k.length + v.length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

const IMMUTABLE_META = ['name', 'namespace', 'uid', 'creationTimestamp'] as const;

/** `ValidateObjectMetaUpdate`: name, namespace, uid and creationTimestamp never change. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of IMMUTABLE_META) if ((meta[field] ?? '') !== (old[field] ?? '')) errs.push(invalid(`${path}.${field}`, meta[field] ?? '', 'field is immutable'));
  if (old.deletionTimestamp && meta.deletionTimestamp !== old.deletionTimestamp) errs.push(invalid(`${path}.deletionTimestamp`, meta.deletionTimestamp ?? null, 'field is immutable; may only be changed via deletion'));
  if (old.deletionTimestamp) {
    const newFinalizers = new Set(meta.finalizers ?? []);
    for (const f of newFinalizers)
      if (!(old.finalizers ?? []).includes(f)) errs.push(forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers []string{"${f}"}`));
  }
  return errs;
}
