import { useEffect, useRef, type KeyboardEvent } from 'react';
import { selectActivePath, selectFiles, selectOpenPaths } from './editorSelectors';
import { useEditTabs } from './kubectlEdit';
import { EDITOR_PANEL_ID, tabId } from './tabIds';
import { editorStore, useEditorStore } from './useEditorStore';

interface Props {
  /** Asks to rename a file (F2 or double-click on its tab). */
  onRename: (path: string) => void;
}

/**
 * The open files as an ARIA tab list: arrow keys, Home and End move between tabs, Delete closes
 * the focused tab, F2 renames it, as in a desktop editor.
 */
export function FileTabs({ onRename }: Props) {
  const openPaths = useEditorStore(selectOpenPaths);
  const activePath = useEditorStore(selectActivePath);
  const list = useRef<HTMLDivElement>(null);
  const files = useEditorStore(selectFiles);
  const editTabs = useEditTabs((s) => s.tabs);
  /** A kubectl edit tab whose text differs from what kubectl last wrote or read. */
  const unsaved = (path: string) => {
    const tab = editTabs[path];
    return tab !== undefined && files.find((f) => f.path === path)?.text !== tab.saved;
  };

  // With many files the list scrolls sideways; keep the tab in front visible.
  useEffect(() => {
    if (activePath)
      list.current
        ?.querySelector(`#${tabId(activePath)}`)
        ?.closest('.file-tab')
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activePath]);

  const focusTab = (path: string | undefined) => {
    if (!path) return;
    editorStore.getState().open(path);
    // Focus after React re-renders the roving tabindex.
    queueMicrotask(() => list.current?.querySelector<HTMLElement>(`#${tabId(path)}`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent, path: string) => {
    const i = openPaths.indexOf(path);
    const moves: Record<string, string | undefined> = {
      ArrowRight: openPaths[(i + 1) % openPaths.length],
      ArrowLeft: openPaths[(i - 1 + openPaths.length) % openPaths.length],
      Home: openPaths[0],
      End: openPaths[openPaths.length - 1],
    };
    if (e.key in moves) {
      e.preventDefault();
      focusTab(moves[e.key]);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      editorStore.getState().close(path);
      focusTab(editorStore.getState().activePath ?? undefined);
    } else if (e.key === 'F2') {
      e.preventDefault();
      onRename(path);
    }
  };

  return (
    <div className="file-tabs" role="tablist" aria-label="Open files" ref={list}>
      {openPaths.map((path) => {
        const active = path === activePath;
        return (
          <div className={`file-tab${active ? ' is-active' : ''}`} key={path}>
            <button
              type="button"
              role="tab"
              id={tabId(path)}
              aria-selected={active}
              aria-controls={EDITOR_PANEL_ID}
              tabIndex={active ? 0 : -1}
              className="file-tab-name"
              onClick={() => editorStore.getState().open(path)}
              onDoubleClick={() => onRename(path)}
              onKeyDown={(e) => onKeyDown(e, path)}
            >
              {path}
              {unsaved(path) && (
                <>
                  <span className="file-tab-dirty" aria-hidden="true"> ●</span>
                  <span className="visually-hidden"> (unsaved)</span>
                </>
              )}
            </button>
            <button
              type="button"
              className="file-tab-close"
              aria-label={`Close ${path}`}
              title={`Close ${path} (Delete)`}
              tabIndex={active ? 0 : -1}
              onClick={() => {
                editorStore.getState().close(path);
                // The button just vanished with its tab: keep keyboard focus in the tab list.
                focusTab(editorStore.getState().activePath ?? undefined);
              }}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
