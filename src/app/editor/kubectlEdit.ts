/**
 * `kubectl edit` in the browser. The command waits in the terminal while its temp file
 * (`/tmp/kubectl-edit-N.yaml` on the learner's machine) is open in a tab here, as it waits for
 * `vi` on a real terminal. Save writes the file in the worker's filesystem, which is what kubectl
 * waits for; closing the tab is quitting the editor without saving. When kubectl rejects the change it rewrites the file with its errors on top and
 * "reopens" it: the tab then shows that text.
 */
import { create } from 'zustand';
import { engine, onEngineRestart } from '../client/engineClient';
import { showInTab } from './homeSync';
import { editorStore } from './useEditorStore';

/** What the terminal hands over for the command waiting on the file. */
export interface EditCommand {
  /** Quits the editor without saving: kubectl cancels the edit. */
  cancel(): void;
  /** Resolves once the command has read the saved file: true while it still runs (the file was reopened). */
  settled(): Promise<boolean>;
}

export interface EditTab {
  /** The file's text as kubectl last wrote or read it; the tab is dirty when the buffer differs. */
  saved: string;
  saving: boolean;
  /** Why the last save did not reach the file, if it did not. */
  error?: string;
}

interface EditTabsState {
  tabs: Record<string, EditTab>;
}

/** The open kubectl edit tabs, for the Save button and the unsaved mark. */
export const useEditTabs = create<EditTabsState>(() => ({ tabs: {} }));

const commands = new Map<string, EditCommand>();
/** Tabs closed by the learner whose command has been asked to cancel. */
const cancelling = new Set<string>();

function patchTab(path: string, patch: Partial<EditTab>): void {
  useEditTabs.setState((s) => {
    const tab = s.tabs[path];
    return tab ? { tabs: { ...s.tabs, [path]: { ...tab, ...patch } } } : s;
  });
}

/** Opens kubectl's temp file in a tab; the terminal keeps the command waiting. */
export async function openEdit(path: string, command: EditCommand): Promise<void> {
  const text = (await engine().readHomeFile(path)) ?? '';
  commands.set(path, command);
  cancelling.delete(path);
  useEditTabs.setState((s) => ({ tabs: { ...s.tabs, [path]: { saved: text, saving: false } } }));
  showInTab(path, text);
}

/** Saves the tab into kubectl's file and waits for kubectl's verdict. */
export async function saveEdit(path: string): Promise<void> {
  const command = commands.get(path);
  const file = editorStore.getState().files.find((f) => f.path === path);
  if (!command || !file || useEditTabs.getState().tabs[path]?.saving) return;
  patchTab(path, { saving: true, error: undefined });
  const written = await engine().writeHomeFile(path, file.text);
  if (!written.ok) {
    patchTab(path, { saving: false, error: `Could not save ${path}: ${written.error}` });
    return;
  }
  const stillRunning = await command.settled();
  if (!stillRunning || !commands.has(path)) return;
  // kubectl refused the change and wrote its errors into the file: show what it wrote.
  const reopened = (await engine().readHomeFile(path)) ?? file.text;
  if (reopened !== file.text) editorStore.getState().setText(path, reopened);
  patchTab(path, { saving: false, saved: reopened });
}

/** The command ended (edited, cancelled, interrupted): its file leaves the editor. */
export function endEdit(path: string): void {
  commands.delete(path);
  cancelling.delete(path);
  useEditTabs.setState((s) => {
    const tabs = { ...s.tabs };
    delete tabs[path];
    return { tabs };
  });
  editorStore.getState().discard(path);
}

export function isEditTab(path: string): boolean {
  return commands.has(path);
}

/**
 * Closing the tab is quitting the editor without saving: kubectl then reads the file as it left
 * it, so the file is written back unchanged (the write is what kubectl waits for). It answers as
 * it does after `:q` in vi: "Edit cancelled, no changes made.", or, after a rejected save, its
 * errors and "Edit cancelled, no valid changes were saved.".
 */
async function quitUnsaved(path: string, command: EditCommand): Promise<void> {
  const onDisk = await engine().readHomeFile(path);
  const written = onDisk === undefined ? undefined : await engine().writeHomeFile(path, onDisk);
  if (!written?.ok) command.cancel();
}

editorStore.subscribe((state) => {
  for (const [path, command] of commands) {
    if (state.openPaths.includes(path) || cancelling.has(path)) continue;
    cancelling.add(path);
    void quitUnsaved(path, command);
  }
});

// The worker died with the kubectl edit waiting in it: keep what the learner typed as a home file.
onEngineRestart(() => {
  for (const path of [...commands.keys()]) {
    const text = editorStore.getState().files.find((f) => f.path === path)?.text;
    endEdit(path);
    if (text !== undefined) editorStore.getState().newFile(path.split('/').pop()!, text);
  }
});

export const selectEditTab = (path: string | undefined) => (s: EditTabsState) => (path ? s.tabs[path] : undefined);
