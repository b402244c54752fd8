/** DOM ids tying each tab to the editor panel, derived from the file name so they stay stable. */
export const tabId = (path: string) =>
  `editor-tab-${encodeURIComponent(path).replace(/[^\w-]/g, '_')}`;
export const EDITOR_PANEL_ID = 'editor-panel';
