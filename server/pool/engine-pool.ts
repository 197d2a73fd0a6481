// Settlement off the event loop: a pool of worker threads (piscina) runs validate, simulate,
// explain, diff, settle and the editor's checks, so the server keeps answering (`/health`, reads) while
// a large request computes. Every task has a deadline, and is cancelled when its client goes
// away: piscina then stops the worker thread that runs it and starts a fresh one.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { FastifyReply } from 'fastify';
import { Piscina } from 'piscina';
import { RatecardError } from '../../engine/index.js';
import { RequestError, requestDiagnostic } from '../errors.js';
import type { EngineTask, Progress, TaskBody } from './engine-tasks.js';
import type { TaskAnswer, TaskMessage } from './worker.js';

export interface PoolOptions {
  /** Worker threads (default: the cores but one, at least one). */
  threads?: number;
  /** How long one request may compute, in milliseconds (default 120 s). */
  deadlineMs?: number;
  /** Requests waiting for a thread beyond which the server answers 503 (default 64). */
  maxQueue?: number;
}

export const DEFAULT_DEADLINE_MS = 120_000;

class Deadline extends Error {}
class ClientGone extends Error {}

/** The worker's entry: the compiled file, or the TypeScript source with tsx registered in the thread (tests, tsx). */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  if (!fromSource) return { filename, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsx] };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** One set of threads per process, shared by every server in it (tests start many); closed with the last. */
let shared: { piscina: Piscina<TaskMessage, TaskAnswer>; users: number } | undefined;

function acquire(options: PoolOptions): Piscina<TaskMessage, TaskAnswer> {
  if (!shared) {
    const threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    const piscina = new Piscina<TaskMessage, TaskAnswer>({ ...workerEntry(), minThreads: 0, maxThreads: threads, idleTimeout: 30_000, maxQueue: options.maxQueue ?? 64 });
    // A thread that fails outside a task (e.g. cannot load) fails the task waiting for it; never the server.
    piscina.on('error', (e: unknown) => process.emitWarning(`ratecard: a worker thread failed: ${(e as Error)?.message ?? String(e)}`));
    shared = { piscina, users: 0 };
  }
  shared.users++;
  return shared.piscina;
}

async function release(piscina: Piscina<TaskMessage, TaskAnswer>): Promise<void> {
  if (!shared || shared.piscina !== piscina || --shared.users > 0) return;
  shared = undefined;
  // Closing never waits long on a thread that does not stop.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([piscina.destroy(), new Promise<void>((done) => { timer = setTimeout(done, 5000); timer.unref(); })]);
  clearTimeout(timer);
}

export class EnginePool {
  private readonly piscina: Piscina<TaskMessage, TaskAnswer>;
  readonly deadlineMs: number;
  /** Tasks stopped because their client went away, and because they ran past the deadline. */
  readonly stopped = { cancelled: 0, deadline: 0 };
  /** Tasks of this server queued or computing now. */
  active = 0;

  /** The process's threads (the first server's options size them); `policiesDir` is where this server finds policies by id. */
  constructor(private readonly policiesDir: string, options: PoolOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.piscina = acquire(options);
  }

  /**
   * Runs `task` on `body` in a worker thread and answers its JSON text. Past the deadline the task
   * is stopped and the request answered 504; when the client disconnects, the task is stopped.
   */
  async run<T extends EngineTask>(task: T, body: TaskBody<T>, reply?: FastifyReply, onProgress?: Progress): Promise<string> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Deadline()), this.deadlineMs);
    const gone = () => { if (!reply?.raw.writableFinished) controller.abort(new ClientGone()); };
    // Without a reply (a write, e.g. settle) the task is not cancelled when its client goes away.
    reply?.raw.on('close', gone);
    if (reply?.raw.destroyed) gone();
    this.active++;
    try {
      const channel = onProgress && new MessageChannel();
      channel?.port1.on('message', ({ done, total }: { done: number; total: number }) => onProgress?.(done, total));
      const message: TaskMessage = { task, body, policiesDir: this.policiesDir, progress: channel?.port2 };
      // piscina infers its transfer list type from the last overload of postMessage in @types/node: a list of ports is what it takes.
      const transferList = (channel ? [channel.port2] : undefined) as never;
      const answer = await this.piscina.run(message, { signal: controller.signal, transferList })
        .finally(() => channel?.port1.close());
      if (answer.ok) return answer.json;
      if (answer.kind === 'ratecard') throw new RatecardError(answer.diagnostics);
      throw new RequestError(answer.status, answer.error, answer.diagnostics, answer.extra, answer.detail);
    } catch (e) {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof Deadline) {
        this.stopped.deadline++;
        throw new RequestError(504, 'deadline exceeded', [requestDiagnostic('body', '', `the request computed longer than the server's limit of ${seconds(this.deadlineMs)} and was stopped: ask for less (a shorter range, one payee, \`detail: amounts\`) or start the server with a longer \`--deadline\``, 'deadline')]);
      }
      if (reason instanceof ClientGone) {
        this.stopped.cancelled++;
        throw new RequestError(499, 'client closed the request', [requestDiagnostic('url', '', 'the client went away; the request was stopped', 'cancelled')]);
      }
      if (e instanceof Error && /queue is at limit/i.test(e.message)) {
        throw new RequestError(503, 'busy', [requestDiagnostic('url', '', 'the server is busy with other requests: try again in a moment', 'busy')]);
      }
      throw e;
    } finally {
      this.active--;
      clearTimeout(timer);
      reply?.raw.off('close', gone);
    }
  }

  private closed = false;

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return release(this.piscina);
  }
}
