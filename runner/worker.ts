// A worker thread: compiles the policy once, then settles the parts it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicy, RatecardError, type SettleOptions } from '../engine/index.js';
import type { Partition } from './partition.js';
import { type PartJob, partKeys, settlePart } from './settle-part.js';

const { policy: source, overrides, partition } = workerData as { policy: { file: string; text: string }; overrides?: { file: string; text: string }; partition: Partition };
const loaded = loadPolicy(source, { overrides });
if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
const policy = loaded.policy;

parentPort!.on('message', (msg: { kind: 'keys'; index: number; from: string; to: string; round: number; ranks?: SettleOptions['ranks'] } | ({ kind: 'settle' } & PartJob)) => {
  try {
    if (msg.kind === 'keys') parentPort!.postMessage({ ok: true, index: msg.index, keys: partKeys(policy, partition, msg.index, msg.from, msg.to, msg.round, msg.ranks) });
    else parentPort!.postMessage({ ok: true, result: settlePart(policy, partition, msg) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, diagnostics: e instanceof RatecardError ? e.diagnostics : undefined, message: e instanceof Error ? e.message : String(e) });
  }
});
