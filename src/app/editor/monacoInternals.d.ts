// Monaco modules outside its public API that kubelab imports (see monacoDiffEditor.ts).
declare module 'monaco-editor/editor/browser/widget/diffEditor/diffEditorWidget' {
  export const DiffEditorWidget: abstract new (...args: never[]) => unknown;
}
declare module 'monaco-editor/editor/standalone/browser/standaloneCodeEditor' {
  /** Added at build time by monacoTrim in vite.config.ts. */
  export function defineStandaloneDiffEditor(diffEditorWidget: abstract new (...args: never[]) => unknown): void;
}
