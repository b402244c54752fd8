import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileJsonPathTemplate, printJsonPath } from './jsonpathOutput';
import { parseCustomColumnsSpec, printCustomColumns } from './customColumns';
import { naturalLess, sortObjects } from './sortBy';
import { relaxedJsonPathExpression } from './relaxedJsonPath';
import { kubernetesSvc, webPods, webSvc } from './testing/fixtures';
import type { KubeObject } from '../../api/types';

const list = (items: KubeObject[]) => ({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } });

const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'controlplane' },
  status: {
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'controlplane' },
    ],
  },
};

const npSvc: KubeObject = { ...webSvc, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP', targetPort: 8080 }] } };

describe('-o jsonpath', () => {
  it.each([
    ['{.items[*].metadata.name}', list(webPods), 'web-5d78c9b8f6-2xkqz web-5d78c9b8f6-h7v4n'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', list(webPods), 'web-5d78c9b8f6-2xkqz\nweb-5d78c9b8f6-h7v4n\n'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', list(webPods), 'web-5d78c9b8f6-2xkqz\t10.244.1.5\nweb-5d78c9b8f6-h7v4n\t10.244.2.7\n'],
    ['{.status.addresses[?(@.type=="InternalIP")].address}', node, '172.18.0.2'],
    ["{.status.addresses[?(@.type!='InternalIP')].address}", node, 'controlplane'],
    ['{.spec.ports[0].nodePort}', npSvc, '30080'],
    ['{.spec.ports[-1].port}', npSvc, '80'],
    ['{.metadata.labels}', webSvc, '{"app":"web"}'],
    ['{.spec.clusterIPs}', webSvc, '["10.96.100.10"]'],
    ['name: {.metadata.name}', webSvc, 'name: web'],
    ['{.items[0:1].metadata.name}', list([kubernetesSvc, webSvc]), 'kubernetes'],
    ['{.items[*].spec.ports[*].port}', list([kubernetesSvc, webSvc]), '443 80'],
    ['{.items[?(@.spec.ports[0].port>100)].metadata.name}', list([kubernetesSvc, webSvc]), 'kubernetes'],
    ['{..clusterIP}', list([kubernetesSvc, webSvc]), '10.96.0.1 10.96.100.10'],
    ['{.metadata.missing}', webSvc, ''],
    ["{.metadata.labels['app']}", webSvc, 'web'],
    ['{.items[*].metadata.name}', list([]), ''],
    ['{range .items[*]}{.metadata.name}:{range .spec.ports[*]}{.port},{end}{"\\n"}{end}', list([kubernetesSvc, webSvc]), 'kubernetes:443,\nweb:80,\n'],
    ['{range .items[*]}x{end}after', list([]), 'after'],
    ['{@.metadata.name}', webSvc, 'web'],
    ['{.spec.ports[*].name}{"/"}{.spec.ports[*].port}', npSvc, '/80'],
    ['{.items[0:3:2].metadata.name}', list([kubernetesSvc, webSvc, webSvc]), 'kubernetes web'],
  ])('%s', (template, obj, expected) => {
    expect(printJsonPath(template, obj)).toBe(expected);
  });

  it.each([
    ['{.items[*}', 'error parsing jsonpath {.items[*}, unterminated array\n'],
    ['{.metadata.name', 'error parsing jsonpath {.metadata.name, unclosed action\n'],
    ['{.items[x]}', 'error parsing jsonpath {.items[x]}, invalid array index x\n'],
    ['{.a[?(@.b=="c"}', 'error parsing jsonpath {.a[?(@.b=="c"}, unterminated filter\n'],
    ['{!}', "error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'\n"],
    ['', 'template format specified but no template given'],
  ])('parse error for %s', (template, message) => {
    expect(() => compileJsonPathTemplate(template)).toThrow(message);
  });

  it('execution errors carry the debugging block kubectl prints', () => {
    const small: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } };
    expect(() => printJsonPath('{.spec.ports[3].port}', small)).toThrow(
      'error executing jsonpath "{.spec.ports[3].port}": Error executing template: array index out of bounds: index 3, length 1. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.spec.ports[3].port}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Service", "metadata":map[string]interface {}{"name":"web"}, "spec":map[string]interface {}{"ports":[]interface {}{map[string]interface {}{"port":80}}}}\n\n\n',
    );
    expect(() => printJsonPath('{.spec.nope}', small, { allowMissingKeys: false })).toThrow('Error executing template: nope is not found.');
    expect(() => printJsonPath('{end}', small)).toThrow('Error executing template: not in range, nothing to end.');
  });
});

describe('-o custom-columns', () => {
  it('prints headers as given and <none> for missing values', () => {
    const cols = parseCustomColumnsSpec('NAME:.metadata.name,IP:.status.podIP,NODE:{.spec.nodeName},GATES:.spec.readinessGates');
    expect(printCustomColumns(cols, webPods)).toBe(
      `NAME                   IP           NODE      GATES
web-5d78c9b8f6-2xkqz   10.244.1.5   worker1   <none>
web-5d78c9b8f6-h7v4n   10.244.2.7   worker2   <none>
`,
    );
  });

  it('joins several matches with commas and prints maps with fmt.Sprint', () => {
    const cols = parseCustomColumnsSpec('NAME:metadata.name,PORTS:.spec.ports[*].port,LABELS:.metadata.labels');
    expect(printCustomColumns(cols, [kubernetesSvc], { noHeaders: true })).toBe('kubernetes   443   map[component:apiserver provider:kubernetes]\n');
  });

  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    ['NAME:{.a}}', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])('spec %j fails with kubectl wording', (spec, message) => {
    expect(() => parseCustomColumnsSpec(spec)).toThrow(message);
  });

  it('relaxes every accepted spelling to {.a.b}', () => {
    for (const s of ['a.b', '.a.b', '{a.b}', '{.a.b}']) expect(relaxedJsonPathExpression(s)).toBe('{.a.b}');
  });
});

describe('--sort-by', () => {
  it('sorts names naturally and numbers numerically', () => {
    const mk = (name: string, port: number): KubeObject => ({ ...webSvc, metadata: { name }, spec: { ports: [{ port }] } });
    const objs = [mk('web-10', 8080), mk('web-9', 443), mk('api', 80)];
    expect(sortObjects(objs, '.metadata.name').map((o) => o.metadata.name)).toEqual(['api', 'web-9', 'web-10']);
    expect(sortObjects(objs, '{.spec.ports[0].port}').map((o) => o.metadata.name)).toEqual(['api', 'web-9', 'web-10']);
  });

  it('objects without the field sort first; a field nobody has is an error', () => {
    const withIP = webSvc;
    const without: KubeObject = { ...webSvc, metadata: { name: 'ext' }, spec: { type: 'ExternalName' } };
    expect(sortObjects([withIP, without], '.spec.clusterIP').map((o) => o.metadata.name)).toEqual(['ext', 'web']);
    expect(() => sortObjects([withIP], '.spec.nope')).toThrow('couldn\'t find any field with path "{.spec.nope}" in the list of objects');
  });

  it('naturalLess is a strict order consistent with numeric order of digit runs', () => {
    fc.assert(
      fc.property(fc.nat(100000), fc.nat(100000), (a, b) => {
        expect(naturalLess(`pod-${a}`, `pod-${b}`)).toBe(a < b);
        expect(naturalLess(`x${a}`, `x${a}`)).toBe(false);
      }),
    );
  });
});
