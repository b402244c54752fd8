import type * as Monaco from 'monaco-editor/editor';

/** The options monaco-yaml (through monaco-worker-manager) still passes to `createWebWorker`. */
interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

type MonacoApi = typeof Monaco;

/**
 * monaco-editor >= 0.53 only accepts `createWebWorker({ worker })`, while monaco-yaml 5.5 passes the
 * old `{ moduleId, label, createData }`. Without this adapter the YAML worker never starts and
 * validation silently shows no markers. We create the worker ourselves and replay the handshake
 * monaco-editor's own language workers use: one message that wakes the worker's `initialize`,
 * then the create data (the schemas).
 */
export function withYamlWorkerAdapter(
  monaco: MonacoApi,
  createWorker: (label: string) => Worker,
): MonacoApi {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = createWorker(opts.label ?? 'yaml');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return monaco.editor.createWebWorker({
      worker,
      host: opts.host,
      keepIdleModels: opts.keepIdleModels,
    });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as MonacoApi;
}
