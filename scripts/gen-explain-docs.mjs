#!/usr/bin/env node
// Generates src/engine/kubectl/explain/apiDocs.generated.ts: the part of the API server's OpenAPI v3
// document that `kubectl explain` reads (every definition reachable from the kinds the engine
// serves: descriptions, field types, enums, required fields), built from the installed
// `kubernetes-models` package, whose .d.ts files carry the official OpenAPI definitions with their
// descriptions as doc comments and whose compiled validators know which numbers are integers.
//
// Descriptions are taken from the raw doc comments (not TypeScript's re-flowed text) so that the
// description's own line breaks and indentation ("Possible enum values:\n - `...`") survive; the
// package escapes `*` as `\*` to keep comments closed, which we undo.
//
// Usage: node scripts/gen-explain-docs.mjs [--check]   (--check fails if the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { KINDS } from './gen-k8s-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const OUTPUT = join(root, 'src/engine/kubectl/explain/apiDocs.generated.ts');
const modelsDir = dirname(require.resolve('kubernetes-models/package.json'));
const metaDir = join(dirname(require.resolve('@kubernetes-models/apimachinery/package.json')), 'apis/meta/v1');

/** Definitions whose description kubernetes-models lacks: [module with the doc comment, type name]. */
const FALLBACK_DOCS = {
  IoK8sApimachineryPkgApiResourceQuantity: ['kubernetes-types/api/resource.d.ts', 'Quantity'],
};

/** The raw `/** ... *\/` comment before a node, as the API's description text. */
function rawDoc(node) {
  const sf = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const docs = ranges.map((r) => sf.text.slice(r.pos, r.end)).filter((t) => t.startsWith('/**'));
  const text = docs.at(-1);
  if (!text) return undefined;
  const lines = text
    .slice(3, -2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''));
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines.at(-1).trim() === '') lines.pop();
  return lines.join('\n').replace(/\\\*/g, '*');
}

export function buildDocs() {
  const files = KINDS.map(([, , mod]) => join(modelsDir, `${mod}.d.ts`));
  const statusFile = join(metaDir, 'Status.d.ts');
  const program = ts.createProgram([...files, statusFile], {
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  /** @type {Record<string, any>} */
  const defs = {};
  /** @type {Map<string, string>} definition → compiled validator module */
  const validatorOf = new Map();

  // Every kind's apiVersion/kind carry TypeMeta's docs in OpenAPI; the models type them as
  // literals without docs, so take the docs from meta/v1 Status, which documents them.
  const status = program.getSourceFile(statusFile);
  const statusIface = status.statements.find((s) => ts.isInterfaceDeclaration(s));
  const typeMetaDoc = Object.fromEntries(
    statusIface.members.filter((m) => ['apiVersion', 'kind'].includes(propName(m))).map((m) => [propName(m), rawDoc(m)]),
  );

  function propName(m) {
    return m.name && (ts.isStringLiteral(m.name) || ts.isIdentifier(m.name)) ? m.name.text : undefined;
  }

  /** The declaration (interface or type alias) a type reference names. */
  function declarationOf(typeName) {
    let sym = checker.getSymbolAtLocation(typeName);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    return sym?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
  }

  /** OpenAPI-like key of a declaration: its canonical export name (IoK8sApiCoreV1ServiceSpec). */
  function canonicalName(decl) {
    const sf = decl.getSourceFile();
    const local = decl.name.text;
    const m = new RegExp(`\\b${local} as I(IoK8s\\w+)`).exec(sf.text);
    if (!m) throw new Error(`no canonical name for ${local} in ${sf.fileName}`);
    validatorOf.set(m[1], validatorModule(sf.fileName, m[1]));
    return m[1];
  }

  function fieldOf(node) {
    if (ts.isParenthesizedTypeNode(node)) return fieldOf(node.type);
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { t: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { t: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { t: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return {};
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { t: 'string', e: [node.literal.text] };
    if (ts.isUnionTypeNode(node)) {
      const lits = node.types.filter((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
      if (lits.length === node.types.length) return { t: 'string', e: lits.map((t) => t.literal.text) };
      throw new Error(`unexpected union ${node.getText()}`);
    }
    if (ts.isArrayTypeNode(node)) return { t: 'array', items: fieldOf(node.elementType) };
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
      if (index && node.members.length === 1) return { t: 'object', map: fieldOf(index.type) };
      if (node.members.length === 0) return { t: 'object' };
      throw new Error(`unexpected type literal ${node.getText()}`);
    }
    if (ts.isTypeReferenceNode(node)) {
      if (node.typeName.getText() === 'Array') return { t: 'array', items: fieldOf(node.typeArguments[0]) };
      const decl = declarationOf(node.typeName);
      if (!decl) throw new Error(`unresolved type ${node.getText()}`);
      return { ref: define(decl) };
    }
    throw new Error(`unexpected type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
  }

  /** Adds a definition (once; definitions may be recursive) and returns its key. */
  function define(decl) {
    const key = canonicalName(decl);
    if (key in defs) return key;
    const def = { n: decl.name.text.replace(/^I/, '') };
    defs[key] = def;
    const d = rawDoc(decl);
    if (d) def.d = d;
    if (ts.isTypeAliasDeclaration(decl)) {
      // Primitive wrappers: Time/MicroTime are strings; IntOrString and Quantity have no type.
      const t = decl.type;
      if (t.kind === ts.SyntaxKind.StringKeyword) def.t = 'string';
      else if (!ts.isUnionTypeNode(t)) Object.assign(def, fieldOf(t));
      return key;
    }
    def.t = 'object';
    const props = {};
    const required = [];
    const isKind = decl.heritageClauses?.some((h) => h.getText().includes('TypeMeta'));
    for (const m of decl.members) {
      if (!ts.isPropertySignature(m)) continue;
      const name = propName(m);
      let field = fieldOf(m.type);
      let doc = rawDoc(m);
      if (isKind && (name === 'apiVersion' || name === 'kind')) {
        field = { t: 'string' };
        doc = typeMetaDoc[name];
      } else if (!m.questionToken) required.push(name);
      if (doc) field.d = doc;
      props[name] = field;
    }
    def.p = props;
    if (required.length) def.r = required;
    return key;
  }

  const kinds = [];
  for (const [apiVersion, kind, mod] of KINDS) {
    const sf = program.getSourceFile(join(modelsDir, `${mod}.d.ts`));
    const iface = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`);
    if (!iface) throw new Error(`kubernetes-models has no interface I${kind} in ${mod}`);
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    kinds.push({ group, version, kind, def: define(iface) });
  }
  // kubernetes-models drops the description of the Quantity alias; kubernetes-types keeps the
  // API's doc comment for it (the text has not changed across releases).
  for (const [key, [file, name]] of Object.entries(FALLBACK_DOCS)) {
    if (!defs[key] || defs[key].d) continue;
    const sf = ts.createSourceFile(file, readFileSync(require.resolve(file), 'utf8'), ts.ScriptTarget.Latest, true);
    const decl = sf.statements.find((st) => ts.isTypeAliasDeclaration(st) && st.name.text === name);
    const d = decl && rawDoc(decl);
    if (d) defs[key].d = d;
  }

  const undocumented = Object.keys(defs).filter((k) => !defs[k].d);
  if (undocumented.length) throw new Error(`no description for ${undocumented.join(', ')}`);
  return { kinds, defs, validatorOf };
}

function validatorModule(dtsFile, canonical) {
  const pkgRoot = dtsFile.slice(0, dtsFile.lastIndexOf('/node_modules/') + '/node_modules/'.length);
  const rel = dtsFile.slice(pkgRoot.length);
  const pkg = rel.startsWith('@') ? rel.split('/').slice(0, 2).join('/') : rel.split('/')[0];
  return join(pkgRoot, pkg, '_schemas', `${canonical}.js`);
}

/** The .d.ts says `number`; the validators know which are integers (probe each with 0.5). */
async function markIntegers(defs, validatorOf) {
  for (const [name, def] of Object.entries(defs)) {
    const numeric = Object.entries(def.p ?? {}).filter(([, f]) => f.t === 'number' || f.items?.t === 'number' || f.map?.t === 'number');
    if (!numeric.length) continue;
    const { validate } = await import(pathToFileURL(validatorOf.get(name)).href);
    for (const [field, f] of numeric) {
      const inner = f.t === 'number' ? f : (f.items ?? f.map);
      const probe = f.t === 'number' ? 0.5 : f.items ? [0.5] : { k: 0.5 };
      validate({ [field]: probe });
      const path = f.t === 'number' ? `/${field}` : f.items ? `/${field}/0` : `/${field}/k`;
      const isInt = (validate.errors ?? []).some((e) => e.instancePath === path && e.keyword === 'type' && e.params.type === 'integer');
      if (isInt) inner.t = 'integer';
    }
  }
}

/** The generated module's full text. */
export async function render() {
  const { kinds, defs, validatorOf } = buildDocs();
  await markIntegers(defs, validatorOf);
  const sorted = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const json = JSON.stringify({ kinds, defs: sorted });
  return `// Generated by scripts/gen-explain-docs.mjs from kubernetes-models; do not edit.
// Regenerate with: node scripts/gen-explain-docs.mjs
import type { ApiDocs } from './apiDocs';

/** The OpenAPI definitions \`kubectl explain\` reads, as JSON text (parsed on first use). */
export const API_DOCS_JSON = ${JSON.stringify(json)};

export type { ApiDocs };
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = await render();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(`${OUTPUT} is stale: run node scripts/gen-explain-docs.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
}
