#!/usr/bin/env node
// Where the editor's cold start goes: the bench's cold load (src/cli/bench/editorValidationBench.ts:
// the learner's file in IndexedDB, HTTP cache cleared, reload) under Chrome tracing, printed as a
// timeline in ms after the page requests the editor chunk: scripts in, their background (streamed)
// parses, compiles and module evaluations per thread, and the main thread's tasks over 8 ms.
// Usage: npx vite build --outDir /tmp/build && node scripts/editor-coldstart-trace.mjs /tmp/build [trace.json]
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const [outDir = 'dist', traceFile] = process.argv.slice(2);
const port = Number(process.env.TRACE_PORT ?? 4198);
const INVALID = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  prots:\n    - port: 80\n';
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];

const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let trace;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const url = `http://127.0.0.1:${port}/`;
  await page.goto(url);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('kubelab-editor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('files', 'readwrite');
      tx.objectStore('files').put(${JSON.stringify(INVALID)}, 'web.yaml');
      tx.oncomplete = () => resolve(true);
    };
  })`);
  await page.evaluate(`localStorage.setItem('kubelab.editor.session', JSON.stringify({ openPaths: ['web.yaml'], activePath: 'web.yaml' }))`);
  await (await page.context().newCDPSession(page)).send('Network.clearBrowserCache');
  // The bench's end point, also left in the trace as a user-timing mark.
  await page.addInitScript(`new MutationObserver((_, observer) => {
    if (document.querySelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error')) {
      performance.mark('firstMarker');
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });`);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(`performance.getEntriesByName('firstMarker').length > 0`, undefined, { timeout: 60_000 });
  trace = JSON.parse((await browser.stopTracing()).toString());
} finally {
  await browser.close();
  server.httpServer.close();
}
if (traceFile) writeFileSync(traceFile, JSON.stringify(trace));

const events = trace.traceEvents;
const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
const request = events.find((e) => e.name === 'ResourceSendRequest' && /\/MonacoEditor-[^/]*\.js$/.test(e.args?.data?.url ?? ''));
const marker = events.find((e) => e.name === 'firstMarker');
if (!request || !marker) throw new Error('the trace has no editor chunk request or no first marker');
const t0 = request.ts;
const at = (ts) => String(Math.round((ts - t0) / 1000)).padStart(6);
const ms = (dur) => `${(dur / 1000).toFixed(0).padStart(5)} ms`;
const file = (url) => String(url ?? '').replace(/.*\//, '');
const inWindow = (e) => e.ts + (e.dur ?? 0) >= t0 && e.ts <= marker.ts;

const urls = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args.data.requestId, e.args.data.url]));
const rows = [];
for (const e of events.filter(inWindow)) {
  const data = e.args?.data ?? {};
  if (e.name === 'ResourceFinish') rows.push([e.ts, `${' '.repeat(8)}  in      ${file(urls.get(data.requestId)) || "(a worker's script)"}`]);
  else if (e.name === 'v8.parseOnBackground') rows.push([e.ts, `${ms(e.dur)}  parse   ${file(data.url)} (streamed, ${threads.get(e.tid)})`]);
  else if (e.name === 'v8.compileModule' && e.dur > 5000) rows.push([e.ts, `${ms(e.dur)}  compile ${file(data.url)} (${threads.get(e.tid)})`]);
  else if (e.name === 'v8.evaluateModule' && e.dur > 5000) rows.push([e.ts, `${ms(e.dur)}  run     module (${threads.get(e.tid)})`]);
  else if (e.tid === request.tid && e.ph === 'X' && e.dur > 8000 && /RunTask$/.test(e.name)) {
    const inside = events.filter((c) => c.tid === e.tid && c.ph === 'X' && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur && c !== e);
    const by = new Map();
    for (const c of inside) if (/^(FunctionCall|UpdateLayoutTree|Layout|Paint|ParseAuthorStyleSheet|MinorGC|MajorGC|v8.evaluateModule)$/.test(c.name)) by.set(c.name, (by.get(c.name) ?? 0) + c.dur);
    rows.push([e.ts, `${ms(e.dur)}  main    ${[...by].map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(', ')}`]);
  }
}
rows.push([marker.ts, `${' '.repeat(8)}  first schema marker drawn`]);
for (const [ts, text] of rows.sort((a, b) => a[0] - b[0])) console.log(`${at(ts)}  ${text}`);
