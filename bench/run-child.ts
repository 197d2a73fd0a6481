// Spawns bench/settle-child in a fresh process (from TypeScript sources through tsx, or from
// the compiled dist/ files) and reads its report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildReport } from './settle-child.js';

export function settleInChild(args: { policy: string; payees: string; facts: string; transactions?: string; workers: number; out: string }): ChildReport {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(fromSource ? './settle-child.ts' : './settle-child.js', import.meta.url));
  const run = spawnSync(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), script,
    args.policy, args.payees, args.facts, args.transactions ?? '-', String(args.workers), args.out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`settle of ${args.facts} failed: ${run.stderr.trim() || run.stdout.trim()}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildReport;
}
