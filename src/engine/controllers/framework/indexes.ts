import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import type { Informer } from './Informer';

/**
 * Informer indexes the controllers share, so "which pods does this selector pick" and "which
 * Services select this pod" look at the few candidates instead of the whole namespace. Every
 * lookup returns a superset in list order; callers still apply the real selector, so results
 * are exactly what filtering `list(namespace)` gave.
 */

const LABELS = 'labels';
const CONTROLLER = 'controller';
const SELECTOR = 'selector';

const ns = (o: KubeObject) => o.metadata.namespace ?? '';
const pair = (namespace: string, k: string, v: string) => `${namespace}/${k}=${v}`;
/** Index value for a selector with no required key=value (it may match any labels). */
const anyIn = (namespace: string) => `${namespace}/*`;

/** Each `key=value` a selector requires: matchLabels and single-valued `In` expressions. */
function requiredPairs(selector: LabelSelector): [string, string][] {
  const out = Object.entries(selector.matchLabels ?? {});
  for (const e of selector.matchExpressions ?? []) if (e.operator === 'In' && e.values?.length === 1) out.push([e.key, e.values[0]!]);
  return out;
}

/** Objects indexed by each of their labels and by their controller's uid. */
export function indexLabelsAndController<T extends KubeObject>(inf: Informer<T>): void {
  // An object's namespace never changes, so its labels (ownerReferences) are all each index reads.
  inf.addIndex(LABELS, (o) => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => pair(ns(o), k, v)), (o) => o.metadata.labels);
  inf.addIndex(
    CONTROLLER,
    (o) => {
      const uid = o.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
      return uid ? [uid] : [];
    },
    (o) => o.metadata.ownerReferences,
  );
}

/** The label index value narrowing `required` (all of which must hold) the most; none when empty. */
function narrowest<T extends KubeObject>(inf: Informer<T>, namespace: string, required: [string, string][]): string | undefined {
  let best: string | undefined;
  for (const [k, v] of required) {
    const value = pair(namespace, k, v);
    if (best === undefined || inf.indexSize(LABELS, value) < inf.indexSize(LABELS, best)) best = value;
  }
  return best;
}

/** Candidates for a Service-style map selector in `namespace` (all of them for an empty map). */
export function candidatesForMap<T extends KubeObject>(inf: Informer<T>, namespace: string | undefined, selector: Record<string, string>): T[] {
  if (namespace === undefined) return inf.list();
  const value = narrowest(inf, namespace, Object.entries(selector));
  return value === undefined ? inf.list(namespace) : inf.byIndex({ index: LABELS, values: [value] });
}

/**
 * What a controller with `selector` and `uid` must consider when claiming (ClaimObjects): objects
 * its selector may match plus those it already controls, in `namespace`.
 */
export function candidatesToClaim<T extends KubeObject>(inf: Informer<T>, namespace: string | undefined, selector: LabelSelector | undefined, uid: string | undefined): T[] {
  if (namespace === undefined) return inf.list();
  // A missing selector matches nothing; one without a required key=value may match anything.
  const value = selector ? narrowest(inf, namespace, requiredPairs(selector)) : undefined;
  if (selector && value === undefined) return inf.list(namespace);
  const found = inf.byIndex({ index: LABELS, values: value === undefined ? [] : [value] }, { index: CONTROLLER, values: uid ? [uid] : [] });
  return found.filter((o) => ns(o) === namespace);
}

/** Service-style objects indexed by each key=value of `spec.selector` (an empty map: by namespace). */
export function indexMapSelector<T extends KubeObject>(inf: Informer<T>, selectorOf: (o: T) => Record<string, string> | undefined): void {
  inf.addIndex(
    SELECTOR,
    (o) => {
      const sel = selectorOf(o);
      if (!sel) return [];
      const pairs = Object.entries(sel);
      return pairs.length ? pairs.map(([k, v]) => pair(ns(o), k, v)) : [anyIn(ns(o))];
    },
    selectorOf,
  );
}

/** Objects indexed by {@link indexMapSelector} whose selector may match `labels` in `namespace`. */
export function selectorsFor<T extends KubeObject>(inf: Informer<T>, namespace: string, labels: Record<string, string> | undefined): T[] {
  const values = Object.entries(labels ?? {}).map(([k, v]) => pair(namespace, k, v));
  return inf.byIndex({ index: SELECTOR, values: [...values, anyIn(namespace)] });
}
