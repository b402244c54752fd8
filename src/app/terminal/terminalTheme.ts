import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../state/useUiStore';

/** Terminal colours matched to the page themes; the light one stays readable on projectors. */
export function terminalTheme(theme: Theme): ITheme {
  return theme === 'dark'
    ? { background: '#0f1419', foreground: '#d7dde4', cursor: '#7aa2f7', selectionBackground: '#2d3f5f', green: '#9ece6a', blue: '#7aa2f7', red: '#f7768e', yellow: '#e0af68' }
    : { background: '#fbfcfd', foreground: '#1b2330', cursor: '#326ce5', selectionBackground: '#c9daf8', green: '#1a7f37', blue: '#0550ae', red: '#cf222e', yellow: '#9a6700', black: '#1b2330', white: '#6e7781' };
}
