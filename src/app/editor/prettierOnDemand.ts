/**
 * Stands in for `prettier/standalone` and its YAML/estree plugins inside the YAML worker (the build
 * points monaco-yaml's imports here, see src/build/yamlWorkerStandIns.ts): prettier is ~450 KB of the worker's
 * script and only Format Document uses it, so it is fetched the first time a file is formatted
 * instead of with every cold start. The plugins monaco-yaml passes are this module's namespace;
 * the real ones replace them.
 */
import type { Options } from 'prettier';

export async function format(text: string, options: Options): Promise<string> {
  const [prettier, yaml, estree] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/yaml'),
    import('prettier/plugins/estree'),
  ]);
  return prettier.format(text, { ...options, plugins: [yaml, estree] });
}
