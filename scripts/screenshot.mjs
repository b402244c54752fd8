#!/usr/bin/env node
// Takes screenshots of the built app in Debian's Chromium (light and dark), for looking at
// changes and for the README. Usage: node scripts/screenshot.mjs [outDir] (serves dist/ itself).
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const outDir = process.argv[2] ?? 'docs';
const port = 4183;
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('.monaco-editor').waitFor();
    const commands = (process.env.SHOT_COMMANDS ?? 'echo hello').split(';;');
    await page.locator('.xterm').click();
    for (const c of commands) {
      await page.keyboard.type(c);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${outDir}/screenshot-${scheme}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
