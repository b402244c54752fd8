import { chromium, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';

/** A Service with a misspelt field: the schema marks it as soon as the YAML worker has validated. */
const INVALID = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  prots:\n    - port: 80\n';

/**
 * Serves the built app (in `outDir`) to headless Chromium and readies a cold load of the editor:
 * the learner's file is put in the browser's storage, the HTTP cache is cleared (so the editor,
 * the YAML worker and the schema all come over the wire again), and the page will note the first
 * schema marker drawn on that file as `window.__firstMarker` and the user-timing mark
 * `firstMarker`. `load` then does the reload and what it measures; server and browser close after.
 */
export async function withColdEditorLoad<T>(outDir: string, port: number, load: (page: Page, browser: Browser, url: string) => Promise<T>): Promise<T> {
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = `http://127.0.0.1:${port}/`;
    await page.goto(url);
    await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    // The app's own IndexedDB store (idbFileStore.ts): the file the learner finds on the next visit.
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('kubelab-editor');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('files', 'readwrite');
        tx.objectStore('files').put(${JSON.stringify(INVALID)}, 'web.yaml');
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => reject(tx.error);
      };
    })`);
    await page.evaluate(`localStorage.setItem('kubelab.editor.session', JSON.stringify({ openPaths: ['web.yaml'], activePath: 'web.yaml' }))`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        if (document.querySelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error')) {
          window.__firstMarker = performance.now();
          performance.mark('firstMarker');
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    `);
    return await load(page, browser, url);
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

/**
 * "Editor open → first validation" on a cold load of the built app (in `outDir`), in headless
 * Chromium: from the moment the page asks for the lazy editor chunk to the first schema marker
 * drawn on the learner's file.
 */
export async function measureEditorValidation(outDir: string, port = 4199): Promise<number> {
  return withColdEditorLoad(outDir, port, async (page, _browser, url) => {
    await page.goto(url);
    await page.waitForFunction('window.__firstMarker !== undefined', undefined, { timeout: 60_000 });
    return await page.evaluate(`(() => {
      const chunk = performance.getEntriesByType('resource').find((e) => /\\/assets\\/MonacoEditor-[^/]*\\.js$/.test(e.name));
      if (!chunk) throw new Error('the editor chunk was never requested');
      return Math.round(window.__firstMarker - chunk.startTime);
    })()`);
  });
}
