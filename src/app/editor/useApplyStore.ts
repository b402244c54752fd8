import { create } from 'zustand';
import type { EditorActionResult } from '../../worker/createEngineApi';
import { engine } from '../client/engineClient';
import type { EditorFile } from './fileStore';
import { markersFor, type LineMarker } from './kubectlMarkers';

interface ApplyState {
  /** The last Apply or Delete, as kubectl printed it. */
  result: (EditorActionResult & { path: string }) | undefined;
  /** kubectl's complaints placed on the lines of the file they are about. */
  markers: { path: string; markers: LineMarker[] } | undefined;
  busy: boolean;
  run: (verb: 'apply' | 'delete', file: EditorFile) => Promise<void>;
  dismiss: () => void;
}

/** Apply and Delete from the editor: kubectl in the worker, its output kept for the result strip. */
export const useApplyStore = create<ApplyState>((set) => ({
  result: undefined,
  markers: undefined,
  busy: false,
  run: async (verb, file) => {
    set({ busy: true });
    const r = await engine().runOnBuffer(verb, file.path, file.text);
    const result = r.ok ? { ...r.value, path: file.path } : { command: `kubectl ${verb} -f ${file.path}`, output: `kubelab: internal error: ${r.error}\n`, exitCode: 1, path: file.path };
    set({ busy: false, result, markers: { path: file.path, markers: result.exitCode === 0 ? [] : markersFor(file.text, result.output) } });
  },
  dismiss: () => set({ result: undefined, markers: undefined }),
}));

export const selectApplyResult = (s: ApplyState) => s.result;
export const selectApplyBusy = (s: ApplyState) => s.busy;
export const selectApplyMarkers = (s: ApplyState) => s.markers;
