import type * as Monaco from 'monaco-editor/editor';
import { selectActiveFile } from './editorSelectors';
import type { EditorState } from './editorStore';

/**
 * monaco-yaml sends a model to the YAML worker for validation as soon as the model exists. The
 * editor widget would make the active file's model only while it builds itself, and the request
 * leaves after that (a few hundred ms of layout on a busy page). Made ahead, when the editor chunk
 * has just loaded, the learner's file is validated while the editor is being built;
 * @monaco-editor/react then takes this model, found by the same URI (`Uri.parse(path)`).
 */
export function createActiveModelAhead(monaco: typeof Monaco, state: EditorState): void {
  const file = selectActiveFile(state);
  if (!file) return;
  const uri = monaco.Uri.parse(file.path);
  if (!monaco.editor.getModel(uri)) monaco.editor.createModel(file.text, 'yaml', uri);
}
