/**
 * Go's `%#v` of a JSON-decoded (unstructured) value. kubectl puts it into the "object given to
 * jsonpath engine was:" part of a jsonpath execution error.
 */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const body = Object.keys(o)
    .sort()
    .map((k) => `${goQuote(k)}:${goSyntax(o[k])}`)
    .join(', ');
  return `map[string]interface {}{${body}}`;
}
