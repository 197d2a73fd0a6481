// Where an edit's time goes on the page's main thread: a CPU profile (CDP Profiler) of one
// step_rate edit over N generated payees, printed as the functions with the most self time.
// A tool for finding what to cut (`npx tsx test/editor/perf/profile-edit.ts 10000`); asserts nothing.
import { writeFileSync } from 'node:fs';
import { ensureProductionApp } from './production-app.js';
import { startFixture } from '../e2e/editor-fixture.js';
import { timeEdit } from './edit-timing.js';
import { openGenerated } from './generated-page.js';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const payees = Number(process.argv[2] ?? 10_000);
await ensureProductionApp();
const fx = await startFixture();
try {
  const { page, close } = await openGenerated(fx, payees, 600_000);
  await timeEdit(page, 'step_rate', '3', 600_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t = await timeEdit(page, 'step_rate', '2.5', 600_000);
  const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: Profile };
  writeFileSync('/tmp/edit.cpuprofile', JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`${payees} payees: impact on screen ${t.toImpactMs} ms, result ${t.toResultMs} ms (worker settle ${t.workerMs} ms, impact ${t.impactWorkerMs} ms)`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
  await close();
} finally {
  await fx.close();
}
