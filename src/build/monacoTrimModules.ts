/**
 * The modules monacoTrim (monacoTrim.ts) puts in place of Monaco's: the late services the
 * features chunk registers, service ids without their implementations, a minimap that draws
 * nothing, and classes for code left out that throw and say which option brings it back.
 */

export const UNBUNDLED = '\0kubelab-monaco-unbundled';

/** What standaloneServices.js no longer registers; monacoFeatures.ts imports this. */
export const LATE_SERVICES = 'virtual:kubelab-monaco-late-services';
export const lateServicesModule = `
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
export const SERVICE_IDS = '\0kubelab-monaco-service-ids';
export const serviceIdsModule = `
import { createDecorator } from 'monaco-editor/platform/instantiation/common/instantiation';
export const IAccessibilitySignalService = createDecorator('accessibilitySignalService');
`;

/** Stands in for the minimap, which kubelab's editors turn off (editorOptions.ts, DiffView.tsx). */
export const NO_MINIMAP = '\0kubelab-monaco-no-minimap';
export const noMinimapModule = `
import { createFastDomNode } from 'monaco-editor/base/browser/fastDomNode';
import { ViewPart } from 'monaco-editor/editor/browser/view/viewPart';
import { EditorOptions } from 'monaco-editor/editor/common/config/editorOptions';
export class Minimap extends ViewPart {
  constructor(context) {
    super(context);
    if (context.configuration.options.get(EditorOptions.minimap.id).enabled)
      throw new Error('The minimap is left out of kubelab\\'s Monaco build (src/build/monacoTrim.ts); it runs only with minimap: { enabled: true }.');
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

export const unbundledModule = `
const gone = (name, when) => class {
  constructor() {
    throw new Error(name + ' is left out of kubelab\\'s Monaco build (src/build/monacoTrim.ts); it runs only ' + when + '.');
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
