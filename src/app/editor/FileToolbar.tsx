import { selectActivePath, selectClosedFileList } from './editorSelectors';
import { isTransientPath } from './editorFilesModel';
import { STARTER_SNIPPETS } from './starterSnippets';
import { editorStore, useEditorStore } from './useEditorStore';

interface Props {
  onRename: (path: string) => void;
}

/** New file, new file from an example, reopen a closed file, rename the current one. */
export function FileToolbar({ onRename }: Props) {
  const activePath = useEditorStore(selectActivePath);
  const closedList = useEditorStore(selectClosedFileList);
  const closed = closedList ? closedList.split('\n') : [];

  return (
    <div className="file-toolbar">
      <button
        type="button"
        className="btn btn-small"
        onClick={() => editorStore.getState().newFile('untitled.yaml', '')}
      >
        New file
      </button>
      <select
        aria-label="New file from example"
        value=""
        onChange={(e) => {
          const snippet = STARTER_SNIPPETS.find((s) => s.id === e.target.value);
          if (snippet) editorStore.getState().newFile(snippet.fileName, snippet.text);
        }}
      >
        <option value="" disabled>
          Examples…
        </option>
        {STARTER_SNIPPETS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      {closed.length > 0 && (
        <select
          aria-label="Reopen a closed file"
          value=""
          onChange={(e) => e.target.value && editorStore.getState().open(e.target.value)}
        >
          <option value="" disabled>
            Reopen…
          </option>
          {closed.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
      {activePath && !isTransientPath(activePath) && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Rename ${activePath}`}
          title="Rename (F2 on a tab)"
          onClick={() => onRename(activePath)}
        >
          Rename
        </button>
      )}
    </div>
  );
}
