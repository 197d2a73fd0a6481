// Where the renderer's memory is, as Chromium itself accounts it: a memory-infra dump (CDP
// `Tracing.requestMemoryDump`) of the renderer process, summed by allocator: the V8 heaps of the
// page and of the workers by space, ArrayBuffer contents (`partition_alloc/partitions/array_buffer`:
// the preview's columns), Blink's buffer partition (strings and messages), Blink's own heap,
// malloc. Read with the renderer's RSS, it tells live memory from memory V8 has not collected.
import type { Browser } from 'playwright-core';

/** The allocators shown, and how they are named in the dump. */
const SHOWN: [string, string][] = [
  ['v8/main/heap', 'page JS heap'],
  ['v8/workers/heap/new_space', 'workers young generations'],
  ['v8/workers/heap/old_space', 'workers old space'],
  ['v8/workers/heap/large_object_space', 'workers large objects'],
  ['partition_alloc/partitions/array_buffer', 'ArrayBuffers'],
  ['partition_alloc/partitions/buffer', 'Blink buffers (strings, messages)'],
  ['blink_gc', 'Blink heap'],
  ['malloc', 'malloc'],
];

type Dump = { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } } };

const sizeOf = (d: Dump, name: string) => parseInt(d.args?.dumps?.allocators?.[name]?.attrs?.size?.value ?? '0', 16);

/** The renderer's memory by allocator, in MB, from one detailed memory dump (the renderer with the most memory). */
export async function rendererAllocators(browser: Browser): Promise<Map<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const events: Dump[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Dump[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' } as never);
  await cdp.send('Tracing.requestMemoryDump' as never, { deterministic: false, levelOfDetail: 'detailed' } as never);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const dumps = events.filter((e) => e.ph === 'v');
  const total = (d: Dump) => sizeOf(d, 'v8') + sizeOf(d, 'partition_alloc');
  const renderer = dumps.reduce<Dump | undefined>((best, d) => (!best || total(d) > total(best) ? d : best), undefined);
  const shown = new Map(SHOWN.map(([name, label]) => [label, renderer ? Math.round(sizeOf(renderer, name) / 1048576) : 0]));
  // RATECARD_ALLOCATORS_FROM=<MB>: every allocator dump of at least that size, to find what a shown one holds
  const from = Number(process.env.RATECARD_ALLOCATORS_FROM);
  if (renderer && from > 0) {
    const each = Object.keys(renderer.args?.dumps?.allocators ?? {}).map((name): [string, number] => [name, sizeOf(renderer, name) / 1048576]);
    for (const [name, mb] of each.filter(([, mb]) => mb >= from).sort((a, b) => b[1] - a[1])) shown.set(name, Math.round(mb));
  }
  return shown;
}

export const allocatorsText = (m: Map<string, number>) => [...m].map(([label, mb]) => `${label} ${mb}`).join(', ');
