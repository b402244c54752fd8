import { describe, expect, it } from 'vitest';
import { errorOf, newTestServer } from '../testing/newTestServer';
import type { KubeObject } from '../types';

const LABEL_1123 =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const deployment = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const template = (labels: Record<string, string>, containers: unknown[] = [{ name: 'web', image: 'nginx' }], extra: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers, ...extra },
});

describe('Pod validation messages', () => {
  const pod = (spec: Record<string, unknown>, name = 'p'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
  it.each([
    ['no containers', pod({ containers: [] }), 'Pod "p" is invalid: spec.containers: Required value'],
    ['missing image', pod({ containers: [{ name: 'web' }] }), 'Pod "p" is invalid: spec.containers[0].image: Required value'],
    ['missing container name', pod({ containers: [{ image: 'nginx' }] }), 'Pod "p" is invalid: spec.containers[0].name: Required value'],
    ['bad container name', pod({ containers: [{ name: 'Web', image: 'nginx' }] }), `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": ${LABEL_1123}`],
    [
      'duplicate container names',
      pod({ containers: [{ name: 'a', image: 'nginx' }, { name: 'a', image: 'nginx' }] }),
      'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"',
    ],
    [
      'containerPort out of range',
      pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 70000 }] }] }),
      'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'port name too long',
      pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80, name: 'a-very-long-port-name' }] }] }),
      'Pod "p" is invalid: spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
    ],
    [
      'restartPolicy',
      pod({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'nginx' }] }),
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
    ],
  ])('%s', (_label, obj, message) => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().create('pods', 'default', obj))).toBe(message);
  });
});

describe('Deployment validation messages', () => {
  it.each([
    ['no selector', deployment({ template: template({ app: 'web' }) }), 'Deployment.apps "web" is invalid: spec.selector: Required value'],
    [
      'selector does not match',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'api' }) }),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    ],
    [
      'empty selector',
      deployment({ selector: {}, template: template({ app: 'web' }) }),
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ],
    [
      'negative replicas',
      deployment({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) }),
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'restartPolicy Never',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, undefined, { restartPolicy: 'Never' }) }),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'template without image',
      deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, [{ name: 'web' }]) }),
      'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
    ],
  ])('%s', (_label, obj, message) => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().create('deployments.apps', 'default', obj))).toBe(message);
  });
});

describe('Namespace and ConfigMap validation messages', () => {
  it('namespace names are DNS-1123 labels', () => {
    const { server } = newTestServer();
    expect(errorOf(() => server.admin().create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } }))).toBe(
      'Namespace "my.ns" is invalid: metadata.name: Invalid value: "my.ns": must not contain dots',
    );
  });
  it('configmap keys', () => {
    const { server } = newTestServer();
    expect(
      errorOf(() => server.admin().create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'bad key': 'v' } })),
    ).toBe(
      `ConfigMap "c" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  });
});

describe('immutable ConfigMaps', () => {
  it('refuse data changes', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const cm = a.create<KubeObject>('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' }, immutable: true });
    expect(errorOf(() => a.update('configmaps', 'default', { ...cm, data: { k: 'w' } }))).toBe('ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });
});
