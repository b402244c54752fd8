import { DiffEditor } from '@monaco-editor/react';
import { use, useEffect, useRef } from 'react';
import { selectTheme, useUiStore } from '../state/useUiStore';
import type { DocumentDiff } from '../../worker/createEngineApi';
import { loadEditorFeatures } from './monacoFeatureLoader';
import { monaco } from './monacoSetup';
import './monacoDiffEditor';
import { MONACO_THEME } from './monacoThemes';
import { DIFF_SCHEME, selectDiff, useDiffStore } from './useDiffStore';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

const CHANGE_LABEL: Record<DocumentDiff['change'], string> = {
  create: 'new',
  update: 'changed',
  none: 'no changes',
};

/**
 * What Apply would change, document by document: the live object (left) against what a
 * server-side dry-run apply returns (right), in Monaco's diff editor. Lives in the lazy chunk.
 */
export default function DiffView() {
  // The diff editor asks for services that register with the editing features (context menu,
  // clipboard, hover; see monacoFeatures.ts): it renders once they are in.
  use(loadEditorFeatures(monaco));
  const diff = useDiffStore(selectDiff);
  const selected = useDiffStore((s) => s.selected);
  const { select, close } = useDiffStore.getState();
  const theme = useUiStore(selectTheme);
  const reducedMotion = usePrefersReducedMotion();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const generation = useDiffStore((s) => s.generation);
  const folder = `/${generation}/${selected}/`;
  // The diff editor keeps the models it is given (disposing them itself races its own reset and
  // logs an error); once it has moved on to this document's models, drop the older ones.
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const m of monaco.editor.getModels())
        if (m.uri.scheme === DIFF_SCHEME && !m.uri.path.startsWith(folder)) m.dispose();
    }, 0);
    return () => clearTimeout(timer);
  }, [folder]);
  if (!diff) return null;
  const doc = diff.documents[selected];
  const changes = diff.documents.filter((d) => d.change !== 'none').length;
  const label = (d: DocumentDiff) => `${d.namespace ? `${d.namespace}/` : ''}${d.name}`;

  return (
    <div
      className="diff-view"
      role="region"
      aria-label={`Diff of ${diff.path} against the cluster`}
      // Capture: Monaco stops the keys it handles from bubbling. Escape in its find box closes the box only.
      onKeyDownCapture={(e) => {
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.find-widget')) close();
      }}
    >
      <div className="diff-head">
        <code>$ {diff.command}</code>
        <span className="diff-summary" role="status">
          {diff.documents.length === 0
            ? 'Nothing to compare.'
            : changes === 0
              ? `No changes: the cluster already matches ${diff.path}.`
              : `${changes} of ${diff.documents.length} object${diff.documents.length === 1 ? '' : 's'} would change.`}
        </span>
        <button type="button" className="btn btn-small" ref={closeButton} onClick={close} title="Back to the editor (Escape)">
          Close diff
        </button>
      </div>
      {diff.documents.length > 0 && (
        <div className="diff-docs" role="group" aria-label="Objects in the file">
          {diff.documents.map((d, i) => (
            <button
              type="button"
              key={`${label(d)}#${i}`}
              className={`diff-doc is-${d.change}`}
              aria-pressed={i === selected}
              onClick={() => select(i)}
            >
              {label(d)} <span className="diff-change">({CHANGE_LABEL[d.change]})</span>
            </button>
          ))}
        </div>
      )}
      {diff.messages && <pre className={`diff-messages${diff.exitCode !== 0 ? ' is-error' : ''}`}>{diff.messages}</pre>}
      {doc && (
        <div className="diff-editor">
          <DiffEditor
            original={doc.live}
            modified={doc.merged}
            language="yaml"
            originalModelPath={`${DIFF_SCHEME}:${folder}live/${doc.name}.yaml`}
            modifiedModelPath={`${DIFF_SCHEME}:${folder}merged/${doc.name}.yaml`}
            keepCurrentOriginalModel
            keepCurrentModifiedModel
            theme={MONACO_THEME[theme]}
            onMount={(editor) => {
              // Land on the first change, wherever it is in the object.
              const off = editor.onDidUpdateDiff(() => {
                off.dispose();
                editor.revealFirstDiff();
              });
            }}
            options={{
              readOnly: true,
              editContext: false,
              originalEditable: false,
              minimap: { enabled: false },
              scrollBeyondLastLine: false,
              automaticLayout: true,
              fontSize: 13,
              renderOverviewRuler: false,
              // Long objects: fold what did not change, as VS Code's diff does.
              hideUnchangedRegions: { enabled: doc.change === 'update' },
              smoothScrolling: !reducedMotion,
              modifiedAriaLabel: `${doc.name} after apply`,
              originalAriaLabel: `${doc.name} live`,
            }}
          />
        </div>
      )}
    </div>
  );
}
