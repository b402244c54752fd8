/**
 * The editor's files are the learner's home folder on the control-plane node: every buffer is
 * written there (so `cat web.yaml` and `kubectl apply -f web.yaml` in the terminal see what the
 * editor shows), and `vim FILE` in the terminal opens that file here.
 */
import { engine, onEngineRestart } from '../client/engineClient';
import { isTransientPath } from './editorFilesModel';
import { editorStore } from './useEditorStore';

const HOME = '/root/';
const WRITE_DELAY_MS = 200;

let started = false;

/** Starts mirroring buffers into the home folder (once; safe to call again). */
export function startHomeSync(): void {
  if (started) return;
  started = true;
  const written = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const f of editorStore.getState().files) {
      // kubectl edit's file is written only when the learner saves it: that write is what kubectl waits for.
      if (isTransientPath(f.path) || written.get(f.path) === f.text) continue;
      written.set(f.path, f.text);
      void engine().writeHomeFile(f.path, f.text);
    }
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(flush, WRITE_DELAY_MS);
  };
  editorStore.subscribe(schedule);
  // A fresh worker has an empty home: write every buffer there again (and to IndexedDB at once).
  onEngineRestart(() => {
    written.clear();
    void editorStore.getState().flush();
    schedule();
  });
  schedule();
}

/** Why the editor cannot open `path` (only the home folder's own files are editor files). */
export function editorPathProblem(path: string): string | undefined {
  if (!path.startsWith(HOME) || path.length === HOME.length || path.slice(HOME.length).includes('/')) return `kubelab: the editor opens files in ${HOME} only: ${path}`;
  return undefined;
}

/** Opens a file of the learner's home in a tab with its current text (`vim FILE`). */
export async function openFromTerminal(path: string): Promise<void> {
  if (editorPathProblem(path)) return;
  const name = path.slice(HOME.length);
  showInTab(name, (await engine().readHomeFile(name)) ?? '');
}

/** Shows `text` as the file at `path`: its tab if it has one (text replaced), else a new tab. */
export function showInTab(path: string, text: string): void {
  const store = editorStore.getState();
  if (store.files.some((f) => f.path === path)) {
    store.setText(path, text);
    store.open(path);
  } else {
    store.newFile(path, text);
  }
}
