import type { Plugin } from 'vite';
import { EDITS } from './monacoTrimEdits.ts';
import { LATE_SERVICES, lateServicesModule, NO_MINIMAP, noMinimapModule, SERVICE_IDS, serviceIdsModule, UNBUNDLED, unbundledModule } from './monacoTrimModules.ts';
import { dropSettingsDescriptions } from './settingsDescriptions.ts';

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

/** Applies one file's edits; throws when an expected text is missing or appears twice. */
function trimMonacoSource(relPath: string, code: string): string | null {
  const edits = EDITS[relPath];
  if (!edits) return null;
  let out = code.replace(/\r\n/g, '\n');
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0)
      throw new Error(`monacoTrim: expected exactly one ${JSON.stringify(from.slice(0, 60))} in monaco-editor/esm/vs/${relPath}; update src/build/monacoTrimEdits.ts for this Monaco version`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** Vite/rolldown plugin: the same trims for the build and for the dev server's dependency pre-bundling. */
export function monacoTrim(): Plugin {
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
