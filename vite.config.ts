import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const prettierStandIn = fileURLToPath(new URL('./src/app/editor/prettierOnDemand.ts', import.meta.url));

/** Points monaco-yaml's worker at src/app/editor/prettierOnDemand.ts instead of prettier itself. */
function prettierOnDemand(): Plugin {
  const redirected = new Set(['prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree']);
  return {
    name: 'kubelab-prettier-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!redirected.has(source) || !importer) return null;
      return /monaco-yaml[\\/]yaml\.worker\.js$/.test(importer) ? prettierStandIn : null;
    },
  };
}

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url));

export default defineConfig({
  // monacoTrim: leave out the Monaco code kubelab never runs and defer the diff editor (see below).
  plugins: [monacoTrim(), react()],
  resolve: {
    // monaco-yaml deep-imports monaco-editor/esm/vs/... which the package's exports map hides.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}/$1` }],
  },
  // prettierOnDemand: the YAML worker fetches prettier when a file is first formatted (see that file).
  worker: { format: 'es', plugins: () => [prettierOnDemand()] },
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

/**
 * Build-time trims of Monaco (monaco-editor 0.57) so the editor chunk carries what YAML editing
 * uses. `monaco-editor/editor` is the bare API, but three of its modules pull code the editor
 * never runs:
 *
 * - standaloneCodeEditor.js statically imports the diff editor (~130 KB minified) for
 *   `createDiffEditor`. Here its StandaloneDiffEditor2 class is defined by
 *   `defineStandaloneDiffEditor(DiffEditorWidget)`, which src/app/editor/monacoDiffEditor.ts
 *   calls from the lazy DiffView chunk: the diff code loads when Diff is pressed.
 * - standaloneEditor.js imports the multi-file diff editor only for `createMultiFileDiffEditor`,
 *   which kubelab never calls; that function now throws and says why.
 * - view.js imports the experimental WebGPU renderer and the EditContext input path, both taken
 *   only under options kubelab's editors never set (`experimentalGpuAcceleration: 'on'`,
 *   `editContext: true`; editorOptions.ts and DiffView.tsx turn editContext off). Their
 *   constructors now throw and say which option brings them back.
 *
 * Every replacement matches the exact source text and fails the build when it does not, so a
 * Monaco upgrade cannot silently ship an untrimmed (or broken) editor.
 */

const UNBUNDLED = '\0kubelab-monaco-unbundled';

/** What standaloneServices.js no longer registers; monacoFeatures.ts imports this. */
const LATE_SERVICES = 'virtual:kubelab-monaco-late-services';
const lateServicesModule = `
import { registerSingleton } from 'monaco-editor/platform/instantiation/common/extensions';
import { IQuickInputService } from 'monaco-editor/platform/quickinput/common/quickInput';
import { ListService, IListService } from 'monaco-editor/platform/list/browser/listService';
import { StandaloneQuickInputService } from 'monaco-editor/editor/standalone/browser/quickInput/standaloneQuickInputService';
registerSingleton(IListService, ListService, 0);
registerSingleton(IQuickInputService, StandaloneQuickInputService, 0);
`;

const unbundledModule = `
const gone = (name, option) => class {
  constructor() {
    throw new Error(name + ' is left out of kubelab\\'s Monaco build (vite.config.ts, monacoTrim); it runs only with ' + option + '.');
  }
};
export const ViewGpuContext = gone('The WebGPU renderer', "experimentalGpuAcceleration: 'on'");
export const ViewLinesGpu = ViewGpuContext;
export const RulersGpu = ViewGpuContext;
export const GpuMarkOverlay = ViewGpuContext;
export const NativeEditContext = gone('The EditContext input path', 'editContext: true');
`;

/** File (under esm/vs/) → [exact text, replacement] pairs. */
const EDITS: Record<string, Array<[string, string]>> = {
  'editor/standalone/browser/standaloneCodeEditor.js': [
    ["import { DiffEditorWidget } from '../../browser/widget/diffEditor/diffEditorWidget.js';\n", ''],
    [
      'let StandaloneDiffEditor2 = class StandaloneDiffEditor2 extends DiffEditorWidget {',
      "let StandaloneDiffEditor2 = class {\n    constructor() {\n        throw new Error('The diff editor loads with DiffView: import src/app/editor/monacoDiffEditor.ts first.');\n    }\n};\n" +
        'function defineStandaloneDiffEditor(DiffEditorWidget) {\nStandaloneDiffEditor2 = class StandaloneDiffEditor2 extends DiffEditorWidget {',
    ],
    ['], StandaloneDiffEditor2);\n', '], StandaloneDiffEditor2);\n}\n'],
    [
      'export { StandaloneCodeEditor, StandaloneDiffEditor2, StandaloneEditor, createTextModel };',
      'export { StandaloneCodeEditor, StandaloneDiffEditor2, StandaloneEditor, createTextModel, defineStandaloneDiffEditor };',
    ],
  ],
  'editor/standalone/browser/standaloneEditor.js': [
    ["import { MultiDiffEditorWidget } from '../../browser/widget/multiDiffEditor/multiDiffEditorWidget.js';\n", ''],
    [
      "    return new MultiDiffEditorWidget(domElement, {}, { variant: 'noCardsNonCompact' }, instantiationService);",
      "    throw new Error('createMultiFileDiffEditor is left out of kubelab\\'s Monaco build (vite.config.ts, monacoTrim).');",
    ],
  ],
  // The quick input (pickers, input boxes) and the list/tree service are used only by features in
  // monacoFeatures.ts; they register from there (LATE_SERVICES) with the other late services.
  'editor/standalone/browser/standaloneServices.js': [
    ["import { ListService, IListService } from '../../../platform/list/browser/listService.js';\n", ''],
    ["import { StandaloneQuickInputService } from './quickInput/standaloneQuickInputService.js';\n", ''],
    ['registerSingleton(IListService, ListService, 0 /* InstantiationType.Eager */);\n', ''],
    ['registerSingleton(IQuickInputService, StandaloneQuickInputService, 0 /* InstantiationType.Eager */);\n', ''],
  ],
  'editor/browser/view.js': [
    ["import { ViewGpuContext } from './gpu/viewGpuContext.js';\n", `import { ViewGpuContext } from '${UNBUNDLED}';\n`],
    ["import { ViewLinesGpu } from './viewParts/viewLinesGpu/viewLinesGpu.js';\n", `import { ViewLinesGpu } from '${UNBUNDLED}';\n`],
    ["import { RulersGpu } from './viewParts/rulersGpu/rulersGpu.js';\n", `import { RulersGpu } from '${UNBUNDLED}';\n`],
    ["import { GpuMarkOverlay } from './viewParts/gpuMark/gpuMark.js';\n", `import { GpuMarkOverlay } from '${UNBUNDLED}';\n`],
    [
      "import { NativeEditContext } from './controller/editContext/native/nativeEditContext.js';\n",
      `import { NativeEditContext } from '${UNBUNDLED}';\n`,
    ],
  ],
};

/** Applies one file's edits; throws when an expected text is missing or appears twice. */
function trimMonacoSource(relPath: string, code: string): string | null {
  const edits = EDITS[relPath];
  if (!edits) return null;
  let out = code.replace(/\r\n/g, '\n');
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0)
      throw new Error(`monacoTrim: expected exactly one ${JSON.stringify(from.slice(0, 60))} in monaco-editor/esm/vs/${relPath}; update monacoTrim in vite.config.ts for this Monaco version`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** Vite/rolldown plugin: the same trims for the build and for the dev server's dependency pre-bundling. */
function monacoTrim(): Plugin {
  return {
    name: 'kubelab-monaco-trim',
    enforce: 'pre' as const,
    resolveId(id: string) {
      if (id === LATE_SERVICES) return `\0${LATE_SERVICES}`;
      return id === UNBUNDLED ? UNBUNDLED : null;
    },
    load(id: string) {
      if (id === `\0${LATE_SERVICES}`) return lateServicesModule;
      return id === UNBUNDLED ? unbundledModule : null;
    },
    transform(code: string, id: string) {
      const rel = id.replace(/\\/g, '/').match(/monaco-editor\/esm\/vs\/(.*?)(\?.*)?$/)?.[1];
      if (!rel) return null;
      const out = trimMonacoSource(rel, code);
      return out === null ? null : { code: out, map: null };
    },
  };
}

