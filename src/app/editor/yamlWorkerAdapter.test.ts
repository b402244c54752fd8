import { describe, expect, it, vi } from 'vitest';
import type * as Monaco from 'monaco-editor/editor';
import { withYamlWorkerAdapter } from './yamlWorkerAdapter';

describe('withYamlWorkerAdapter', () => {
  it('creates the worker itself, sends the wake-up message then the create data, and hands Monaco { worker }', () => {
    const posted: unknown[] = [];
    const fakeWorker = { postMessage: (m: unknown) => posted.push(m) } as unknown as Worker;
    const realCreate = vi.fn(() => 'client');
    const setModelMarkers = () => undefined;
    const monaco = {
      editor: { createWebWorker: realCreate, setModelMarkers },
      languages: {},
    } as unknown as typeof Monaco;
    const labels: string[] = [];
    const adapted = withYamlWorkerAdapter(monaco, (label) => {
      labels.push(label);
      return fakeWorker;
    });

    const client = (adapted.editor.createWebWorker as unknown as (o: object) => unknown)({
      label: 'yaml',
      moduleId: 'monaco-yaml/yaml.worker',
      createData: { schemas: [1] },
    });

    expect(client).toBe('client');
    expect(labels).toEqual(['yaml']);
    expect(posted).toEqual(['ignore', { schemas: [1] }]);
    expect(realCreate).toHaveBeenCalledWith({
      worker: fakeWorker,
      host: undefined,
      keepIdleModels: undefined,
    });
    // Everything else on the API is untouched.
    expect(adapted.editor.setModelMarkers).toBe(setModelMarkers);
    expect(adapted.languages).toBe(monaco.languages);
  });
});
