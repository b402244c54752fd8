import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-yaml deep-imports monaco-editor/esm/vs/... which the package's exports map hides.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}/$1` }],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
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
