/**
 * Places what kubectl answered to an Apply on the lines it is about: a YAML syntax error on its
 * line, and each cause of an Invalid error (`spec.ports[0].port: Invalid value: 0: ...`) on the
 * line of the field it names, in the document of the object it names.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';

export interface LineMarker {
  /** 1-based, as Monaco counts. */
  line: number;
  column: number;
  message: string;
}

type Path = (string | number)[];

/** `spec.ports[0].port` → `['spec', 'ports', 0, 'port']`. */
export function fieldPath(field: string): Path {
  const out: Path = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function markersFor(text: string, output: string): LineMarker[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [];
  const markers: LineMarker[] = [];

  // kubectl counts a YAML error's line from the start of the document it was decoding.
  const yamlError = /error converting YAML to JSON: yaml: line (\d+): (.*)$/m.exec(output);
  if (yamlError) {
    const broken = list.find((d) => d.errors.length > 0) ?? list[0];
    // A document's range starts at its `---` marker; kubectl's line 1 is the line after it.
    const from = broken?.range?.[0] ?? 0;
    const start = lines.linePos(from).line + (text.startsWith('---', from) ? 1 : 0);
    markers.push({ line: start + Number(yamlError[1]) - 1, column: 1, message: `yaml: ${yamlError[2]}` });
  }

  const invalid = /The (\w+) "([^"]*)" is invalid: ?(.*)$/m.exec(output);
  if (invalid) {
    const [, kind, name, single] = invalid;
    const causes = single ? [single] : [...output.matchAll(/^\* (.*)$/gm)].map((m) => m[1]!);
    const doc = list.find((d) => d.getIn(['kind']) === kind && d.getIn(['metadata', 'name']) === name);
    for (const cause of causes) {
      const field = /^([\w.[\]-]+): /.exec(cause)?.[1];
      if (!doc || !field) continue;
      const at = locate(doc, fieldPath(field), lines);
      if (at) markers.push({ ...at, message: cause });
    }
  }
  return markers;
}

/** The line of the deepest part of `path` the document has (a missing field marks its parent). */
function locate(doc: Document, path: Path, lines: LineCounter): { line: number; column: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const pair = n === path.length ? keyOf(doc, path) : undefined;
    const offset = pair ?? node?.range?.[0];
    if (offset !== undefined) {
      const pos = lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

/** The position of a field's key (`port:`), which reads better than its value's. */
function keyOf(doc: Document, path: Path): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
  const last = path[path.length - 1];
  const item = parent?.items?.find((i) => i.key?.value === last);
  return item?.key?.range?.[0];
}
