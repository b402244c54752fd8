import { lazy, Suspense, useState } from 'react';
import { STARTER_MANIFEST } from './starterManifest';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

/** The YAML editor pane: a file tab and Monaco, which loads after the rest of the page. */
export function EditorPane() {
  const [text, setText] = useState(STARTER_MANIFEST);
  const path = 'web.yaml';
  return (
    <div className="editor-pane">
      <div className="pane-toolbar">
        <span className="file-tab" aria-current="page">
          {path}
        </span>
      </div>
      <div className="editor-body">
        <Suspense fallback={<div className="pane-loading">Loading the editor…</div>}>
          <MonacoEditor path={path} value={text} onChange={setText} />
        </Suspense>
      </div>
    </div>
  );
}
