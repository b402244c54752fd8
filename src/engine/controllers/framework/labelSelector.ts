import type { LabelSelector } from 'kubernetes-types/meta/v1';

type Labels = Record<string, string> | undefined;

/**
 * metav1.LabelSelectorAsSelector(...).Matches: matchLabels and matchExpressions ANDed; an empty
 * selector matches everything, a missing one nothing (REFERENCE §7).
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * A Service-style map selector (`spec.selector`): equality on every key. Callers must treat a
 * missing selector as "manage nothing"; an empty map here matches every pod, as in
 * labels.ValidatedSetSelector.
 */
export function mapSelectorMatches(selector: Record<string, string>, labels: Labels): boolean {
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}
