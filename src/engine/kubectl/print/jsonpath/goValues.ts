/**
 * How Go prints the unstructured (JSON-decoded) values jsonpath works on: `fmt.Sprint` (%v),
 * `encoding/json.Marshal` (sorted keys, HTML-safe escapes) and reflect type names for errors.
 */

/** Go's reflect type name of a JSON-decoded value, as it appears in jsonpath errors. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

/** `fmt.Sprint` of a JSON value: the go-template printer's, which JSON values share. */
export { sprintValue as goSprint } from '../gotemplate/fmt';

export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `json.Marshal` (indent undefined) or `json.MarshalIndent(v, "", indent)` of a JSON value,
 * with map keys sorted as Go sorts map[string]interface{} keys.
 */
export function goJsonMarshal(v: unknown, indent?: string, level = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const nl = indent === undefined ? '' : `\n${indent.repeat(level + 1)}`;
  const close = indent === undefined ? '' : `\n${indent.repeat(level)}`;
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + goJsonMarshal(x, indent, level + 1)).join(',')}${close}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => `${nl}${goJsonString(k)}${colon}${goJsonMarshal(o[k], indent, level + 1)}`).join(',')}${close}}`;
}
