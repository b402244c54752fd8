/**
 * The slice of the API server's OpenAPI v3 document that `kubectl explain` reads: one definition
 * per schema reachable from the served kinds, with the official descriptions. Generated at build
 * time (scripts/gen-explain-docs.mjs) into a JSON string that is parsed the first time a learner
 * runs `kubectl explain`, so loading the engine does not pay for it.
 */
import { API_DOCS_JSON } from './apiDocs.generated';

/** A field's schema: a primitive, a reference to a definition, an array or a map. */
export interface FieldSchema {
  /** Field description (absent on array items and map values). */
  d?: string;
  /** OpenAPI `type`: string, integer, number, boolean, object, array. */
  t?: string;
  /** Enum values in the document's order. */
  e?: string[];
  /** The definition this field holds (OpenAPI `allOf: [{$ref}]`). */
  ref?: string;
  /** Array items. */
  items?: FieldSchema;
  /** Map values (`additionalProperties`). */
  map?: FieldSchema;
}

/** A component schema (`#/components/schemas/...`). */
export interface Definition extends FieldSchema {
  /** The Go type name, the last dotted segment of the OpenAPI name (`ServiceSpec`). */
  n: string;
  /** Properties, when the definition is an object. */
  p?: Record<string, FieldSchema>;
  /** Required property names. */
  r?: string[];
}

/** One kind the document carries (`x-kubernetes-group-version-kind`) and its definition. */
export interface DocKind {
  group: string;
  version: string;
  kind: string;
  def: string;
}

export interface ApiDocs {
  kinds: DocKind[];
  defs: Record<string, Definition>;
}

let parsed: ApiDocs | undefined;

/** The documentation, parsed once on first use. */
export function apiDocs(): ApiDocs {
  parsed ??= JSON.parse(API_DOCS_JSON) as ApiDocs;
  return parsed;
}
