import type * as Monaco from 'monaco-editor/editor';
import { EditorExtensionsRegistry, type EditorContributionDescription } from 'monaco-editor/editor/browser/editorExtensions';
import { getEditorFeatures } from 'monaco-editor/editor/common/editorFeatures';
import { StandaloneServices } from 'monaco-editor/editor/standalone/browser/standaloneServices';
import { getSingletonServiceDescriptors } from 'monaco-editor/platform/instantiation/common/extensions';
import { defineKubelabThemes } from './monacoThemes';

/** Monaco's EditorContributionInstantiation.Lazy: made on first use, never ahead. */
const LAZY = 4;

/** The parts of CodeEditorWidget and StandaloneCodeEditor this file reaches into (monaco-editor 0.57). */
interface EditorInternals {
  _contributions?: {
    _pending: Map<string, EditorContributionDescription>;
    _instances: { get(id: string): unknown };
    _instantiateById(id: string): void;
  };
  _standaloneKeybindingService?: { updateResolver(): void } | null;
}

/** Monaco's root InstantiationService: its collection is where services are looked up. */
interface RootServices {
  _services?: { get(id: unknown): unknown; set(id: unknown, service: unknown): void };
  createInstance(ctor: unknown): unknown;
}

let loading: Promise<void> | undefined;

/**
 * Monaco's services start with the first editor, from the singletons registered by then; the
 * features chunk registers a few more (suggest memory, peek view, action widget...) and one
 * editor feature. Add them the way StandaloneServices.initialize does.
 */
function addLateServices(singletonsBefore: Set<unknown>, featuresBefore: Set<unknown>): RootServices {
  const root = StandaloneServices.initialize({}) as unknown as RootServices;
  const services = root._services;
  if (typeof services?.set !== 'function')
    throw new Error('monacoFeatureLoader: this Monaco version keeps its services differently; update the loader');
  for (const [id, descriptor] of getSingletonServiceDescriptors())
    if (!singletonsBefore.has(id) && !services.get(id)) services.set(id, descriptor);
  for (const feature of getEditorFeatures()) if (!featuresBefore.has(feature)) root.createInstance(feature);
  return root;
}

/**
 * Loads `monacoFeatures.ts` (once) and gives its contributions to the editors that already exist:
 * Monaco hands a contribution only to editors created after it is registered, so those made
 * before the chunk arrived get each new one here, made at once unless Monaco makes it on first
 * use; editors made later get them the usual way. The keybinding resolver is rebuilt because it
 * was cached without the new commands' keys.
 */
export function loadEditorFeatures(monaco: typeof Monaco): Promise<void> {
  loading ??= (async () => {
    const before = new Set(EditorExtensionsRegistry.getEditorContributions().map((c) => c.id));
    const singletonsBefore = new Set(getSingletonServiceDescriptors().map(([id]) => id));
    const featuresBefore = new Set(getEditorFeatures());
    const features = await import('./monacoFeatures');
    features.startLateServices(addLateServices(singletonsBefore, featuresBefore));
    // The features register theme colours of their own (the suggest widget's, the peek view's...)
    // after the theme service wrote the page's --vscode-* variables, which it does only when a theme
    // is (re)defined or set: without this the completion list had no background.
    defineKubelabThemes(monaco);
    const added = EditorExtensionsRegistry.getEditorContributions().filter((c) => !before.has(c.id));
    for (const editor of monaco.editor.getEditors()) {
      const internals = editor as unknown as EditorInternals;
      const contributions = internals._contributions;
      if (!(contributions?._pending instanceof Map) || typeof contributions._instantiateById !== 'function')
        throw new Error('monacoFeatureLoader: this Monaco version keeps editor contributions differently; update the loader');
      for (const desc of added) {
        if (contributions._pending.has(desc.id) || contributions._instances.get(desc.id)) continue;
        contributions._pending.set(desc.id, desc);
        if (desc.instantiation !== LAZY) contributions._instantiateById(desc.id);
      }
      internals._standaloneKeybindingService?.updateResolver();
    }
  })();
  // A failed fetch (the network went away) leaves the editor without its features; the next
  // editor to mount tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}
