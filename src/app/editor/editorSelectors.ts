import { closedFiles } from './editorFilesModel';
import type { EditorState } from './editorStore';

/** Module-level selectors, so components re-render only when their slice changes. */
export const selectStatus = (s: EditorState) => s.status;
export const selectStorageError = (s: EditorState) => s.storageError;
export const selectOpenPaths = (s: EditorState) => s.openPaths;
export const selectActivePath = (s: EditorState) => s.activePath;
export const selectFiles = (s: EditorState) => s.files;
export const selectActiveFile = (s: EditorState) =>
  s.files.find((f) => f.path === s.activePath) ?? null;
/** Names of files without a tab; joined so the selector returns a stable primitive. */
export const selectClosedFileList = (s: EditorState) => closedFiles(s).join('\n');
/** Every file's path, joined (a stable primitive), for cleaning up editor models of files that are gone. */
export const selectFilePathList = (s: EditorState) => s.files.map((f) => f.path).join('\n');
