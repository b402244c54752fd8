import { describe, expect, it } from 'vitest';
import { fieldPath, markersFor } from './kubectlMarkers';

const file = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: dev', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', 'spec:', '  ports:', '    - port: 0', ''].join('\n');

describe('kubectl errors on their lines', () => {
  it('reads field paths as kubectl prints them', () => {
    expect(fieldPath('spec.ports[0].port')).toEqual(['spec', 'ports', 0, 'port']);
    expect(fieldPath('metadata.name')).toEqual(['metadata', 'name']);
  });

  it('puts each cause of an Invalid error on the field it names, in the object it names', () => {
    const output = 'The Service "x" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n';
    expect(markersFor(file, output)).toEqual([
      { line: 12, column: 7, message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
      // targetPort is not in the file (it was defaulted): the marker goes to the port entry.
      { line: 12, column: 7, message: 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive' },
    ]);
  });

  it('puts a YAML syntax error on its line, counted from its document', () => {
    const broken = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: dev', '---', 'apiVersion: v1', 'kind: Service', 'metadata: name: x', ''].join('\n');
    const output = 'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n';
    expect(markersFor(broken, output)).toEqual([{ line: 8, column: 1, message: 'yaml: mapping values are not allowed in this context' }]);
  });

  it('has nothing to place for other errors', () => {
    expect(markersFor(file, 'Error from server (AlreadyExists): error when creating "web.yaml": services "x" already exists\n')).toEqual([]);
  });
});
