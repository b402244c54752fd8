import { useStore } from 'zustand';
import { createEditorStore, localSessionMemory, type EditorState } from './editorStore';
import { MemoryFileStore } from './fileStore';
import { IdbFileStore } from './idbFileStore';

/** The app's one editor store: files in IndexedDB when the browser allows it, else in memory. */
export const editorStore = createEditorStore(
  typeof indexedDB === 'undefined' ? new MemoryFileStore() : new IdbFileStore(),
  localSessionMemory(),
);

/** Selects from the editor store (use the module-level selectors in editorSelectors.ts). */
export function useEditorStore<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, selector);
}
