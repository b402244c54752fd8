import { lazy, Suspense, useEffect, useState } from 'react';
import { ApplyResult } from './ApplyResult';
import { startHomeSync } from './homeSync';
import './editor.css';
import { FileTabs } from './FileTabs';
import { selectEditTab, useEditTabs } from './kubectlEdit';
import { FileToolbar } from './FileToolbar';
import type { EditorFile } from './fileStore';
import { RenameFileForm } from './RenameFileForm';
import { selectActiveFile, selectStatus, selectStorageError } from './editorSelectors';
import { EDITOR_PANEL_ID, tabId } from './tabIds';
import { useEditorStore } from './useEditorStore';
import { useLoadEditorFiles } from './useLoadEditorFiles';
import { selectDiff, useDiffStore } from './useDiffStore';
import { EditorActions } from './EditorActions';
import { startYamlWorker } from './yamlWorkerStart';

const MonacoEditor = lazy(() => {
  startYamlWorker();
  return import('./MonacoEditor');
});
const DiffView = lazy(() => import('./DiffView'));

interface Props {
  /**
   * Applies a file to the cluster (`kubectl apply -f`). When given, the pane shows an Apply button
   * and Ctrl/Cmd+Enter applies; without it there is nothing to apply with, so neither appears.
   */
  onApply?: (file: EditorFile) => void;
  /** Deletes what a file defines (`kubectl delete -f`), after the learner confirms. */
  onDelete?: (file: EditorFile) => void;
}

/** The YAML editor pane: file tabs and actions, and Monaco, which loads after the rest of the page. */
export function EditorPane({ onApply: applyFile, onDelete: deleteFile }: Props) {
  useLoadEditorFiles();
  useEffect(startHomeSync, []);
  const status = useEditorStore(selectStatus);
  const file = useEditorStore(selectActiveFile);
  const storageError = useEditorStore(selectStorageError);
  const [renaming, setRenaming] = useState<string | null>(null);
  // A kubectl edit tab belongs to the waiting command: it is saved, not applied or deleted.
  const edit = useEditTabs(selectEditTab(file?.path));
  // Applying makes a diff on screen stale: close it, the learner sees kubectl's answer instead.
  const onApply =
    edit || !applyFile
      ? undefined
      : (f: EditorFile) => {
          useDiffStore.getState().close();
          applyFile(f);
        };
  const onDelete = edit ? undefined : deleteFile;
  const diff = useDiffStore(selectDiff);
  const showingDiff = diff !== undefined && diff.path === file?.path;

  return (
    <div className="editor-pane">
      <div className="pane-toolbar editor-toolbar">
        <FileTabs onRename={setRenaming} />
        <FileToolbar onRename={setRenaming} />
      </div>
      {file && (
        <EditorActions file={file} edit={edit} onApply={onApply} onDelete={onDelete} showingDiff={showingDiff} />
      )}
      {renaming && (
        <RenameFileForm key={renaming} path={renaming} onDone={() => setRenaming(null)} />
      )}
      {storageError && (
        <div className="editor-storage-error" role="alert">
          {storageError}
        </div>
      )}
      <div
        className="editor-body"
        id={EDITOR_PANEL_ID}
        role="tabpanel"
        aria-labelledby={file ? tabId(file.path) : undefined}
      >
        {status === 'loading' ? (
          <div className="pane-loading">Loading your files…</div>
        ) : file ? (
          <Suspense fallback={<div className="pane-loading">Loading the editor…</div>}>
            {showingDiff ? <DiffView /> : <MonacoEditor file={file} onApply={onApply} />}
          </Suspense>
        ) : (
          <div className="pane-loading">No open files. Create one with New file or an example.</div>
        )}
      </div>
      <ApplyResult />
    </div>
  );
}
