import { create } from 'zustand';

/** Which steps of each lab the learner has completed, by lab id; kept in localStorage across reloads. */
interface LabProgress {
  done: Record<string, number[]>;
  markDone: (labId: string, step: number) => void;
  reset: (labId: string) => void;
}

const KEY = 'kubelab.labProgress';

function load(): Record<string, number[]> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, number[]> = {};
    for (const [id, steps] of Object.entries(parsed)) {
      if (Array.isArray(steps)) out[id] = steps.filter((n): n is number => Number.isInteger(n));
    }
    return out;
  } catch {
    // Storage refused (private window) or garbled: start without progress.
    return {};
  }
}

function save(done: Record<string, number[]>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(done));
  } catch {
    // Private windows may refuse storage; progress then lasts for this visit.
  }
}

export const useLabProgress = create<LabProgress>((set, get) => ({
  done: load(),
  markDone: (labId, step) => {
    const steps = get().done[labId] ?? [];
    if (steps.includes(step)) return;
    const done = { ...get().done, [labId]: [...steps, step].sort((a, b) => a - b) };
    save(done);
    set({ done });
  },
  reset: (labId) => {
    const done = { ...get().done };
    delete done[labId];
    save(done);
    set({ done });
  },
}));

const NONE: number[] = [];
export const selectDoneSteps = (labId: string) => (s: LabProgress) => s.done[labId] ?? NONE;
