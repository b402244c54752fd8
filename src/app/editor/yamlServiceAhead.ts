/**
 * Stands in for `monaco-worker-manager/worker` in the YAML worker's build (src/build/yamlWorkerStandIns.ts redirects
 * monaco-yaml's import here). monaco-yaml builds its language service only when Monaco's worker
 * client sends the create data, which happens after the page has evaluated Monaco (~0.5 s of a cold
 * load during which this worker is loaded and idle). Here the worker builds the service at boot
 * from the options it knows (yamlWorkerOptions.ts) and validates a small document, so the
 * Kubernetes schema is loaded and resolved before the first real request; when the create data
 * arrives and equals those options, that very service is used. A second service, or monaco-yaml's
 * `configure` on this one, would drop the resolved schema, so neither happens. Create data that
 * differs gets a service built the ordinary way.
 */
import { initialize as initializeMonacoWorker } from 'monaco-editor/editor/editor.worker';

/** What Monaco's worker server hands monaco-yaml: its host and the models the page mirrors here. */
interface WorkerContext {
  readonly host: unknown;
  getMirrorModels(): readonly MirrorModel[];
}
interface MirrorModel {
  readonly uri: unknown;
  readonly version: number;
  getValue(): string;
}
type CreateService = (ctx: WorkerContext, createData: unknown) => object;

let createService: CreateService | undefined;
let prepared: { createData: unknown; service: object; attach(ctx: WorkerContext): void } | undefined;

/** monaco-worker-manager's `initialize`, the same handshake, with a prepared service reused. */
export function initialize(create: CreateService): void {
  createService = create;
  self.onmessage = () => {
    initializeMonacoWorker((ctx: WorkerContext, createData: unknown) =>
      Object.create(serviceFor(ctx, createData, create)) as object,
    );
  };
}

function serviceFor(ctx: WorkerContext, createData: unknown, create: CreateService): object {
  const ahead = prepared;
  prepared = undefined;
  if (ahead && sameValue(ahead.createData, createData)) {
    ahead.attach(ctx);
    return ahead.service;
  }
  return create(ctx, createData);
}

/**
 * Builds the service from `createData` now and validates `warmUp` with it (a document only this
 * worker sees). Until Monaco's context arrives the service sees that document alone; then it sees
 * the page's models.
 */
export function prepareYamlService(createData: unknown, warmUp: { uri: string; text: string }): void {
  if (!createService) throw new Error('monaco-yaml has not registered its worker service');
  let live: WorkerContext | undefined;
  const warmModel: MirrorModel = { uri: warmUp.uri, version: 1, getValue: () => warmUp.text };
  const ctx: WorkerContext = {
    get host() {
      return live?.host;
    },
    getMirrorModels: () => live?.getMirrorModels() ?? [warmModel],
  };
  const service = createService(ctx, createData) as { doValidation(uri: string): Promise<unknown> };
  prepared = { createData, service, attach: (c) => (live = c) };
  // Only the schema it leaves compiled matters; a failure here would recur, and show, on a real file.
  service.doValidation(warmUp.uri).catch(() => undefined);
}

/** Structural equality of create data (plain JSON values after postMessage; key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
