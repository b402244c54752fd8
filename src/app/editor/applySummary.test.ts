import { describe, expect, it } from 'vitest';
import { summarizeOutput } from './applySummary';

describe('summarizing a long kubectl answer', () => {
  it('counts objects per operation and the errors, as kubectl named them', () => {
    const lines = [
      ...Array.from({ length: 1200 }, (_, i) => `configmap/cm-${i} created`),
      'service/web unchanged',
      'deployment.apps/web configured',
      'service/x created (server dry run)',
      'The Service "bad" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'Error from server (AlreadyExists): error when creating "x.yaml": services "y" already exists',
      'error: error parsing x.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
    ];
    expect(summarizeOutput(`${lines.join('\n')}\n`)).toBe('1,201 created, 1 unchanged, 1 configured, 3 errors');
    expect(summarizeOutput('')).toBe('no objects');
  });
});
