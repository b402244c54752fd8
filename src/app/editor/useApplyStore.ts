import { create } from 'zustand';
import type { EditorActionResult } from '../../worker/createEngineApi';
import { engine } from '../client/engineClient';
import type { EditorFile } from './fileStore';
import { markersFor, type LineMarker } from './kubectlMarkers';

/** Documents per step of a big Apply: small enough that the worker answers (and Cancel lands) often. */
export const APPLY_STEP = 200;
/** Past this size kubectl's complaints are not placed on lines: parsing the file again would stall the page. */
const MARKERS_MAX_CHARS = 1_000_000;

interface ApplyState {
  /** The last Apply or Delete, as kubectl printed it. */
  result: (EditorActionResult & { path: string; cancelled?: { done: number; total: number } }) | undefined;
  /** kubectl's complaints placed on the lines of the file they are about. */
  markers: { path: string; markers: LineMarker[] } | undefined;
  busy: boolean;
  /** A big Apply under way: documents applied so far, of how many. */
  progress: { done: number; total: number } | undefined;
  run: (verb: 'apply' | 'delete', file: EditorFile) => Promise<void>;
  /** Stops a big Apply after the step in flight. */
  cancel: () => void;
  dismiss: () => void;
}

const internalError = (verb: string, path: string, error: string): EditorActionResult => ({ command: `kubectl ${verb} -f ${path}`, output: `kubelab: internal error: ${error}\n`, exitCode: 1 });

let cancelRequested = false;

/** Apply and Delete from the editor: kubectl in the worker, its output kept for the result strip. */
export const useApplyStore = create<ApplyState>((set, get) => {
  const finish = (file: EditorFile, result: ApplyState['result'] & object) =>
    set({
      busy: false,
      progress: undefined,
      result,
      markers: { path: file.path, markers: result.exitCode === 0 || file.text.length > MARKERS_MAX_CHARS ? [] : markersFor(file.text, result.output) },
    });

  /** One call: what a small file needs. */
  const runOnce = async (verb: 'apply' | 'delete', file: EditorFile) => {
    const r = await engine().runOnBuffer(verb, file.path, file.text);
    finish(file, { ...(r.ok ? r.value : internalError(verb, file.path, r.error)), path: file.path });
  };

  /** A file of many documents: step by step, with progress, until done or cancelled. */
  const runStepped = async (file: EditorFile) => {
    const begun = await engine().beginApply(file.path, file.text);
    if (!begun.ok) return finish(file, { ...internalError('apply', file.path, begun.error), path: file.path });
    const { id, total } = begun.value;
    if (total <= APPLY_STEP) {
      await engine().cancelApply(id);
      return runOnce('apply', file);
    }
    set({ progress: { done: 0, total } });
    for (;;) {
      const r = await engine().stepApply(id, APPLY_STEP);
      if (!r.ok) return finish(file, { ...internalError('apply', file.path, r.error), path: file.path });
      const { done, finished, ...result } = r.value;
      if (finished) return finish(file, { ...result, path: file.path });
      if (cancelRequested) {
        await engine().cancelApply(id);
        return finish(file, { ...result, path: file.path, cancelled: { done, total } });
      }
      set({ progress: { done, total } });
    }
  };

  return {
    result: undefined,
    markers: undefined,
    busy: false,
    progress: undefined,
    run: async (verb, file) => {
      if (get().busy) return;
      cancelRequested = false;
      set({ busy: true, progress: undefined });
      await (verb === 'apply' ? runStepped(file) : runOnce(verb, file));
    },
    cancel: () => {
      cancelRequested = true;
    },
    dismiss: () => set({ result: undefined, markers: undefined }),
  };
});

export const selectApplyResult = (s: ApplyState) => s.result;
export const selectApplyBusy = (s: ApplyState) => s.busy;
export const selectApplyMarkers = (s: ApplyState) => s.markers;
export const selectApplyProgress = (s: ApplyState) => s.progress;
