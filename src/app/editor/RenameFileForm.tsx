import { useState, type FormEvent } from 'react';
import { editorStore } from './useEditorStore';

interface Props {
  path: string;
  onDone: () => void;
}

/** Inline rename: Enter saves, Escape cancels; the reason a name is refused is announced. */
export function RenameFileForm({ path, onDone }: Props) {
  const [name, setName] = useState(path);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = editorStore.getState().rename(path, name);
    if (why) setProblem(why);
    else onDone();
  };

  return (
    <form
      className="rename-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <label>
        <span className="visually-hidden">New name for {path}</span>
        <input
          // The form only appears when asked for, so taking focus is what the learner expects.
          autoFocus
          value={name}
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'rename-problem' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
          onFocus={(e) =>
            e.target.setSelectionRange(
              0,
              name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : name.length,
            )
          }
        />
      </label>
      <button type="submit" className="btn btn-small">
        Save name
      </button>
      <button type="button" className="btn btn-small" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <span id="rename-problem" className="rename-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
