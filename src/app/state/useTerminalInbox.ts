import { create } from 'zustand';

/** Commands other panes ask the terminal to type (a lab's "Run" button), consumed in order. */
interface TerminalInbox {
  pending: string[];
  send: (command: string) => void;
  take: () => string[];
}

export const useTerminalInbox = create<TerminalInbox>((set, get) => ({
  pending: [],
  send: (command) => set((s) => ({ pending: [...s.pending, command] })),
  take: () => {
    const taken = get().pending;
    if (taken.length) set({ pending: [] });
    return taken;
  },
}));
