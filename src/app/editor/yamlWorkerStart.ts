/**
 * The YAML worker (monaco-yaml's language server and the Kubernetes schema, ~1 MB of script) is
 * started the moment the editor chunk is requested, not when Monaco first asks for it after the
 * editor is up: it downloads and evaluates while the page fetches and evaluates Monaco, so the
 * first validation does not wait for both one after the other. Only the worker's URL lives in the
 * initial chunk.
 */
import YamlWorker from './k8sYaml.worker?worker';

let started: Worker | undefined;

/** Starts the worker ahead of use; calling it again does nothing until the worker is taken. */
export function startYamlWorker(): void {
  started ??= new YamlWorker();
}

/** The worker started ahead, or a fresh one (monaco-yaml makes a new one after disposing the last). */
export function takeYamlWorker(): Worker {
  const worker = started ?? new YamlWorker();
  started = undefined;
  return worker;
}
