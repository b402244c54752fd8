import type { MonacoYamlOptions } from 'monaco-yaml';
import { K8S_SCHEMA_URI } from './k8sSchemaUri';

/**
 * monaco-yaml's options, every key spelled out (its defaults where kubelab has no reason to differ).
 * Both sides read this: monacoSetup passes it to `configureMonacoYaml`, which sends it to the worker
 * as the worker's create data, and the YAML worker builds its language service from it at boot
 * (yamlServiceAhead.ts). With every key given, monaco-yaml's merge with its defaults is this very
 * object, so the worker's prepared service matches what arrives; if a monaco-yaml update adds a key,
 * the two differ and the worker builds the service the ordinary way (slower, never wrong).
 */
export const YAML_WORKER_OPTIONS = {
  codeLens: false,
  completion: true,
  customTags: [],
  disableAdditionalProperties: false,
  disableDefaultProperties: false,
  // The worker serves this one schema from its own bundle (see k8sYaml.worker.ts); nothing is fetched.
  enableSchemaRequest: true,
  flowMapping: 'allow',
  flowSequence: 'allow',
  format: {
    bracketSpacing: true,
    enable: true,
    printWidth: 80,
    proseWrap: 'preserve',
    singleQuote: false,
    trailingComma: true,
  },
  hover: true,
  hoverAnchor: true,
  indentation: '  ',
  isKubernetes: false,
  keyOrdering: false,
  parentSkeletonSelectedFirst: false,
  schemas: [{ uri: K8S_SCHEMA_URI, fileMatch: ['**/*'] }],
  validate: true,
  yamlVersion: '1.2',
} satisfies Required<Omit<MonacoYamlOptions, 'format' | 'hoverSchemaSource'>> & { format: Required<NonNullable<MonacoYamlOptions['format']>> };
