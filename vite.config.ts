import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bootImagePlugin } from './src/build/bootImage.ts';
import { precompressedAssets } from './src/build/precompressedAssets.ts';

/**
 * Points imports of `sources` made by monaco-yaml's worker at a kubelab stand-in under
 * src/app/editor/ (see each file for why); imports of the same modules elsewhere are untouched.
 */
function standInForYamlWorker(name: string, sources: readonly string[], standIn: string): Plugin {
  const redirected = new Set(sources);
  const target = fileURLToPath(new URL(`./src/app/editor/${standIn}`, import.meta.url));
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

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url));

export default defineConfig({
  // monacoTrim: leave out the Monaco code kubelab never runs and defer the diff editor (see below).
  // precompressedAssets: .br/.gz beside each asset, sent as they are by `vite preview` (see that file).
  // bootImagePlugin here too: the dev server serves worker modules through these plugins, not worker.plugins.
  plugins: [monacoTrim(), react(), precompressedAssets(), bootImagePlugin()],
  resolve: {
    // monaco-yaml deep-imports monaco-editor/esm/vs/... which the package's exports map hides.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}/$1` }],
  },
  // prettierOnDemand: the YAML worker fetches prettier when a file is first formatted (see that file).
  // jsoncParseFast: the worker parses the schema with JSON.parse where jsonc-parser gives the same (see that file).
  // yamlServiceAhead: the worker builds monaco-yaml's service and compiles the schema at boot (see that file).
  // bootImage: the engine worker starts from the default cluster settled at build time (see that file).
  worker: { format: 'es', plugins: () => [prettierOnDemand(), jsoncParseFastInYamlWorker(), yamlServiceAheadInYamlWorker(), bootImagePlugin()] },
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
 * uses at first. `monaco-editor/editor` is the bare API, but some of its modules pull code the
 * editor never runs, or runs only once the editing features (monacoFeatures.ts) are in:
 *
 * - standaloneCodeEditor.js statically imports the diff editor (~130 KB minified) for
 *   `createDiffEditor`. Here its StandaloneDiffEditor2 class is defined by
 *   `defineStandaloneDiffEditor(DiffEditorWidget)`, which src/app/editor/monacoDiffEditor.ts
 *   calls from the lazy DiffView chunk: the diff code loads when Diff is pressed.
 * - standaloneEditor.js imports the multi-file diff editor only for `createMultiFileDiffEditor`,
 *   which kubelab never calls; that function now throws and says why.
 * - view.js imports the experimental WebGPU renderer, the EditContext input path and the minimap,
 *   taken only under options kubelab's editors never set (`experimentalGpuAcceleration: 'on'`,
 *   `editContext: true`, `minimap.enabled`; editorOptions.ts and DiffView.tsx set them off, a test
 *   holds it). Their constructors now throw and say which option brings them back.
 * - Services only the editing features and the diff editor ask for (quick input, list, hover,
 *   context menu and view, clipboard, opener; with them the markdown renderer, menus, lists,
 *   select boxes) register from the features chunk (LATE_SERVICES); monacoFeatureLoader.ts adds
 *   them to Monaco's root services and runs `startLateServices`.
 * - Code standalone Monaco never runs: the editor worker's in-page fallback (only where Web
 *   Workers cannot start), tree-sitter tokens (the standalone library service supports no
 *   language), the observable debugger (a VS Code developer flag).
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
import { registerLateStandaloneServices } from 'monaco-editor/editor/standalone/browser/standaloneServices';
import { ContextMenuService } from 'monaco-editor/platform/contextview/browser/contextMenuService';
import { BrowserClipboardService } from 'monaco-editor/platform/clipboard/browser/clipboardService';
import { OpenerService } from 'monaco-editor/editor/browser/services/openerService';
import { renderAsPlaintext } from 'monaco-editor/base/browser/markdownRenderer';
import 'monaco-editor/platform/hover/browser/hoverService';
import 'monaco-editor/editor/browser/services/inlineCompletionsService';
import { setHoverDelegateFactory } from 'monaco-editor/base/browser/ui/hover/hoverDelegateFactory';
import { IHoverService, WorkbenchHoverDelegate } from 'monaco-editor/platform/hover/browser/hover';
import { setBaseLayerHoverDelegate } from 'monaco-editor/base/browser/ui/hover/hoverDelegate2';
import { IMarkdownRendererService } from 'monaco-editor/platform/markdown/browser/markdownRenderer';
import { EditorMarkdownCodeBlockRenderer } from 'monaco-editor/editor/browser/widget/markdownRenderer/browser/editorMarkdownCodeBlockRenderer';
registerSingleton(IListService, ListService, 0);
registerSingleton(IQuickInputService, StandaloneQuickInputService, 0);
import { ContextViewService } from 'monaco-editor/platform/contextview/browser/contextViewService';
import { FormattingConflicts } from 'monaco-editor/editor/contrib/format/browser/format';
registerLateStandaloneServices({ ContextMenuService, ContextViewService, BrowserClipboardService, OpenerService, renderAsPlaintext });
// What editor.api.js did: with several formatters, take the first (microsoft/monaco-editor#2327).
FormattingConflicts.setFormatterSelector((formatter) => Promise.resolve(formatter[0]));

/** What StandaloneCodeEditor's constructor did with the hover and markdown services; run once they are in the root collection. */
export function startLateServices(instantiationService) {
  setHoverDelegateFactory((placement, enableInstantHover) => instantiationService.createInstance(WorkbenchHoverDelegate, placement, { instantHover: enableInstantHover }, {}));
  instantiationService.invokeFunction((accessor) => {
    setBaseLayerHoverDelegate(accessor.get(IHoverService));
    accessor.get(IMarkdownRendererService).setDefaultCodeBlockRenderer(instantiationService.createInstance(EditorMarkdownCodeBlockRenderer));
  });
}
`;

/** Service ids whose modules carry a whole implementation; createDecorator hands out one id per name. */
const SERVICE_IDS = '\0kubelab-monaco-service-ids';
const serviceIdsModule = `
import { createDecorator } from 'monaco-editor/platform/instantiation/common/instantiation';
export const IAccessibilitySignalService = createDecorator('accessibilitySignalService');
`;

/** Stands in for the minimap, which kubelab's editors turn off (editorOptions.ts, DiffView.tsx). */
const NO_MINIMAP = '\0kubelab-monaco-no-minimap';
const noMinimapModule = `
import { createFastDomNode } from 'monaco-editor/base/browser/fastDomNode';
import { ViewPart } from 'monaco-editor/editor/browser/view/viewPart';
import { EditorOptions } from 'monaco-editor/editor/common/config/editorOptions';
export class Minimap extends ViewPart {
  constructor(context) {
    super(context);
    if (context.configuration.options.get(EditorOptions.minimap.id).enabled)
      throw new Error('The minimap is left out of kubelab\\'s Monaco build (vite.config.ts, monacoTrim); it runs only with minimap: { enabled: true }.');
    this._domNode = createFastDomNode(document.createElement('div'));
    this._domNode.setAttribute('role', 'presentation');
    this._domNode.setAttribute('aria-hidden', 'true');
  }
  getDomNode() {
    return this._domNode;
  }
  prepareRender() {}
  render() {}
}
`;

const unbundledModule = `
const gone = (name, when) => class {
  constructor() {
    throw new Error(name + ' is left out of kubelab\\'s Monaco build (vite.config.ts, monacoTrim); it runs only ' + when + '.');
  }
};
export const ViewGpuContext = gone('The WebGPU renderer', "with experimentalGpuAcceleration: 'on'");
export const ViewLinesGpu = ViewGpuContext;
export const RulersGpu = ViewGpuContext;
export const GpuMarkOverlay = ViewGpuContext;
export const NativeEditContext = gone('The EditContext input path', 'with editContext: true');
export const EditorWorker = gone('The in-page editor worker', 'where Web Workers cannot start (kubelab needs them for its engine)');
export const DevToolsLogger = gone('The observable debugger', 'with VSCODE_DEV_DEBUG_OBSERVABLES set');
export const TreeSitterSyntaxTokenBackend = gone('Tree-sitter tokenization', 'with a tree-sitter library service (the standalone one supports no language)');
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
      "import { IAccessibilitySignalService } from '../../../platform/accessibilitySignal/browser/accessibilitySignalService.js';\n",
      `import { IAccessibilitySignalService } from '${SERVICE_IDS}';\n`,
    ],
    // The hover and markdown services load with the features (see standaloneServices.js below).
    ["import { setHoverDelegateFactory } from '../../../base/browser/ui/hover/hoverDelegateFactory.js';\n", ''],
    ["import { IHoverService, WorkbenchHoverDelegate } from '../../../platform/hover/browser/hover.js';\n", ''],
    ["import { setBaseLayerHoverDelegate } from '../../../base/browser/ui/hover/hoverDelegate2.js';\n", ''],
    ["import { IMarkdownRendererService } from '../../../platform/markdown/browser/markdownRenderer.js';\n", ''],
    ["import { EditorMarkdownCodeBlockRenderer } from '../../browser/widget/markdownRenderer/browser/editorMarkdownCodeBlockRenderer.js';\n", ''],
    [
      'constructor(domElement, _options, instantiationService, codeEditorService, commandService, contextKeyService, hoverService, keybindingService, themeService, notificationService, accessibilityService, languageConfigurationService, languageFeaturesService, markdownRendererService, userInteractionService) {',
      'constructor(domElement, _options, instantiationService, codeEditorService, commandService, contextKeyService, keybindingService, themeService, notificationService, accessibilityService, languageConfigurationService, languageFeaturesService, userInteractionService) {',
    ],
    [
      '        setHoverDelegateFactory((placement, enableInstantHover) => instantiationService.createInstance(WorkbenchHoverDelegate, placement, { instantHover: enableInstantHover }, {}));\n' +
        '        setBaseLayerHoverDelegate(hoverService);\n' +
        '        markdownRendererService.setDefaultCodeBlockRenderer(instantiationService.createInstance(EditorMarkdownCodeBlockRenderer));\n',
      '',
    ],
    [
      '    __param(5, IContextKeyService),\n    __param(6, IHoverService),\n    __param(7, IKeybindingService),\n    __param(8, IThemeService),\n' +
        '    __param(9, INotificationService),\n    __param(10, IAccessibilityService),\n    __param(11, ILanguageConfigurationService),\n' +
        '    __param(12, ILanguageFeaturesService),\n    __param(13, IMarkdownRendererService),\n    __param(14, IUserInteractionService)\n], StandaloneCodeEditor);',
      '    __param(5, IContextKeyService),\n    __param(6, IKeybindingService),\n    __param(7, IThemeService),\n' +
        '    __param(8, INotificationService),\n    __param(9, IAccessibilityService),\n    __param(10, ILanguageConfigurationService),\n' +
        '    __param(11, ILanguageFeaturesService),\n    __param(12, IUserInteractionService)\n], StandaloneCodeEditor);',
    ],
    [
      'constructor(domElement, _options, instantiationService, codeEditorService, commandService, contextKeyService, hoverService, keybindingService, themeService, notificationService, configurationService, accessibilityService, modelService, languageService, languageConfigurationService, languageFeaturesService, markdownRendererService, userInteractionService) {',
      'constructor(domElement, _options, instantiationService, codeEditorService, commandService, contextKeyService, keybindingService, themeService, notificationService, configurationService, accessibilityService, modelService, languageService, languageConfigurationService, languageFeaturesService, userInteractionService) {',
    ],
    [
      'super(domElement, options, instantiationService, codeEditorService, commandService, contextKeyService, hoverService, keybindingService, themeService, notificationService, accessibilityService, languageConfigurationService, languageFeaturesService, markdownRendererService, userInteractionService);',
      'super(domElement, options, instantiationService, codeEditorService, commandService, contextKeyService, keybindingService, themeService, notificationService, accessibilityService, languageConfigurationService, languageFeaturesService, userInteractionService);',
    ],
    [
      '    __param(5, IContextKeyService),\n    __param(6, IHoverService),\n    __param(7, IKeybindingService),\n    __param(8, IStandaloneThemeService),\n' +
        '    __param(9, INotificationService),\n    __param(10, IConfigurationService),\n    __param(11, IAccessibilityService),\n    __param(12, IModelService),\n' +
        '    __param(13, ILanguageService),\n    __param(14, ILanguageConfigurationService),\n    __param(15, ILanguageFeaturesService),\n' +
        '    __param(16, IMarkdownRendererService),\n    __param(17, IUserInteractionService)\n], StandaloneEditor);',
      '    __param(5, IContextKeyService),\n    __param(6, IKeybindingService),\n    __param(7, IStandaloneThemeService),\n' +
        '    __param(8, INotificationService),\n    __param(9, IConfigurationService),\n    __param(10, IAccessibilityService),\n    __param(11, IModelService),\n' +
        '    __param(12, ILanguageService),\n    __param(13, ILanguageConfigurationService),\n    __param(14, ILanguageFeaturesService),\n' +
        '    __param(15, IUserInteractionService)\n], StandaloneEditor);',
    ],
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
  // The hover, context menu, clipboard and opener services (with the markdown renderer, menus, lists
  // and select boxes behind them, ~90 KiB gzipped) serve only the editing features and the diff
  // editor: they register from the features chunk (LATE_SERVICES), and what StandaloneCodeEditor's
  // constructor did with the hover and markdown services runs there too (startLateServices).
  'editor/standalone/browser/standaloneServices.js': [
    ["import { ListService, IListService } from '../../../platform/list/browser/listService.js';\n", ''],
    ["import { StandaloneQuickInputService } from './quickInput/standaloneQuickInputService.js';\n", ''],
    ['registerSingleton(IListService, ListService, 0 /* InstantiationType.Eager */);\n', ''],
    ['registerSingleton(IQuickInputService, StandaloneQuickInputService, 0 /* InstantiationType.Eager */);\n', ''],
    ["import '../../../platform/hover/browser/hoverService.js';\n", ''],
    ["import '../../browser/services/inlineCompletionsService.js';\n", ''],
    [
      "import { renderAsPlaintext } from '../../../base/browser/markdownRenderer.js';\n",
      "let renderAsPlaintext = () => {\n    throw new Error('Dialogs come with the editing features (monacoFeatures.ts).');\n};\n",
    ],
    ["import { ContextMenuService } from '../../../platform/contextview/browser/contextMenuService.js';\n", ''],
    ["import { BrowserClipboardService } from '../../../platform/clipboard/browser/clipboardService.js';\n", ''],
    ["import { OpenerService } from '../../browser/services/openerService.js';\n", ''],
    ["import { ContextViewService } from '../../../platform/contextview/browser/contextViewService.js';\n", ''],
    [
      "import { IAccessibilitySignalService } from '../../../platform/accessibilitySignal/browser/accessibilitySignalService.js';\n",
      `import { IAccessibilitySignalService } from '${SERVICE_IDS}';\n`,
    ],
    [
      'let StandaloneContextViewService = class StandaloneContextViewService extends ContextViewService {',
      'let StandaloneContextViewService;\nfunction defineStandaloneContextViewService(ContextViewService) {\n' +
        'StandaloneContextViewService = class StandaloneContextViewService extends ContextViewService {',
    ],
    ['], StandaloneContextViewService);\n', '], StandaloneContextViewService);\nregisterSingleton(IContextViewService, StandaloneContextViewService, 0);\n}\n'],
    ['registerSingleton(IContextViewService, StandaloneContextViewService, 0 /* InstantiationType.Eager */);\n', ''],
    [
      'let StandaloneContextMenuService = class StandaloneContextMenuService extends ContextMenuService {',
      'function registerLateStandaloneServices(late) {\nrenderAsPlaintext = late.renderAsPlaintext;\n' +
        'defineStandaloneContextViewService(late.ContextViewService);\nconst ContextMenuService = late.ContextMenuService;\n' +
        'let StandaloneContextMenuService = class StandaloneContextMenuService extends ContextMenuService {',
    ],
    [
      '], StandaloneContextMenuService);\n',
      '], StandaloneContextMenuService);\nregisterSingleton(IContextMenuService, StandaloneContextMenuService, 0);\n' +
        'registerSingleton(IClipboardService, late.BrowserClipboardService, 0);\nregisterSingleton(IOpenerService, late.OpenerService, 0);\n}\n',
    ],
    ['registerSingleton(IOpenerService, OpenerService, 0 /* InstantiationType.Eager */);\n', ''],
    ['registerSingleton(IClipboardService, BrowserClipboardService, 0 /* InstantiationType.Eager */);\n', ''],
    ['registerSingleton(IContextMenuService, StandaloneContextMenuService, 0 /* InstantiationType.Eager */);\n', ''],
    [
      'export { StandaloneCommandService, StandaloneConfigurationService, StandaloneKeybindingService, StandaloneNotificationService, StandaloneServices, updateConfigurationService };',
      'export { StandaloneCommandService, StandaloneConfigurationService, StandaloneKeybindingService, StandaloneNotificationService, StandaloneServices, registerLateStandaloneServices, updateConfigurationService };',
    ],
  ],
  // The formatter selector is set with the format feature (LATE_SERVICES), not with the bare API.
  'editor/editor.api.js': [
    ["import { FormattingConflicts } from './contrib/format/browser/format.js';\n", ''],
    ['FormattingConflicts.setFormatterSelector((formatter, document, mode) => Promise.resolve(formatter[0]));\n', ''],
  ],
  // The observable debugger (a VS Code developer tool) runs only with VSCODE_DEV_DEBUG_OBSERVABLES.
  'base/common/observableInternal/index.js': [
    ["import { DevToolsLogger } from './logging/debugger/devToolsLogger.js';\n", `import { DevToolsLogger } from '${UNBUNDLED}';\n`],
  ],
  // The in-page fallback of the editor worker (its whole diff and link code) runs only where Web
  // Workers cannot start; kubelab's engine needs them anyway.
  'editor/browser/services/editorWorkerService.js': [
    ["import { EditorWorker } from '../../common/services/editorWebWorker.js';\n", `import { EditorWorker } from '${UNBUNDLED}';\n`],
  ],
  // Tree-sitter tokens are used only when the tree-sitter library service supports the language;
  // the standalone service supports none.
  'editor/common/model/tokens/tokenizationTextModelPart.js': [
    [
      "import { TreeSitterSyntaxTokenBackend } from './treeSitter/treeSitterSyntaxTokenBackend.js';\n",
      `import { TreeSitterSyntaxTokenBackend } from '${UNBUNDLED}';\n`,
    ],
  ],
  'editor/browser/view.js': [
    ["import { Minimap } from './viewParts/minimap/minimap.js';\n", `import { Minimap } from '${NO_MINIMAP}';\n`],
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
      return id === UNBUNDLED || id === SERVICE_IDS || id === NO_MINIMAP ? id : null;
    },
    load(id: string) {
      if (id === `\0${LATE_SERVICES}`) return lateServicesModule;
      if (id === SERVICE_IDS) return serviceIdsModule;
      if (id === NO_MINIMAP) return noMinimapModule;
      return id === UNBUNDLED ? unbundledModule : null;
    },
    transform(code: string, id: string) {
      const rel = id.replace(/\\/g, '/').match(/monaco-editor\/esm\/vs\/(.*?)(\?.*)?$/)?.[1];
      if (!rel) return null;
      const trimmed = trimMonacoSource(rel, code) ?? code;
      const out = dropSettingsDescriptions(rel, trimmed);
      return out === code ? null : { code: out, map: null };
    },
  };
}


/**
 * VS Code's settings and colour-theme editors show a description for every editor option and
 * theme colour; Monaco carries them (~50 KB of English) but never shows them: the standalone
 * editor has no settings UI, and the descriptions go only into the JSON schemas of settings nobody
 * edits. This replaces each such `localize(...)` call with '' : the values of `description`-like
 * keys (descriptions, deprecation messages, enum descriptions) and the description argument of
 * `registerColor(id, defaults, description, ...)`. Labels, aria labels and messages are untouched.
 * editorOptions.js must yield many (the build fails otherwise: Monaco changed how it writes them).
 */
const DESCRIPTION_KEY = /\b(?:description|markdownDescription|deprecationMessage|markdownDeprecationMessage|enumDescriptions|markdownEnumDescriptions)\s*:\s*/g;
const LOCALIZE_CALL = /\b(?:nls\.)?localize\(/g;

function dropSettingsDescriptions(relPath: string, code: string): string {
  if (!code.includes('localize(')) return code;
  const cuts: Array<[number, number]> = [];
  for (const m of code.matchAll(DESCRIPTION_KEY)) {
    const start = m.index + m[0].length;
    cuts.push(...localizeCallsIn(code, start, expressionEnd(code, start)));
  }
  for (const m of code.matchAll(/\bregisterColor\(/g)) {
    const args = argumentRanges(code, m.index + m[0].length);
    if (args.length >= 3) {
      const [from, to] = args[2]!;
      const calls = localizeCallsIn(code, from, to);
      if (calls.length === 1 && code.slice(from, to).trim().length === calls[0]![1] - calls[0]![0]) cuts.push(calls[0]!);
    }
  }
  if (relPath === 'editor/common/config/editorOptions.js' && cuts.length < 200)
    throw new Error(`monacoTrim: only ${cuts.length} option descriptions found in monaco-editor/esm/vs/${relPath}; update dropSettingsDescriptions in vite.config.ts for this Monaco version`);
  let out = code;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + "''" + out.slice(to);
  return out;
}

/** The `localize(...)` calls that lie within [from, to), as [start, end) ranges. */
function localizeCallsIn(code: string, from: number, to: number): Array<[number, number]> {
  const calls: Array<[number, number]> = [];
  LOCALIZE_CALL.lastIndex = from;
  for (let m = LOCALIZE_CALL.exec(code); m && m.index < to; m = LOCALIZE_CALL.exec(code)) {
    const end = closingParen(code, m.index + m[0].length);
    calls.push([m.index, end]);
    LOCALIZE_CALL.lastIndex = end;
  }
  return calls;
}

/** Skips a string or template literal starting at `at`; returns the index after it. */
function skipString(code: string, at: number): number {
  const quote = code[at];
  let i = at + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index after the `)` closing a call whose arguments start at `at`. */
function closingParen(code: string, at: number): number {
  return expressionEnd(code, at, true) + 1;
}

/** End of the expression starting at `at`: the first `,` `)` `]` `}` outside brackets and strings. */
function expressionEnd(code: string, at: number, throughCommas = false): number {
  let depth = 0;
  for (let i = at; i < code.length; ) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(code, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0 && !throughCommas) return i;
    i++;
  }
  throw new Error('monacoTrim: unbalanced code while looking for an expression end');
}

/** The [start, end) ranges of a call's arguments, the call's `(` just before `at`. */
function argumentRanges(code: string, at: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = at;
  for (;;) {
    const end = expressionEnd(code, start);
    ranges.push([start, end]);
    if (code[end] !== ',') return ranges;
    start = end + 1;
  }
}
