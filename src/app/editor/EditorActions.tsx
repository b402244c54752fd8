import type { EditorFile } from './fileStore';
import { saveEdit, type EditTab } from './kubectlEdit';
import { selectApplyBusy, useApplyStore } from './useApplyStore';
import { selectDiffBusy, useDiffStore } from './useDiffStore';

interface Props {
  file: EditorFile;
  /** Set when the file is a kubectl edit tab: it is saved, not applied. */
  edit: EditTab | undefined;
  onApply?: (file: EditorFile) => void;
  onDelete?: (file: EditorFile) => void;
  showingDiff: boolean;
}

/**
 * What the file in front can do to the cluster, on a row of its own under the tabs: Apply, Diff
 * and Delete for a home file; Save for a file `kubectl edit` is waiting on, with what that means.
 */
export function EditorActions({ file, edit, onApply, onDelete, showingDiff }: Props) {
  const diffBusy = useDiffStore(selectDiffBusy);
  // One kubectl at a time: a second Apply while a big one runs would race it.
  const applyBusy = useApplyStore(selectApplyBusy);
  if (edit) {
    return (
      <div className="pane-toolbar editor-actions" role="group" aria-label={`kubectl edit: ${file.path}`}>
        <button
          type="button"
          className="btn btn-small primary"
          title="Save (Ctrl+S): kubectl edit applies the change"
          disabled={edit.saving}
          onClick={() => void saveEdit(file.path)}
        >
          {edit.saving ? 'Saving…' : 'Save'}
        </button>
        <span className="editor-edit-notice" role="note">
          <code>kubectl edit</code> is waiting in the terminal: Save applies your changes, closing the tab cancels the edit.
        </span>
        {edit.error && (
          <span className="editor-edit-error" role="alert">
            {edit.error}
          </span>
        )}
      </div>
    );
  }
  if (!onApply && !onDelete) return null;
  return (
    <div className="pane-toolbar editor-actions" role="group" aria-label={`Cluster actions for ${file.path}`}>
      {onApply && (
        <button type="button" className="btn btn-small primary" title="Apply (Ctrl+Enter)" disabled={applyBusy} onClick={() => onApply(file)}>
          Apply
        </button>
      )}
      {onApply && (
        <button
          type="button"
          className="btn btn-small"
          title={`What kubectl apply -f ${file.path} would change (server-side dry run)`}
          disabled={diffBusy}
          aria-pressed={showingDiff}
          onClick={() => (showingDiff ? useDiffStore.getState().close() : void useDiffStore.getState().run(file))}
        >
          {diffBusy ? 'Diffing…' : 'Diff'}
        </button>
      )}
      {onDelete && (
        <button
          type="button"
          className="btn btn-small"
          title={`kubectl delete -f ${file.path}`}
          disabled={applyBusy}
          onClick={() => {
            if (window.confirm(`Delete from the cluster everything ${file.path} defines?`)) onDelete(file);
          }}
        >
          Delete
        </button>
      )}
    </div>
  );
}
