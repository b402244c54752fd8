/**
 * Field selectors as apimachinery `pkg/fields` parses them (`a=b`, `a==b`, `a!=b`, comma = AND)
 * and as each registry supports them (`GetAttrs`/`ToSelectableFields` per kind).
 */
import type { KubeObject } from '../api/types';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {}

/** Splits on unescaped commas and operators; throws with the real parse message. */
export function parseFieldSelector(input: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (input.trim() === '') return out;
  for (const part of splitUnescaped(input)) {
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${part}'`);
    out.push({ field: m[1]!, operator: m[2] === '!=' ? '!=' : '=', value: m[3]!.replace(/\\(.)/g, '$1') });
  }
  return out;
}

function splitUnescaped(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
    } else if (c === ',') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

type Extract = (obj: KubeObject) => string;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const at =
  (...path: string[]): Extract =>
  (obj) => {
    let v: unknown = obj;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return str(v);
  };

const objectMetaFields = (namespaced: boolean): Record<string, Extract> =>
  namespaced ? { 'metadata.name': at('metadata', 'name'), 'metadata.namespace': at('metadata', 'namespace') } : { 'metadata.name': at('metadata', 'name') };

/** Per-resource selectable fields beyond metadata (from each registry's strategy). */
const extraFields: Record<string, Record<string, Extract>> = {
  pods: {
    'spec.nodeName': at('spec', 'nodeName'),
    'spec.restartPolicy': at('spec', 'restartPolicy'),
    'spec.schedulerName': at('spec', 'schedulerName'),
    'spec.serviceAccountName': at('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(Boolean((o.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork)),
    'status.phase': at('status', 'phase'),
    'status.podIP': at('status', 'podIP'),
    'status.nominatedNodeName': at('status', 'nominatedNodeName'),
  },
  services: { 'spec.clusterIP': at('spec', 'clusterIP'), 'spec.type': at('spec', 'type') },
  nodes: { 'spec.unschedulable': (o) => String(Boolean((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable)) },
  namespaces: { 'status.phase': at('status', 'phase') },
  'replicasets.apps': { 'status.replicas': at('status', 'replicas') },
  events: {
    'involvedObject.kind': at('involvedObject', 'kind'),
    'involvedObject.namespace': at('involvedObject', 'namespace'),
    'involvedObject.name': at('involvedObject', 'name'),
    'involvedObject.uid': at('involvedObject', 'uid'),
    'involvedObject.apiVersion': at('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject', 'fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source', 'component'),
    type: at('type'),
  },
};

/** A compiled matcher; throws `field label not supported: x` for fields the kind lacks. */
export function compileFieldSelector(resource: string, namespaced: boolean, reqs: FieldRequirement[]): (obj: KubeObject) => boolean {
  const fields = { ...objectMetaFields(namespaced), ...(extraFields[resource] ?? {}) };
  const checks = reqs.map((r) => {
    const ex = fields[r.field];
    if (!ex) throw new FieldSelectorError(`field label not supported: ${r.field}`);
    return r.operator === '=' ? (o: KubeObject) => ex(o) === r.value : (o: KubeObject) => ex(o) !== r.value;
  });
  // Watches ask per event (twice for an update): no closure per call, and no loop for the usual single field.
  if (checks.length === 0) return matchAll;
  if (checks.length === 1) return checks[0]!;
  return (obj) => {
    for (const c of checks) if (!c(obj)) return false;
    return true;
  };
}

function matchAll(): boolean {
  return true;
}
