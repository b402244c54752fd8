import type * as Monaco from 'monaco-editor/editor';
import type { Theme } from '../state/useUiStore';

/** The page colours (src/app/styles.css custom properties) the editor theme is built from. */
export interface PagePalette {
  surface: string;
  surface2: string;
  border: string;
  text: string;
  textMuted: string;
  accent: string;
  accentSoft: string;
  accentText: string;
  danger: string;
}

/** Mirrors `[data-theme=…]` in styles.css; a test keeps the two in step. */
export const PAGE_PALETTES: Record<Theme, PagePalette> = {
  light: {
    surface: '#ffffff',
    surface2: '#f6f8fa',
    border: '#d5dae1',
    text: '#1b2330',
    textMuted: '#57606a',
    accent: '#326ce5',
    accentSoft: '#e3ecfd',
    accentText: '#1f5bd6',
    danger: '#cf222e',
  },
  dark: {
    surface: '#111820',
    surface2: '#161f29',
    border: '#263241',
    text: '#d7dde4',
    textMuted: '#8b98a8',
    accent: '#326ce5',
    accentSoft: '#1b2a44',
    accentText: '#8fb3ff',
    danger: '#f7768e',
  },
};

/** Monaco theme names for the page themes. */
export const MONACO_THEME: Record<Theme, string> = { light: 'kubelab-light', dark: 'kubelab-dark' };

/** YAML token colours per theme, chosen for contrast on the page surfaces (projectors included). */
const TOKEN_COLOURS: Record<
  Theme,
  { key: string; string: string; number: string; keyword: string; comment: string }
> = {
  light: {
    key: '1f5bd6',
    string: '0a7c45',
    number: '9a4d00',
    keyword: '8250df',
    comment: '6e7781',
  },
  dark: { key: '8fb3ff', string: '9ece6a', number: 'ff9e64', keyword: 'bb9af7', comment: '7d8a9a' },
};

const hex = (colour: string) => colour.replace('#', '');

/** Builds a Monaco theme from the page palette, so the editor sits in its pane like the rest of the UI. */
export function buildMonacoTheme(theme: Theme): Monaco.editor.IStandaloneThemeData {
  const p = PAGE_PALETTES[theme];
  const t = TOKEN_COLOURS[theme];
  return {
    base: theme === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: '', foreground: hex(p.text) },
      { token: 'type', foreground: t.key }, // YAML mapping keys
      { token: 'string', foreground: t.string },
      { token: 'number', foreground: t.number },
      { token: 'keyword', foreground: t.keyword }, // true, false, null
      { token: 'comment', foreground: t.comment, fontStyle: 'italic' },
      { token: 'operators', foreground: hex(p.textMuted) },
    ],
    colors: {
      'editor.background': p.surface,
      'editor.foreground': p.text,
      'editorLineNumber.foreground': p.textMuted,
      'editorLineNumber.activeForeground': p.text,
      'editor.lineHighlightBackground': p.surface2,
      'editor.lineHighlightBorder': p.surface2,
      'editor.selectionBackground': theme === 'dark' ? '#2b4270' : '#c7d8fa',
      'editor.inactiveSelectionBackground': p.accentSoft,
      'editorCursor.foreground': p.accent,
      'editorIndentGuide.background1': p.border,
      'editorWidget.background': p.surface2,
      'editorWidget.border': p.border,
      'editorHoverWidget.background': p.surface2,
      'editorHoverWidget.border': p.border,
      'editorSuggestWidget.background': p.surface2,
      'editorSuggestWidget.border': p.border,
      'editorSuggestWidget.selectedBackground': p.accentSoft,
      // Monaco's defaults pair white text with VS Code's strong blue selection; ours is a soft tint.
      'editorSuggestWidget.foreground': p.text,
      'editorSuggestWidget.selectedForeground': p.text,
      'editorSuggestWidget.selectedIconForeground': p.text,
      'editorSuggestWidget.highlightForeground': p.accent,
      'editorSuggestWidget.focusHighlightForeground': p.accent,
      // The context menu (and its keyboard/mouse highlight, which Monaco draws in the list hover colour).
      'menu.background': p.surface2,
      'menu.foreground': p.text,
      'menu.border': p.border,
      'menu.separatorBackground': p.border,
      'list.hoverBackground': p.accentSoft,
      'editorError.foreground': p.danger,
      'editorOverviewRuler.border': p.surface,
      'scrollbarSlider.background': theme === 'dark' ? '#263241aa' : '#d5dae1aa',
      focusBorder: p.accent,
    },
  };
}

/** Registers both kubelab themes with Monaco. */
export function defineKubelabThemes(monaco: typeof Monaco): void {
  for (const theme of ['light', 'dark'] as const)
    monaco.editor.defineTheme(MONACO_THEME[theme], buildMonacoTheme(theme));
}
