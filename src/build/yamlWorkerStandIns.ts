/**
 * Stand-ins for modules monaco-yaml's worker imports, used only in the YAML worker's build (the
 * dev server and every other importer get the real modules).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Points imports of `sources` made by monaco-yaml's worker at a kubelab stand-in under
 * src/app/editor/ (see each file for why); imports of the same modules elsewhere are untouched.
 */
function standInForYamlWorker(name: string, sources: readonly string[], standIn: string): Plugin {
  const redirected = new Set(sources);
  const target = fileURLToPath(new URL(`../app/editor/${standIn}`, import.meta.url));
  return {
    name,
    enforce: 'pre',
    resolveId(source, importer) {
      if (!redirected.has(source) || !importer) return null;
      return /monaco-yaml[\\/]yaml\.worker\.js$/.test(importer) ? target : null;
    },
  };
}

/** prettier itself is fetched on first format (prettierOnDemand.ts). */
const prettierOnDemand = () =>
  standInForYamlWorker('kubelab-prettier-on-demand', ['prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree'], 'prettierOnDemand.ts');
/** jsonc-parser for the schema parse (jsoncParseFast.ts). */
const jsoncParseFastInYamlWorker = () => standInForYamlWorker('kubelab-jsonc-parse-fast', ['jsonc-parser'], 'jsoncParseFast.ts');
/** The worker handshake, with the service built at boot (yamlServiceAhead.ts). */
const yamlServiceAheadInYamlWorker = () =>
  standInForYamlWorker('kubelab-yaml-service-ahead', ['monaco-worker-manager/worker'], 'yamlServiceAhead.ts');

/** Every stand-in, for `worker.plugins`. */
export const yamlWorkerStandIns = (): Plugin[] => [prettierOnDemand(), jsoncParseFastInYamlWorker(), yamlServiceAheadInYamlWorker()];
