import { create } from 'zustand';

/** Counts the command lines the terminal has finished, so other panes can follow up (the lab's checks). */
interface TerminalActivity {
  commandsRun: number;
  commandRan: () => void;
}

export const useTerminalActivity = create<TerminalActivity>((set) => ({
  commandsRun: 0,
  commandRan: () => set((s) => ({ commandsRun: s.commandsRun + 1 })),
}));

export const selectCommandsRun = (s: TerminalActivity) => s.commandsRun;
