import type { Page } from '@playwright/test';

/** The YAML editor region and the pieces of it a learner sees. */
export function editorPane(page: Page) {
  const region = page.getByRole('region', { name: 'YAML editor', exact: true });
  return {
    region,
    tab: (name: string | RegExp) => region.getByRole('tab', { name, exact: typeof name === 'string' }),
    tabs: () => region.getByRole('tab'),
    text: region.locator('.monaco-editor .view-lines'),
    button: (name: string) => region.getByRole('button', { name, exact: true }),
    /** A word as Monaco renders it (clicking the word, not its line, which may sit under a ruler). */
    word: (word: string) => region.locator('.view-line span span', { hasText: new RegExp(`^${word}$`) }),
  };
}
