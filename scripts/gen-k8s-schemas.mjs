#!/usr/bin/env node
// Generates src/app/editor/k8sSchema.generated.ts: one JSON Schema for the YAML editor covering
// every kind the engine serves, built from the installed `kubernetes-models` package, which carries
// the official Kubernetes OpenAPI definitions in two forms: typed interfaces with the API's own
// field documentation (.d.ts), and compiled validators (_schemas/*.js). We read structure and docs
// from the former with the TypeScript compiler, and ask the latter which numbers are integers
// (the .d.ts says only `number`).
//
// Usage: node scripts/gen-k8s-schemas.mjs [--check]   (--check fails if the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const OUTPUT = join(root, 'src/app/editor/k8sSchema.generated.ts');

/** The kinds the engine serves: [apiVersion, kind, module under kubernetes-models]. */
export const KINDS = [
  ['v1', 'Namespace', 'v1/Namespace'],
  ['v1', 'Node', 'v1/Node'],
  ['v1', 'Pod', 'v1/Pod'],
  ['v1', 'Service', 'v1/Service'],
  ['v1', 'Endpoints', 'v1/Endpoints'],
  ['v1', 'ConfigMap', 'v1/ConfigMap'],
  ['v1', 'ServiceAccount', 'v1/ServiceAccount'],
  ['v1', 'Event', 'v1/Event'],
  ['apps/v1', 'Deployment', 'apps/v1/Deployment'],
  ['apps/v1', 'ReplicaSet', 'apps/v1/ReplicaSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1/DaemonSet'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery.k8s.io/v1/EndpointSlice'],
  ['rbac.authorization.k8s.io/v1', 'Role', 'rbac.authorization.k8s.io/v1/Role'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'rbac.authorization.k8s.io/v1/ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rbac.authorization.k8s.io/v1/RoleBinding'],
  [
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  ],
];

const modelsDir = dirname(require.resolve('kubernetes-models/package.json'));

/** Builds the schema object (pure data; no file writes). */
export async function buildSchema() {
  const files = KINDS.map(([, , mod]) => join(modelsDir, `${mod}.d.ts`));
  const program = ts.createProgram(files, {
    strict: false, // optional properties must not come back as `T | undefined`
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  /** @type {Record<string, any>} */
  const definitions = {};
  /** @type {Map<string, string>} file → module specifier of its compiled validator */
  const validatorOf = new Map();

  const doc = (symbol) =>
    cleanDoc(ts.displayPartsToString(symbol.getDocumentationComment(checker)));

  function definitionName(symbol) {
    const decl = symbol.declarations?.[0];
    const file = decl?.getSourceFile();
    const canonical = file && new RegExp(`\\b${symbol.name} as I(IoK8s\\w+)`).exec(file.text)?.[1];
    const name = canonical ?? symbol.name.replace(/^I/, '');
    if (file && canonical) validatorOf.set(name, validatorModule(file.fileName, canonical));
    return name;
  }

  function schemaFor(type) {
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [type.value] };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean || type.flags & ts.TypeFlags.BooleanLiteral)
      return { type: 'boolean' };
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.isUnion()) {
      const parts = type.types;
      if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral))
        return { type: 'string', enum: parts.map((t) => t.value).sort() };
      const kinds = new Set(
        parts.map((t) =>
          t.flags & ts.TypeFlags.Number
            ? 'number'
            : t.flags & ts.TypeFlags.String
              ? 'string'
              : 'other',
        ),
      );
      // IntOrString and Quantity: the API accepts either form.
      if (kinds.size === 2 && kinds.has('number') && kinds.has('string'))
        return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
      return { anyOf: parts.map(schemaFor) };
    }
    if (checker.isArrayType(type))
      return { type: 'array', items: schemaFor(checker.getTypeArguments(type)[0]) };
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (props.length === 0)
      return index
        ? { type: 'object', additionalProperties: schemaFor(index.type) }
        : { type: 'object' };
    const symbol = type.aliasSymbol ?? type.symbol;
    const name = definitionName(symbol);
    if (!(name in definitions)) {
      definitions[name] = {}; // reserve first: definitions are recursive (JSONSchemaProps-like shapes)
      definitions[name] = objectSchema(symbol, props);
    }
    return { $ref: `#/definitions/${name}` };
  }

  function objectSchema(symbol, props) {
    // The type's own name (Service, ServiceSpec, ...) heads the hover, as in the API reference.
    const schema = { type: 'object', title: symbol.name.replace(/^I/, '') };
    const description = doc(symbol);
    if (description) schema.description = description;
    schema.properties = {};
    const required = [];
    for (const prop of props) {
      const decl = prop.valueDeclaration ?? prop.declarations[0];
      const propSchema = schemaFor(checker.getTypeOfSymbolAtLocation(prop, decl));
      const propDoc = doc(prop);
      // A $ref cannot carry siblings in draft-07; wrap it so hover shows the field's own docs.
      schema.properties[prop.name] = propDoc
        ? propSchema.$ref
          ? { description: propDoc, allOf: [propSchema] }
          : { description: propDoc, ...propSchema }
        : propSchema;
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
    }
    if (required.length) schema.required = required;
    // Strict field validation, as `kubectl apply` (--validate=strict) does: unknown fields are errors.
    schema.additionalProperties = false;
    return schema;
  }

  const kinds = [];
  for (const [apiVersion, kind, mod] of KINDS) {
    const source = program.getSourceFile(join(modelsDir, `${mod}.d.ts`));
    const iface = source.statements.find(
      (s) => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`,
    );
    if (!iface) throw new Error(`kubernetes-models has no interface I${kind} in ${mod}`);
    const ref = schemaFor(checker.getTypeAtLocation(iface));
    kinds.push({ apiVersion, kind, ref: ref.$ref });
  }
  await markIntegers(definitions, validatorOf);

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes object',
    description: 'A Kubernetes object of a kind this lab serves.',
    type: 'object',
    properties: {
      apiVersion: {
        type: 'string',
        enum: [...new Set(KINDS.map(([v]) => v))],
        description: definitions[refName(kinds[0].ref)].properties.apiVersion.description,
      },
      kind: {
        type: 'string',
        enum: KINDS.map(([, k]) => k),
        description: definitions[refName(kinds[0].ref)].properties.kind.description,
      },
    },
    required: ['apiVersion', 'kind'],
    // One branch per kind: the document's apiVersion and kind choose its schema.
    allOf: kinds.map(({ apiVersion, kind, ref }) => ({
      if: {
        properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: ref },
    })),
    definitions,
  };
}

const refName = (ref) => ref.slice('#/definitions/'.length);

/** The API's docs escape markdown (`\*`); hovers show plain text. */
function cleanDoc(text) {
  return text.replace(/\\([*_`])/g, '$1').trim();
}

function validatorModule(dtsFile, canonical) {
  const pkgRoot = dtsFile.slice(0, dtsFile.lastIndexOf('/node_modules/') + '/node_modules/'.length);
  const pkg = dtsFile.slice(pkgRoot.length).startsWith('@')
    ? dtsFile.slice(pkgRoot.length).split('/').slice(0, 2).join('/')
    : dtsFile.slice(pkgRoot.length).split('/')[0];
  return join(pkgRoot, pkg, '_schemas', `${canonical}.js`);
}

/**
 * The .d.ts files type every number as `number`; the official validators know which are integers
 * (nearly all: ports, replicas, seconds). Probe each numeric field with 0.5 and see whether the
 * validator complains about the type at exactly that field.
 */
async function markIntegers(definitions, validatorOf) {
  for (const [name, def] of Object.entries(definitions)) {
    const numeric = Object.entries(def.properties ?? {}).filter(
      ([, p]) => p.type === 'number' || (p.type === 'array' && p.items?.type === 'number'),
    );
    if (!numeric.length) continue;
    const file = validatorOf.get(name);
    if (!file) throw new Error(`no compiled validator for ${name}`);
    const { validate } = await import(pathToFileURL(file).href);
    for (const [field, p] of numeric) {
      const probe = p.type === 'array' ? [0.5] : 0.5;
      validate({ [field]: probe });
      const path = p.type === 'array' ? `/${field}/0` : `/${field}`;
      const isInt = (validate.errors ?? []).some(
        (e) => e.instancePath === path && e.keyword === 'type' && e.params.type === 'integer',
      );
      if (isInt) (p.type === 'array' ? p.items : p).type = 'integer';
    }
  }
}

/** The generated module's full text. */
export async function render() {
  const schema = await buildSchema();
  const json = JSON.stringify(schema);
  const text = `// Generated by scripts/gen-k8s-schemas.mjs from kubernetes-models; do not edit.
// Regenerate with: node scripts/gen-k8s-schemas.mjs
import type { JSONSchema } from 'monaco-yaml';

/** apiVersion and kind of every kind the schema covers, in the order the engine lists them. */
export const SCHEMA_KINDS: readonly { apiVersion: string; kind: string }[] = ${JSON.stringify(KINDS.map(([apiVersion, kind]) => ({ apiVersion, kind })))};

/** The schema's JSON text, which the YAML worker serves as is (k8sYaml.worker.ts). */
export const K8S_SCHEMA_TEXT = ${JSON.stringify(json)};

/** One draft-07 schema for any document: its apiVersion and kind select the matching definition. */
export const K8S_SCHEMA: JSONSchema = /* @__PURE__ */ JSON.parse(K8S_SCHEMA_TEXT) as JSONSchema;
`;
  // Formatted as `npm run format` would, so formatting the tree never makes the file look stale.
  const prettier = await import('prettier');
  return prettier.format(text, { ...(await prettier.resolveConfig(OUTPUT)), filepath: OUTPUT });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = await render();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(`${OUTPUT} is stale: run node scripts/gen-k8s-schemas.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
}
