import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { JSONSchema } from 'monaco-yaml';
import { render } from '../../../scripts/gen-k8s-schemas.mjs';
import { K8S_SCHEMA, SCHEMA_KINDS } from './k8sSchema.generated';
import generatedText from './k8sSchema.generated.ts?raw';
import { STARTER_MANIFEST } from './starterManifest';
import { STARTER_SNIPPETS } from './starterSnippets';

type Schema = JSONSchema | boolean;
const defs = K8S_SCHEMA.definitions ?? {};
const deref = (s: JSONSchema): JSONSchema =>
  s.$ref ? deref(defs[s.$ref.replace('#/definitions/', '')]!) : s;

/**
 * The subset of draft-07 the generated schema uses (type, enum, const, required, properties,
 * additionalProperties, items, anyOf, allOf, if/then), enough to check manifests the way the
 * editor's YAML worker does. Returns the problems as `path: message`.
 */
function check(value: unknown, schema: Schema, path = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const s = deref(schema);
  const out: string[] = [];
  if (s.allOf) for (const sub of s.allOf) out.push(...check(value, sub, path));
  if (s.if !== undefined && s.then !== undefined && check(value, s.if, path).length === 0)
    out.push(...check(value, s.then, path));
  if (s.anyOf && !s.anyOf.some((sub) => check(value, sub, path).length === 0))
    out.push(`${path}: matches no alternative`);
  if (s.const !== undefined && value !== s.const) out.push(`${path}: must be ${String(s.const)}`);
  if (s.enum && !s.enum.includes(value)) out.push(`${path}: must be one of ${s.enum.join(', ')}`);
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : Number.isInteger(value)
        ? 'integer'
        : typeof value;
  if (typeof s.type === 'string' && s.type !== type && !(s.type === 'number' && type === 'integer'))
    return [...out, `${path}: expected ${s.type}, got ${type}`];
  if (type === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) out.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = s.properties?.[k];
      if (prop !== undefined) out.push(...check(v, prop, `${path}.${k}`));
      else if (s.additionalProperties !== undefined)
        out.push(...check(v, s.additionalProperties, `${path}.${k}`));
    }
  }
  if (type === 'array' && s.items && !Array.isArray(s.items))
    (value as unknown[]).forEach((v, i) =>
      out.push(...check(v, s.items as Schema, `${path}[${i}]`)),
    );
  return out;
}

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

describe('the generated Kubernetes schema', () => {
  it('is what the generator produces from the installed kubernetes-models (not stale)', async () => {
    expect(generatedText).toBe(await render());
  }, 60_000); // runs the TypeScript compiler over kubernetes-models: seconds, not milliseconds

  it('covers every kind the engine serves', () => {
    expect(SCHEMA_KINDS.map((k) => `${k.apiVersion}/${k.kind}`)).toEqual([
      'v1/Namespace',
      'v1/Node',
      'v1/Pod',
      'v1/Service',
      'v1/Endpoints',
      'v1/ConfigMap',
      'v1/ServiceAccount',
      'v1/Event',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/DaemonSet',
      'discovery.k8s.io/v1/EndpointSlice',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
    ]);
  });

  it.each([
    [
      'a typo in a Service field',
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  prots: []\n',
      ['.spec.prots: not allowed'],
    ],
    [
      'a string where a port number belongs',
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports: [{port: eighty}]\n',
      ['.spec.ports[0].port: expected integer, got string'],
    ],
    [
      'a fractional replica count',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: 1.5\n  selector: {}\n  template: {}\n',
      ['.spec.replicas: expected integer, got number'],
    ],
    [
      'an unknown protocol',
      'apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80, protocol: HTTP}]\n',
      ['.spec.ports[0].protocol: must be one of SCTP, TCP, UDP'],
    ],
    [
      'a Pod without containers',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n',
      ['.spec: missing containers'],
    ],
    [
      'targetPort by name or number',
      'apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 8081}]\n',
      [],
    ],
    [
      'labels of any key',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a.b/c: d}}\ndata: {k: v}\n',
      [],
    ],
    [
      'a label value that is a number',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {n: 1}}\n',
      ['.metadata.labels.n: expected string, got integer'],
    ],
    [
      'an unknown kind',
      'apiVersion: v1\nkind: Servic\n',
      ['.kind: must be one of ' + SCHEMA_KINDS.map((k) => k.kind).join(', ')],
    ],
  ])('flags %s', (_what, yaml, problems) => {
    expect(check(docsOf(yaml)[0], K8S_SCHEMA)).toEqual(problems);
  });

  it('chooses the schema by apiVersion and kind: a Deployment field is unknown on a DaemonSet', () => {
    const ds =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  replicas: 2\n  selector: {}\n  template: {}\n';
    expect(check(docsOf(ds)[0], K8S_SCHEMA)).toEqual(['.spec.replicas: not allowed']);
  });

  it('carries the API documentation for hovers', () => {
    const port = deref(defs['IoK8sApiCoreV1ServicePort']!).properties?.['port'] as JSONSchema;
    expect(port.description).toBe('The port that will be exposed by this service.');
  });
});

describe('starter manifests', () => {
  it.each([
    ['starter', STARTER_MANIFEST] as const,
    ...STARTER_SNIPPETS.map((s) => [s.id, s.text] as const),
  ])('%s is valid YAML and valid against the schema', (_id, text) => {
    const docs = parseAllDocuments(text);
    for (const d of docs) expect(d.errors).toEqual([]);
    for (const d of docs) expect(check(d.toJS(), K8S_SCHEMA)).toEqual([]);
  });

  it('the service-discovery lab defines what the chapter applies', () => {
    const sd = STARTER_SNIPPETS.find((s) => s.id === 'sd-example')!;
    const objects = docsOf(sd.text) as {
      kind: string;
      metadata: { name: string; namespace?: string };
    }[];
    expect(sd.fileName).toBe('sd-example.yml');
    expect(
      objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`),
    ).toEqual([
      'Namespace//dev',
      'Namespace//prod',
      'Deployment/dev/enterprise',
      'Deployment/prod/enterprise',
      'Service/dev/ent',
      'Service/prod/ent',
      'Pod/dev/jump',
    ]);
  });

  it('has one snippet per Service type the lab teaches', () => {
    const types = STARTER_SNIPPETS.flatMap(
      (s) => docsOf(s.text) as { kind: string; spec?: { type?: string; clusterIP?: string } }[],
    )
      .filter((o) => o.kind === 'Service')
      .map((o) => (o.spec?.clusterIP === 'None' ? 'headless' : (o.spec?.type ?? 'ClusterIP')));
    expect(new Set(types)).toEqual(
      new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'headless', 'ExternalName']),
    );
  });
});
