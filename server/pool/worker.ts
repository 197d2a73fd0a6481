// The worker thread's entry (piscina): runs one engine task and answers its JSON text, or the
// located refusal as plain data (errors of our own classes do not survive the thread boundary).
import { RatecardError } from '../../engine/index.js';
import { RequestError } from '../errors.js';
import { type EngineTask, engineTasks } from './engine-tasks.js';

export interface TaskMessage { task: EngineTask; body: unknown; policiesDir: string }

export type TaskAnswer =
  | { ok: true; json: string }
  | { ok: false; kind: 'ratecard'; diagnostics: RatecardError['diagnostics'] }
  | { ok: false; kind: 'request'; status: number; error: string; diagnostics: RequestError['diagnostics']; extra: Record<string, unknown>; detail?: string };

export default async function runTask({ task, body, policiesDir }: TaskMessage): Promise<TaskAnswer> {
  try {
    const run = engineTasks[task] as (body: unknown, policiesDir: string) => unknown;
    return { ok: true, json: JSON.stringify(await run(body, policiesDir)) };
  } catch (e) {
    if (e instanceof RatecardError) return { ok: false, kind: 'ratecard', diagnostics: e.diagnostics };
    if (e instanceof RequestError) return { ok: false, kind: 'request', status: e.status, error: e.message, diagnostics: e.diagnostics, extra: e.extra, detail: e.detail };
    throw e;
  }
}
