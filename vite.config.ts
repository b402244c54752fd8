import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootImagePlugin } from './src/build/bootImage.ts';
import { monacoTrim } from './src/build/monacoTrim.ts';
import { precompressedAssets } from './src/build/precompressedAssets.ts';
import { yamlWorkerStandIns } from './src/build/yamlWorkerStandIns.ts';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url));

export default defineConfig({
  // monacoTrim: leave out the Monaco code kubelab never runs and defer the diff editor (see that file).
  // precompressedAssets: .br/.gz beside each asset, sent as they are by `vite preview` (see that file).
  // bootImagePlugin here too: the dev server serves worker modules through these plugins, not worker.plugins.
  plugins: [monacoTrim(), react(), precompressedAssets(), bootImagePlugin()],
  resolve: {
    // monaco-yaml deep-imports monaco-editor/esm/vs/... which the package's exports map hides.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}/$1` }],
  },
  // yamlWorkerStandIns: prettier on demand, the schema parsed with JSON.parse, monaco-yaml's service built at boot.
  // bootImage: the engine worker starts from the default cluster settled at build time (see that file).
  worker: { format: 'es', plugins: () => [...yamlWorkerStandIns(), bootImagePlugin()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
    // The dev server pre-bundles monaco-editor; it must see the same trimmed sources as the build.
    rolldownOptions: { plugins: [monacoTrim()] },
    include: [
      'path-browserify',
      'vscode-languageserver-types',
      'vscode-languageserver-textdocument',
      'jsonc-parser',
      'vscode-uri',
      '@vscode/l10n',
      'prettier/standalone',
      'prettier/plugins/yaml',
      'yaml',
    ],
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
