import { create } from 'zustand';

export type Theme = 'light' | 'dark';
export type Mode = 'labs' | 'sandbox';

interface UiState {
  theme: Theme;
  mode: Mode;
  setTheme: (theme: Theme) => void;
  setMode: (mode: Mode) => void;
}

const THEME_KEY = 'kubelab.theme';

function initialTheme(): Theme {
  const attr = document.documentElement.dataset.theme;
  return attr === 'dark' ? 'dark' : 'light';
}

export const useUiStore = create<UiState>((set) => ({
  theme: initialTheme(),
  mode: 'sandbox',
  setTheme: (theme) => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Private windows may refuse storage; the theme still applies for this visit.
    }
    set({ theme });
  },
  setMode: (mode) => set({ mode }),
}));

export const selectTheme = (s: UiState) => s.theme;
export const selectMode = (s: UiState) => s.mode;
