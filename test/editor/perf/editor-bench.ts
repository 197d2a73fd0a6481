// The editor's preview at province scale, in Chromium: generates N payees × 12 months of
// rural-contract facts as a bundled dataset, opens the policy over it, then edits `step_rate`
// several times and prints, for each edit, the time from the input event to the result and to
// the impact on screen (the debounce included), and the page's memory: the renderer's RSS and
// each worker's JS heap. Prints figures,
// never asserts them; first, the CPU an edit costs in Node (cpu-per-edit.ts), which a busy machine
// does not inflate. `npm run bench:editor` (sizes: `-- 10000 100000`, the default). With
// `--memory`, the memory is sampled while each edit runs (memory-sampler.ts): the renderer's peak
// RSS during the edit and at rest after it, and each worker's heap peaks, used and held. With
// `--allocators`, the renderer's memory by allocator after loading and after each edit
// (renderer-allocators.ts: Chromium's memory-infra dump). Then two payees are traced (the time
// from the click to the trace on screen).
import { availableParallelism, loadavg } from 'node:os';
import { ensureProductionApp } from './production-app.js';
import { startFixture } from '../e2e/editor-fixture.js';
import { pageMemory } from './browser-memory.js';
import { cpuPerEdit } from './cpu-per-edit.js';
import { timeEdit } from './edit-timing.js';
import { timeTrace } from './trace-timing.js';
import { openGenerated } from './generated-page.js';
import { peaksText, sampleWhile } from './memory-sampler.js';
import { allocatorsText, rendererAllocators } from './renderer-allocators.js';
import { WorkerHeapProbe } from './worker-heaps.js';
import { DEBOUNCE_MS } from '../../../editor/src/state/use-preview.js';

const EDITS = ['3', '2.5', '4', '3.5', '2'];

/** The renderer's RSS after an edit, once the page has been idle for this long. */
const REST_MS = 3_000;

async function benchOne(payees: number, memory: boolean, allocators: boolean, collectAfterLoad: boolean): Promise<void> {
  const fx = await startFixture();
  try {
    const { page, loadMs, close } = await openGenerated(fx, payees, 600_000);
    const loaded = await pageMemory(fx.browser, page);
    console.log(`${payees.toLocaleString('en-US')} payees × 12 months: dataset loaded, previewed and compared in ${loadMs} ms; page heap ${loaded.heapMb} MB, renderer RSS ${loaded.rendererRssMb} MB (peak ${loaded.rendererPeakMb} MB)`);
    const byAllocator = async () => { if (allocators) console.log(`    by allocator (MB): ${allocatorsText(await rendererAllocators(fx.browser))}`); };
    await byAllocator();
    const probe = await WorkerHeapProbe.open(page);
    if (allocators && collectAfterLoad) {
      // who holds what V8 has not collected yet: each worker's garbage goes with its full GC, the page's with its own
      for (const worker of ['preview-part', 'preview.worker']) {
        await probe.collect(worker);
        console.log(`  after a full GC in ${worker}:`);
        await byAllocator();
      }
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.detach();
      console.log('  and in the page:');
      await byAllocator();
    }
    const times: number[] = [];
    for (const value of EDITS) {
      const edit = timeEdit(page, 'step_rate', value, 600_000);
      const { value: t, peaks } = memory ? await sampleWhile(fx.browser, probe, edit) : { value: await edit, peaks: undefined };
      if (memory) await new Promise((resolve) => setTimeout(resolve, REST_MS));
      const m = await pageMemory(fx.browser, page);
      times.push(t.toImpactMs);
      console.log(`  step_rate → ${value} %: result on screen ${t.toResultMs} ms, impact on screen ${t.toImpactMs} ms (worker: settle ${t.workerMs} ms, impact ${t.impactWorkerMs} ms; impact ${t.impactTotal}); page heap ${m.heapMb} MB, renderer RSS ${m.rendererRssMb} MB${memory ? ` ${REST_MS / 1000} s after` : ''} (peak ${m.rendererPeakMb} MB)`);
      if (peaks) console.log(`    while editing: ${peaksText(peaks)}`);
      await byAllocator();
    }
    // two payees traced (the table lists the largest totals first: payees of either half)
    for (const nth of [0, 7]) {
      const t = await timeTrace(page, nth, 120_000);
      console.log(`  trace of ${t.payeeId}: on screen in ${t.ms} ms (from the click)`);
    }
    const heaps = (collect: boolean) => probe.heaps(collect).then((hs) => hs.map((h) => `${h.url} ${h.usedMb} MB`).join(', '));
    console.log(`  worker heaps after the edits: ${await heaps(false)}; live (after a full GC in each): ${await heaps(true)}`);
    // what is kept: the renderer once each worker collected in full (above it, garbage not yet collected)
    if (memory) console.log(`  renderer RSS after a full GC in each worker: ${(await pageMemory(fx.browser, page)).rendererRssMb} MB`);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  edit → impact on screen at ${payees.toLocaleString('en-US')} payees: min ${sorted[0]} ms, median ${sorted[sorted.length >> 1]} ms, max ${sorted[sorted.length - 1]} ms (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
    await probe.close();
    await close();
  } finally {
    await fx.close();
  }
}

const memory = process.argv.includes('--memory');
const allocators = process.argv.includes('--allocators');
const collectAfterLoad = process.argv.includes('--collect-after-load');
const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
await ensureProductionApp();
console.log(`editor preview bench (Chromium, ${new Date().toISOString()}): edit → impact on screen, ${DEBOUNCE_MS} ms debounce included`);
if (!memory) console.log(cpuPerEdit(10_000));
for (const payees of sizes.length ? sizes : [10_000, 100_000]) await benchOne(payees, memory, allocators, collectAfterLoad);
