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
    // A key left of its siblings: go-yaml's parser wanted a key and found a new mapping.
    ['spec:\n    selector: {}\n  replicas: 2\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key'],
    // Lines count from the document's own `---`, as apimachinery's YAMLReader decodes documents one by one.
    ['{apiVersion: v1, kind: Namespace, metadata: {name: a}}\n---\n{apiVersion: v1, kind: Namespace, metadata: {name: a}}\n--- # next\nspec:\n    selector: {}\n  replicas: 2\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key'],
    ['{apiVersion: v1, kind: Namespace, metadata: {name: a}}\n---\nb: c: d\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context'],
    ['kind: Pod\n', 'error validating "x.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false'],
    ['just text\n', 'error validating "x.yaml": error validating data: invalid object to validate; json: cannot unmarshal string into Go value of type map[string]interface {}'],
  ])('%j fails with kubectl wording', (text, message) => {
    let caught: unknown;
    try {
      decodeStream(text, 'x.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).message).toBe(message);
  });

  it('keeps the documents decoded before a broken one (kubectl acts on them, then reports the error)', () => {
    let caught: unknown;
    try {
      decodeStream('apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n---\nspec:\n    a: 1\n  b: 2\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n', 'x.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).decoded.map((o) => o.object.metadata.name)).toEqual(['dev']);
  });
});
