/**
 * Monaco from our own bundle, never a CDN: the editor API, the YAML grammar, and monaco-yaml, whose
 * worker carries the Kubernetes schema. Imported only by the lazy editor chunk. The editing
 * features (completion, hover, find, folding...) come in a chunk of their own right after the
 * first editor is up: see monacoFeatures.ts and monacoFeatureLoader.ts.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/yaml/register';
// The diff editor itself loads with DiffView (monacoDiffEditor.ts), but what it registers must be
// there before the first editor starts Monaco's services: its service, colors and icons (small).
import 'monaco-editor/editor/browser/widget/diffEditor/diffProviderFactoryService';
import 'monaco-editor/editor/browser/widget/diffEditor/registrations.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { defineKubelabThemes } from './monacoThemes';
import { withYamlWorkerAdapter } from './yamlWorkerAdapter';
import { YAML_WORKER_OPTIONS } from './yamlWorkerOptions';
import { takeYamlWorker } from './yamlWorkerStart';

const createWorker = (label: string): Worker =>
  label === 'yaml' ? takeYamlWorker() : new EditorWorker();

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => createWorker(label),
};

loader.config({ monaco });
defineKubelabThemes(monaco);

configureMonacoYaml(
  withYamlWorkerAdapter(monaco, createWorker) as unknown as Parameters<
    typeof configureMonacoYaml
  >[0],
  YAML_WORKER_OPTIONS,
);

export { monaco };
