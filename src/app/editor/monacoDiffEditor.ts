/**
 * The diff editor's code, loaded with the lazy DiffView chunk rather than the editor chunk (the
 * build (monacoTrim, src/build/monacoTrim.ts) takes it out of `monaco-editor/editor`): this gives
 * `monaco.editor.createDiffEditor` its class. Import it before rendering a diff editor.
 */
import { DiffEditorWidget } from 'monaco-editor/editor/browser/widget/diffEditor/diffEditorWidget';
import { defineStandaloneDiffEditor } from 'monaco-editor/editor/standalone/browser/standaloneCodeEditor';

defineStandaloneDiffEditor(DiffEditorWidget);
