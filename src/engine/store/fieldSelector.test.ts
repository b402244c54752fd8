import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { compileFieldSelector, parseFieldSelector } from './fieldSelector';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: { nodeName: 'node01' }, status: { phase: 'Running' } };

describe('field selectors', () => {
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['spec.nodeName=node01,status.phase=Running', true],
    ['spec.nodeName=node02', false],
    ['metadata.namespace=default', true],
  ])('pods %s → %s', (sel, expected) => {
    expect(compileFieldSelector('pods', true, parseFieldSelector(sel))(pod)).toBe(expected);
  });

  it('rejects fields the kind does not support', () => {
    expect(() => compileFieldSelector('services', true, parseFieldSelector('spec.nodeName=x'))).toThrow('field label not supported: spec.nodeName');
  });

  it('rejects text without an operator', () => {
    expect(() => parseFieldSelector('foo')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
  });

  it('services support spec.type and spec.clusterIP', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', clusterIP: '10.96.0.5' } };
    expect(compileFieldSelector('services', true, parseFieldSelector('spec.type=NodePort,spec.clusterIP=10.96.0.5'))(svc)).toBe(true);
  });
});
