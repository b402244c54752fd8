/**
 * kubectl 1.34's `plaintext` explain template (kubectl pkg/explain/v2/templates/plaintext.tmpl)
 * evaluated over {@link ApiDocs}: the KIND/VERSION header, then either the resource's or the
 * field's DESCRIPTION and FIELDS, descriptions word-wrapped by go-wordwrap and indented, fields
 * sorted by name (Go template `range` over a map), `-required-`, `enum:` lists, `--recursive`
 * as a name-and-type tree. A missing field is the template's `throw`.
 */
import type { ApiDocs, Definition, DocKind, FieldSchema } from './apiDocs';
import { indent, wrapString } from './wordWrap';

/** A failure the template throws; the header printed before it stays on stdout. */
export class ExplainError extends Error {
  constructor(
    message: string,
    /** What the template had written before it threw. */
    readonly partial: string,
  ) {
    super(message);
  }
}

type Schema = FieldSchema | Definition;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class Renderer {
  constructor(
    private readonly docs: ApiDocs,
    private readonly recursive: boolean,
  ) {}

  private def(ref: string): Definition {
    const d = this.docs.defs[ref];
    if (!d) throw new Error(`explain docs: no definition ${ref}`);
    return d;
  }

  /** Template `typeGuess`. */
  typeGuess(s: Schema): string {
    if (s.items) return `[]${this.typeGuess(s.items)}`;
    if (s.map) return `map[string]${this.typeGuess(s.map)}`;
    if (s.ref) {
      const d = this.def(s.ref);
      return !d.t || d.t === 'object' ? d.n : d.t;
    }
    if (!s.t || s.t === 'object') return 'Object';
    return s.t;
  }

  /** Template `description`: the schema's own text, then its ref's, items' and map values'. */
  description(s: Schema): string {
    let out = s.d !== undefined && s.d !== '' ? `${s.d}\n` : '';
    if (s.ref) out += this.description(this.def(s.ref));
    if (s.items) out += this.description(s.items);
    if (s.map) out += this.description(s.map);
    return out;
  }

  /** Template `extractEnum`, one-line (`enum: a, b, c, d, ....`) or long (`ENUM:` then one per line). */
  enumText(s: Schema, long: boolean, indentAmount = 0): string {
    if (!s.e?.length) return '';
    const show = (v: string): string => (v === '' ? '""' : v);
    if (long) return `ENUM:${s.e.map((v) => `\n    ${show(v)}`).join('')}`;
    const shown = s.e.slice(0, 4).map(show).join(', ');
    return `\n${' '.repeat(indentAmount)}enum: ${shown}${s.e.length > 4 ? ', ....' : ''}`;
  }

  /** Template `fieldDetail` for property `name` of `owner`. */
  fieldDetail(owner: Definition, name: string, field: FieldSchema, level: number): string {
    const pad = level * 2;
    let out = `${' '.repeat(pad)}${name}\t<${this.typeGuess(field)}>`;
    if (owner.r?.includes(name)) out += ' -required-';
    out += `${this.enumText(field, false, pad)}\n`;
    if (!this.recursive) out += `${indent(pad + 2, wrapString(field.d || '<no description>', 78 - pad))}\n\n`;
    return out;
  }

  /** Template `fieldList`: the fields of a schema (following refs, items and map values). */
  fieldList(s: Schema, level: number, history: ReadonlySet<string>): string {
    let out = '';
    const def = 'p' in s ? (s as Definition) : undefined;
    if (def?.p) {
      for (const name of Object.keys(def.p).sort(byName)) {
        const field = def.p[name]!;
        out += this.fieldDetail(def, name, field, level);
        if (this.recursive) out += this.fieldList(field, level + 1, history);
      }
    }
    if (s.ref && !history.has(s.ref)) out += this.fieldList(this.def(s.ref), level, new Set([...history, s.ref]));
    if (s.items) out += this.fieldList(s.items, level, history);
    if (s.map) out += this.fieldList(s.map, level, history);
    return out;
  }

  /** Template `output`: walk the field path, then print DESCRIPTION and FIELDS of what it names. */
  output(s: Schema, path: string[]): string {
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, wrapString(this.description(s) || '<empty>', 76))}\n`;
      const fields = this.fieldList(s, 1, new Set());
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    const def = 'p' in s ? (s as Definition) : undefined;
    const sub = def?.p?.[path[0]!];
    if (sub) {
      let out = '';
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumText(sub, true)}\n\n`;
      const rest = this.output(sub, path.slice(1));
      return rest ? out + rest : '';
    }
    if (s.items) return this.output(s.items, path);
    if (s.map) return this.output(s.map, path);
    if (s.ref) return this.output(this.def(s.ref), path);
    return '';
  }
}

/** `kubectl explain` output for a kind (and an optional field path), or throws {@link ExplainError}. */
export function renderExplain(docs: ApiDocs, kind: DocKind, fieldPath: string[], recursive: boolean): string {
  let header = kind.group ? `GROUP:      ${kind.group}\n` : '';
  header += `KIND:       ${kind.kind}\nVERSION:    ${kind.version}\n\n`;
  const body = new Renderer(docs, recursive).output(docs.defs[kind.def]!, fieldPath);
  if (!body) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, header);
  return `${header}${body}\n`;
}
