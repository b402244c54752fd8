// Where the editor's cold start goes: the bench's cold load (withColdEditorLoad in
// src/cli/bench/editorValidationBench.ts: the learner's file in IndexedDB, HTTP cache cleared,
// reload) under Chrome tracing, printed as a timeline in ms after the page requests the editor
// chunk: scripts in, their background (streamed) parses, compiles and module evaluations per
// thread, and the main thread's tasks over 8 ms.
// Usage: npx vite build --outDir /tmp/build && npx tsx scripts/editor-coldstart-trace.ts /tmp/build [trace.json]
import { writeFileSync } from 'node:fs';
import { withColdEditorLoad } from '../src/cli/bench/editorValidationBench';

interface TraceEvent {
  name: string;
  ph?: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

const [outDir = 'dist', traceFile] = process.argv.slice(2);
const port = Number(process.env.TRACE_PORT ?? 4198);
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];

const trace = await withColdEditorLoad(outDir, port, async (page, browser, url) => {
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(`performance.getEntriesByName('firstMarker').length > 0`, undefined, { timeout: 60_000 });
  return JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
});
if (traceFile) writeFileSync(traceFile, JSON.stringify(trace));

const events = trace.traceEvents;
const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args?.name]));
const request = events.find((e) => e.name === 'ResourceSendRequest' && /\/MonacoEditor-[^/]*\.js$/.test(e.args?.data?.url ?? ''));
const marker = events.find((e) => e.name === 'firstMarker');
if (!request || !marker) throw new Error('the trace has no editor chunk request or no first marker');
const t0 = request.ts;
const at = (ts: number) => String(Math.round((ts - t0) / 1000)).padStart(6);
const ms = (dur = 0) => `${(dur / 1000).toFixed(0).padStart(5)} ms`;
const file = (url: string | undefined) => String(url ?? '').replace(/.*\//, '');
const inWindow = (e: TraceEvent) => e.ts + (e.dur ?? 0) >= t0 && e.ts <= marker.ts;

const urls = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args?.data?.requestId, e.args?.data?.url]));
const rows: [number, string][] = [];
for (const e of events.filter(inWindow)) {
  const data = e.args?.data ?? {};
  const dur = e.dur ?? 0;
  if (e.name === 'ResourceFinish') rows.push([e.ts, `${' '.repeat(8)}  in      ${file(urls.get(data.requestId)) || "(a worker's script)"}`]);
  else if (e.name === 'v8.parseOnBackground') rows.push([e.ts, `${ms(dur)}  parse   ${file(data.url)} (streamed, ${threads.get(e.tid)})`]);
  else if (e.name === 'v8.compileModule' && dur > 5000) rows.push([e.ts, `${ms(dur)}  compile ${file(data.url)} (${threads.get(e.tid)})`]);
  else if (e.name === 'v8.evaluateModule' && dur > 5000) rows.push([e.ts, `${ms(dur)}  run     module (${threads.get(e.tid)})`]);
  else if (e.tid === request.tid && e.ph === 'X' && dur > 8000 && /RunTask$/.test(e.name)) {
    const inside = events.filter((c) => c.tid === e.tid && c.ph === 'X' && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + dur && c !== e);
    const by = new Map<string, number>();
    for (const c of inside) if (/^(FunctionCall|UpdateLayoutTree|Layout|Paint|ParseAuthorStyleSheet|MinorGC|MajorGC|v8.evaluateModule)$/.test(c.name)) by.set(c.name, (by.get(c.name) ?? 0) + (c.dur ?? 0));
    rows.push([e.ts, `${ms(dur)}  main    ${[...by].map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(', ')}`]);
  }
}
rows.push([marker.ts, `${' '.repeat(8)}  first schema marker drawn`]);
for (const [ts, text] of rows.sort((a, b) => a[0] - b[0])) console.log(`${at(ts)}  ${text}`);
