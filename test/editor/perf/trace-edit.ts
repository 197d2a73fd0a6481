// Where an edit's time goes in each thread of the page (main, preview worker, helper): a Chromium
// trace of one step_rate edit over N generated payees, summed by event name per thread, longest
// first. A tool for finding what to cut (`npx tsx test/editor/perf/trace-edit.ts 10000`); asserts nothing.
import { writeFileSync } from 'node:fs';
import { ensureProductionApp } from './production-app.js';
import { startFixture } from '../e2e/editor-fixture.js';
import { timeEdit } from './edit-timing.js';
import { openGenerated } from './generated-page.js';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string } }

const payees = Number(process.argv[2] ?? 10_000);
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink', 'toplevel'];
await ensureProductionApp();
const fx = await startFixture();
try {
  const { page, close } = await openGenerated(fx, payees, 600_000);
  await timeEdit(page, 'step_rate', '3', 600_000);
  await fx.browser.startTracing(page, { categories: CATEGORIES });
  const t = await timeEdit(page, 'step_rate', '2.5', 600_000);
  const buffer = await fx.browser.stopTracing();
  writeFileSync('/tmp/edit-trace.json', buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = names.get(`${e.pid}/${e.tid}`) ?? `${e.pid}/${e.tid}`;
    if (!/Main|Worker|renderer/i.test(thread)) continue;
    const m = byThread.get(`${thread} ${e.pid}/${e.tid}`) ?? new Map<string, number>();
    m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
    byThread.set(`${thread} ${e.pid}/${e.tid}`, m);
  }
  console.log(`${payees} payees: impact on screen ${t.toImpactMs} ms, result ${t.toResultMs} ms (worker settle ${t.workerMs} ms, impact ${t.impactWorkerMs} ms)`);
  for (const [thread, m] of byThread) {
    console.log(`== ${thread}`);
    for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 14)) if (ms >= 2) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
  await close();
} finally {
  await fx.close();
}
