/**
 * String forms of labels and selectors as apimachinery renders them: `labels.FormatLabels` and
 * `metav1.FormatLabelSelector` / `Selector.String()`. Used by tables, describe and messages.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** Go's sort.Strings order: byte-wise, which for our ASCII keys is code-unit order. */
export function goStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys of a map sorted the way Go's sort.Strings sorts them. */
export function sortedKeys(m: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(m ?? {}).sort(goStringCompare);
}

/** `labels.FormatLabels`: `k=v` pairs sorted by key, comma-joined; `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = sortedKeys(m);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${m![k]}`).join(',');
}

/** `Selector.String()` of `LabelSelectorAsSelector(sel)`: empty string for nil or empty. */
export function labelSelectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const k of sortedKeys(sel.matchLabels)) reqs.push({ key: k, text: `${k}=${sel.matchLabels![k]}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(goStringCompare).join(',');
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        return '<error>';
    }
  }
  // Requirements are sorted by key (stable here; Go's order among equal keys is unspecified).
  return reqs
    .sort((a, b) => goStringCompare(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** `metav1.FormatLabelSelector`: like {@link labelSelectorString} but `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = labelSelectorString(sel);
  return s === '' ? '<none>' : s;
}
