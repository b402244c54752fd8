// Monaco modules outside its public API that kubelab imports (see monacoDiffEditor.ts).
declare module 'monaco-editor/editor/browser/widget/diffEditor/diffEditorWidget' {
  export const DiffEditorWidget: abstract new (...args: never[]) => unknown;
}
declare module 'monaco-editor/editor/standalone/browser/standaloneCodeEditor' {
  /** Added at build time by monacoTrim, src/build/monacoTrim.ts. */
  export function defineStandaloneDiffEditor(diffEditorWidget: abstract new (...args: never[]) => unknown): void;
}
declare module 'monaco-editor/editor/browser/editorExtensions' {
  export interface EditorContributionDescription {
    readonly id: string;
    readonly ctor: unknown;
    readonly instantiation: number;
  }
  export const EditorExtensionsRegistry: {
    getEditorContributions(): EditorContributionDescription[];
  };
}
declare module 'monaco-editor/editor/common/editorFeatures' {
  export function getEditorFeatures(): unknown[];
}
declare module 'monaco-editor/editor/standalone/browser/standaloneServices' {
  export const StandaloneServices: { initialize(overrides: object): unknown };
}
declare module 'monaco-editor/platform/instantiation/common/extensions' {
  export function getSingletonServiceDescriptors(): [unknown, unknown][];
}
// Made by monacoTrim, src/build/monacoTrim.ts: registers the services only the editing features use.
declare module 'virtual:kubelab-monaco-late-services' {
  /** Gives the hover and markdown services their global roles (what StandaloneCodeEditor's constructor did). */
  export function startLateServices(instantiationService: unknown): void;
}
// The worker side of Monaco's worker handshake (what monaco-worker-manager/worker wraps; see yamlServiceAhead.ts).
declare module 'monaco-editor/editor/editor.worker' {
  export function initialize(create: (ctx: never, createData: unknown) => object): void;
}
