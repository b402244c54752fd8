import { describe, expect, it } from 'vitest';
import { camelcaseSplit, describeGeneric, smartLabelFor } from './generic';
import { NOW } from '../testing/fixtures';

describe('generic describer', () => {
  // fatih/camelcase README examples.
  it.each([
    ['', []],
    ['lowercase', ['lowercase']],
    ['Class', ['Class']],
    ['MyClass', ['My', 'Class']],
    ['MyC', ['My', 'C']],
    ['HTML', ['HTML']],
    ['PDFLoader', ['PDF', 'Loader']],
    ['AString', ['A', 'String']],
    ['SimpleXMLParser', ['Simple', 'XML', 'Parser']],
    ['vimRPCPlugin', ['vim', 'RPC', 'Plugin']],
    ['GL11Version', ['GL', '11', 'Version']],
    ['99Bottles', ['99', 'Bottles']],
    ['May5', ['May', '5']],
    ['BFG9000', ['BFG', '9000']],
  ])('camelcase.Split(%j)', (input, want) => expect(camelcaseSplit(input)).toEqual(want));

  it.each([
    ['apiVersion', 'API Version'],
    ['involvedObject', 'Involved Object'],
    ['uid', 'UID'],
    ['serverAddressByClientCIDRs', 'Server Address By Client CIDRs'],
    ['field.with.dots', 'field.with.dots'],
    ['kind', 'Kind'],
  ])('smartLabelFor(%j)', (field, label) => expect(smartLabelFor(field)).toBe(label));

  it('prints every field but the skipped metadata, nested maps and lists indented', () => {
    const out = describeGeneric(
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default', uid: 'u1', managedFields: [{ manager: 'x' }] }, eventTime: null, count: 2, involvedObject: { kind: 'Pod', name: 'web' }, related: ['a', 'b'] } as never,
      [],
      NOW,
    );
    expect(out).toBe(`Name:         web.1
Namespace:    default
Labels:       <none>
Annotations:  <none>
API Version:  v1
Count:        2
Event Time:   <nil>
Involved Object:
  Kind:  Pod
  Name:  web
Kind:    Event
Metadata:
  UID:  u1
Related:
  a
  b
Events:  <none>
`);
  });
});
