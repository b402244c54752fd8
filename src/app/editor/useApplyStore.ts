import { create } from 'zustand';
import type { EditorActionResult } from '../../worker/createEngineApi';
import { engine } from '../client/engineClient';
import type { EditorFile } from './fileStore';

interface ApplyState {
  /** The last Apply or Delete, as kubectl printed it. */
  result: (EditorActionResult & { path: string }) | undefined;
  busy: boolean;
  run: (verb: 'apply' | 'delete', file: EditorFile) => Promise<void>;
  dismiss: () => void;
}

/** Apply and Delete from the editor: kubectl in the worker, its output kept for the result strip. */
export const useApplyStore = create<ApplyState>((set) => ({
  result: undefined,
  busy: false,
  run: async (verb, file) => {
    set({ busy: true });
    const r = await engine().runOnBuffer(verb, file.path, file.text);
    set({ busy: false, result: r.ok ? { ...r.value, path: file.path } : { command: `kubectl ${verb} -f ${file.path}`, output: `kubelab: internal error: ${r.error}\n`, exitCode: 1, path: file.path } });
  },
  dismiss: () => set({ result: undefined }),
}));

export const selectApplyResult = (s: ApplyState) => s.result;
export const selectApplyBusy = (s: ApplyState) => s.busy;
