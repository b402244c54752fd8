/**
 * describe.go's `genericDescriber`, used for kinds without a describer of their own (Event here):
 * name, namespace, labels and annotations, then every other field of the object in sorted order
 * with `smartLabelFor` labels (`involvedObject` → `Involved Object`, `apiVersion` → `API Version`).
 */
import type { Event } from 'kubernetes-types/core/v1';
import { goStringCompare } from '../labels';
import { annotationsMultiline, describeEvents, labelsMultiline } from './common';
import { DescribeWriter } from './DescribeWriter';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const ACRONYMS = ['API', 'URL', 'UID', 'GUID'];

type RuneClass = 'lower' | 'upper' | 'digit' | 'other';
const classOf = (ch: string): RuneClass => (/\p{Ll}/u.test(ch) ? 'lower' : /\p{Lu}/u.test(ch) ? 'upper' : /\p{Nd}/u.test(ch) ? 'digit' : 'other');

/** github.com/fatih/camelcase `Split`: runs of one character class, `HTMLParser` → `HTML`, `Parser`. */
export function camelcaseSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: RuneClass | undefined;
  for (const ch of s) {
    const c = classOf(ch);
    if (c === last) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i]![0]!) === 'upper' && classOf(runs[i + 1]![0]!) === 'lower') {
      runs[i + 1] = [runs[i]!.pop()!, ...runs[i + 1]!];
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** describe.go `smartLabelFor`. */
export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  const parts = camelcaseSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const allUpper = [...part].every((ch) => !/\p{L}/u.test(ch) || /\p{Lu}/u.test(ch));
    if (next !== undefined && part.length >= 2 && allUpper && /^\p{Lu}/u.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.toLowerCase() === p ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join(' ');
}

/** Go's `%v` of a decoded JSON scalar. */
const goValue = (v: unknown): string => (v === null || v === undefined ? '<nil>' : String(v));

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort(goStringCompare)) {
    const value = content[field];
    const expr = `${prefix}.${field}`;
    if (SKIP.includes(expr)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, expr);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, expr);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: { metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } }, events: Event[] | undefined, now: number): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata?.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
  printContent(w, 0, obj as Record<string, unknown>, '');
  describeEvents(w, events, now);
  return w.toString();
}
