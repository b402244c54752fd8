import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { selectTheme, useUiStore } from '../state/useUiStore';
import { editorOptions } from './editorOptions';
import { isEditTab, saveEdit } from './kubectlEdit';
import type { EditorFile } from './fileStore';
import { loadEditorFeatures } from './monacoFeatureLoader';
import { monaco } from './monacoSetup';
import { MONACO_THEME } from './monacoThemes';
import { selectFilePathList } from './editorSelectors';
import { selectApplyMarkers, useApplyStore } from './useApplyStore';
import { DIFF_SCHEME } from './useDiffStore';
import { editorStore, useEditorStore } from './useEditorStore';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { createActiveModelAhead } from './activeModelAhead';

createActiveModelAhead(monaco, editorStore.getState());

interface Props {
  file: EditorFile;
  onApply?: (file: EditorFile) => void;
}

/** The Monaco instance itself; lives in its own lazily loaded chunk. One model per file keeps undo history per tab. */
export default function MonacoEditor({ file, onApply }: Props) {
  const theme = useUiStore(selectTheme);
  const reducedMotion = usePrefersReducedMotion();
  // The keybinding is registered once; it reads the latest file and callback through refs.
  const latest = useRef({ file, onApply });
  useEffect(() => {
    latest.current = { file, onApply };
  });

  // Models outlive tabs (so closing and reopening keeps undo history) but not files: a model left
  // behind by a rename would hand its stale text to a new file that reuses the old name.
  const filePaths = useEditorStore(selectFilePathList);
  const mounted = useRef<Parameters<OnMount>[0] | null>(null);
  useEffect(() => {
    const keep = new Set(filePaths.split('\n').map((p) => monaco.Uri.parse(p).toString()));
    const shown = mounted.current?.getModel();
    for (const model of monaco.editor.getModels()) {
      if (model !== shown && model.getLanguageId() === 'yaml' && model.uri.scheme !== DIFF_SCHEME && !keep.has(model.uri.toString()))
        model.dispose();
    }
  }, [filePaths]);

  // What kubectl said about this file's last Apply, on the lines it is about.
  const applyMarkers = useApplyStore(selectApplyMarkers);
  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(file.path));
    if (!model) return;
    const mine = applyMarkers?.path === file.path ? applyMarkers.markers : [];
    monaco.editor.setModelMarkers(
      model,
      'kubectl',
      mine.map((m) => ({ severity: monaco.MarkerSeverity.Error, message: m.message, source: 'kubectl apply', startLineNumber: m.line, startColumn: m.column, endLineNumber: m.line, endColumn: model.getLineMaxColumn(m.line) })),
    );
  }, [applyMarkers, file.path]);

  // Ctrl/Cmd+Enter applies only when there is something to apply with; otherwise the key is free.
  const canApply = useRef<{ set(value: boolean): void } | null>(null);
  useEffect(() => {
    canApply.current?.set(onApply !== undefined);
  }, [onApply]);

  const onMount: OnMount = (editor) => {
    mounted.current = editor;
    void loadEditorFeatures(monaco);
    canApply.current = editor.createContextKey(
      'kubelabCanApply',
      latest.current.onApply !== undefined,
    );
    editor.addAction({
      id: 'kubelab.apply',
      label: 'Apply file to the cluster (kubectl apply -f)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      precondition: 'kubelabCanApply',
      run: () => {
        const { file: current, onApply: apply } = latest.current;
        apply?.(current);
      },
    });
    // Ctrl/Cmd+S saves: a kubectl edit tab into kubectl's file (which applies it), any other file
    // into the browser's storage at once (it is saved as you type too), never the browser's "Save page".
    editor.addAction({
      id: 'kubelab.save',
      label: 'Save file',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => {
        const path = latest.current.file.path;
        if (isEditTab(path)) void saveEdit(path);
        else void editorStore.getState().flush();
      },
    });
  };

  return (
    <Editor
      // With fixedOverflowWidgets, Monaco puts the context menu's shadow root in this container (the
      // layout service's), not in .monaco-editor; its colours are CSS variables the theme defines on
      // .monaco-editor and .monaco-component only, so without this class the menu had no background.
      className="monaco-component"
      path={file.path}
      language="yaml"
      value={file.text}
      theme={MONACO_THEME[theme]}
      onMount={onMount}
      onChange={(v) => editorStore.getState().setText(file.path, v ?? '')}
      options={editorOptions({ path: file.path, reducedMotion })}
    />
  );
}
