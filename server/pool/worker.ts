// The worker thread's entry (piscina): runs one engine task and answers its JSON text, or the
// located refusal as plain data (errors of our own classes do not survive the thread boundary);
// progress, when asked for, goes back on the task's own message port.
import { RatecardError } from '../../engine/index.js';
import { RequestError } from '../errors.js';
import { type EngineTask, engineTasks, type Progress } from './engine-tasks.js';
import type { MessagePort } from 'node:worker_threads';

export interface TaskMessage { task: EngineTask; body: unknown; policiesDir: string; progress?: MessagePort }

export type TaskAnswer =
  | { ok: true; json: string }
  | { ok: false; kind: 'ratecard'; diagnostics: RatecardError['diagnostics'] }
  | { ok: false; kind: 'request'; status: number; error: string; diagnostics: RequestError['diagnostics']; extra: Record<string, unknown>; detail?: string };

export default async function runTask({ task, body, policiesDir, progress }: TaskMessage): Promise<TaskAnswer> {
  try {
    const run = engineTasks[task] as (body: unknown, policiesDir: string, onProgress?: Progress) => unknown;
    const onProgress = progress && ((done: number, total: number) => progress.postMessage({ done, total }));
    return { ok: true, json: JSON.stringify(await run(body, policiesDir, onProgress)) };
  } catch (e) {
    if (e instanceof RatecardError) return { ok: false, kind: 'ratecard', diagnostics: e.diagnostics };
    if (e instanceof RequestError) return { ok: false, kind: 'request', status: e.status, error: e.message, diagnostics: e.diagnostics, extra: e.extra, detail: e.detail };
    throw e;
  } finally {
    progress?.close();
  }
}
