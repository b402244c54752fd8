import { create } from 'zustand';
import type { BufferDiff } from '../../worker/createEngineApi';
import { engine } from '../client/engineClient';
import type { EditorFile } from './fileStore';

/** Diff models live under their own scheme, so the editor's file-model cleanup leaves them alone. */
export const DIFF_SCHEME = 'kubelab-diff';

interface DiffState {
  /** The last Diff, for the file it was taken of; shown in place of the editor until closed. */
  diff: (BufferDiff & { path: string }) | undefined;
  /** The document shown in the diff editor. */
  selected: number;
  /** Counts Diff runs: each run's editor models have their own paths, so none shows stale text. */
  generation: number;
  busy: boolean;
  run: (file: EditorFile) => Promise<void>;
  select: (index: number) => void;
  close: () => void;
}

/** Diff from the editor: what `kubectl apply -f` would change, computed in the worker. */
export const useDiffStore = create<DiffState>((set) => ({
  diff: undefined,
  selected: 0,
  generation: 0,
  busy: false,
  run: async (file) => {
    set({ busy: true });
    const r = await engine().diffBuffer(file.path, file.text);
    const diff = r.ok
      ? { ...r.value, path: file.path }
      : { command: `kubectl apply -f ${file.path} --dry-run=server`, documents: [], messages: `kubelab: internal error: ${r.error}\n`, exitCode: 1, path: file.path };
    // Open on the first document that changes: that is what the learner came to see.
    const firstChange = diff.documents.findIndex((d) => d.change !== 'none');
    set((s) => ({ busy: false, diff, selected: Math.max(0, firstChange), generation: s.generation + 1 }));
  },
  select: (selected) => set({ selected }),
  close: () => set({ diff: undefined, selected: 0 }),
}));

export const selectDiff = (s: DiffState) => s.diff;
export const selectDiffBusy = (s: DiffState) => s.busy;
