// The page's memory as Chromium sees it: the JS heap of the page's main thread (CDP
// `Performance.getMetrics`) and the peak resident memory of its renderer processes (the page and
// its workers live there), read from /proc by the process ids CDP `SystemInfo.getProcessInfo` lists.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export interface PageMemory { heapMb: number; rendererRssMb: number; rendererPeakMb: number }

const MB = 1024 * 1024;

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

/** The largest resident memory of the processes `pids`, in MB. */
export const rssMb = (pids: number[]) => Math.round(Math.max(0, ...pids.map((p) => statusKb(p, 'VmRSS'))) / 1024);

export async function rendererPids(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  const info = await session.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await session.detach();
  return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

export async function pageMemory(browser: Browser, page: Page): Promise<PageMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const pids = await rendererPids(browser);
  const peak = Math.max(0, ...pids.map((p) => statusKb(p, 'VmHWM')));
  return { heapMb: Math.round(heap / MB), rendererRssMb: rssMb(pids), rendererPeakMb: Math.round(peak / 1024) };
}
