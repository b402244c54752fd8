/** monacoTrim's exact-text edits of Monaco's sources (why: monacoTrim.ts). */
import { NO_MINIMAP, SERVICE_IDS, UNBUNDLED } from './monacoTrimModules.ts';

/** File (under esm/vs/) → [exact text, replacement] pairs. */
export const EDITS: Record<string, Array<[string, string]>> = {
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
      "    throw new Error('createMultiFileDiffEditor is left out of kubelab\\'s Monaco build (src/build/monacoTrim.ts).');",
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
