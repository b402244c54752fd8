import type * as Monaco from 'monaco-editor/editor';

/** What the editor's options depend on. */
export interface EditorOptionInputs {
  path: string;
  reducedMotion: boolean;
}

/**
 * Monaco options for a YAML buffer. With `prefers-reduced-motion` the editor neither scrolls
 * smoothly nor animates or blinks its cursor.
 */
export function editorOptions({
  path,
  reducedMotion,
}: EditorOptionInputs): Monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    // Off, and left out of the build (monacoTrim, src/build/monacoTrim.ts): an editor with it on throws.
    minimap: { enabled: false },
    fontSize: 14,
    fontFamily: "'JetBrains Mono', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    tabSize: 2,
    insertSpaces: true,
    detectIndentation: false,
    scrollBeyondLastLine: false,
    automaticLayout: true,
    renderWhitespace: 'none',
    folding: true,
    showFoldingControls: 'mouseover',
    bracketPairColorization: { enabled: false },
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
    overviewRulerBorder: false,
    ariaLabel: `YAML editor: ${path}`,
    // The hidden-textarea input path, not the newer EditContext one: it is what screen readers have
    // been tested against longest, and under automation EditContext dropped typed spaces.
    editContext: false,
    smoothScrolling: !reducedMotion,
    cursorSmoothCaretAnimation: reducedMotion ? 'off' : 'on',
    cursorBlinking: reducedMotion ? 'solid' : 'smooth',
  };
}
