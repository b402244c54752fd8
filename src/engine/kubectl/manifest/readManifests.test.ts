import { describe, expect, it } from 'vitest';
import { decodeStream, ManifestError } from './readManifests';

describe('manifest decoding', () => {
  it('splits YAML streams, skips empty documents and flattens Lists', () => {
    const objs = decodeStream('---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n---\n---\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}\n', 'x.yaml');
    expect(objs.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(objs.every((o) => o.source === 'x.yaml')).toBe(true);
  });

  it.each([
    ['a: b: c\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context'],
    ['a:\n\t- b\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token'],
    ['kind: Pod\n', 'error validating "x.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['just text\n', 'error validating "x.yaml": error validating data: invalid object to validate; json: cannot unmarshal string into Go value of type map[string]interface {}'],
  ])('%j fails with kubectl wording', (text, message) => {
    expect(() => decodeStream(text, 'x.yaml')).toThrow(new ManifestError(message));
  });
});
