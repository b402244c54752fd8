import { create } from 'zustand';
import type { EngineSnapshot } from '../../worker/createEngineApi';
import { Comlink, engine } from '../client/engineClient';

interface EngineState {
  snapshot: EngineSnapshot | undefined;
  error: string | undefined;
  connect: () => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  setSpeed: (speed: number) => Promise<void>;
}

export const useEngineStore = create<EngineState>((set, get) => ({
  snapshot: undefined,
  error: undefined,
  connect: async () => {
    if (get().snapshot) return;
    await engine().subscribe(Comlink.proxy((snapshot: EngineSnapshot) => set({ snapshot })));
  },
  pause: async () => set({ snapshot: await engine().pause() }),
  resume: async () => set({ snapshot: await engine().resume() }),
  setSpeed: async (speed) => {
    const r = await engine().setSpeed(speed);
    if (r.ok) set({ snapshot: r.value, error: undefined });
    else set({ error: r.error });
  },
}));

export const selectSnapshot = (s: EngineState) => s.snapshot;
export const selectClock = (s: EngineState) => s.snapshot?.clock;
export const selectNodes = (s: EngineState) => s.snapshot?.nodes;
