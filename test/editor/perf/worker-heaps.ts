// The JS heap of each worker of a page (the preview worker, its helper, Monaco's), by CDP
// `Runtime.getHeapUsage` sent to every worker target: dedicated workers attach to the page's
// session, nested ones (the helper, started by the preview worker) to their parent's, so
// messages are wrapped once per level (`Target.sendMessageToTarget`, non-flat sessions).
// A probe stays attached, so the memory bench can sample the heaps while an edit runs.
import type { CDPSession, Page } from 'playwright-core';

/** A worker's heap: what is used (live and not yet collected) and what V8 holds for it (`totalSize`). */
export interface WorkerHeap { url: string; usedMb: number; totalMb: number }

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown };
interface Target { path: string[]; url: string }

const MB = 1024 * 1024;

/** Sends `message` to the target at `path` (session ids, outermost first) through `cdp`, as nested envelopes. */
function wrap(path: string[], message: Message, next: () => number): Message {
  let m = message;
  for (let i = path.length - 1; i >= 1; i--) m = { id: next(), method: 'Target.sendMessageToTarget', params: { sessionId: path[i], message: JSON.stringify(m) } };
  return m;
}

/** Unwraps an event from the page session down to the innermost message and the session path it came through. */
function unwrap(sessionId: string, message: string): { path: string[]; message: Message } {
  const path = [sessionId];
  let m = JSON.parse(message) as Message;
  while (m.method === 'Target.receivedMessageFromTarget') {
    const p = m.params as { sessionId: string; message: string };
    path.push(p.sessionId);
    m = JSON.parse(p.message) as Message;
  }
  return { path, message: m };
}

/** Attached to every worker of a page (workers started later attach too) until `close`. */
export class WorkerHeapProbe {
  private readonly targets: Target[] = [];
  private readonly replies = new Map<number, (m: Message) => void>();
  private id = 1_000_000;
  private constructor(private readonly cdp: CDPSession) {}

  static async open(page: Page): Promise<WorkerHeapProbe> {
    const probe = new WorkerHeapProbe(await page.context().newCDPSession(page));
    await probe.attach();
    return probe;
  }

  private next = () => ++this.id;

  private async send(path: string[], method: string, params: Record<string, unknown> = {}): Promise<Message> {
    const n = this.next();
    const reply = new Promise<Message>((resolve) => this.replies.set(n, resolve));
    const inner = wrap(path, { id: n, method, params }, this.next);
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: path[0], message: JSON.stringify(inner) });
    return Promise.race([reply, new Promise<Message>((resolve) => setTimeout(() => resolve({}), 5_000))]);
  }

  private async attach(): Promise<void> {
    const attached = (path: string[], info: { type: string; url: string }, sessionId: string) => {
      if (info.type !== 'worker') return;
      const target = { path: [...path, sessionId], url: info.url };
      this.targets.push(target);
      void this.send(target.path, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    };
    this.cdp.on('Target.attachedToTarget', (e) => attached([], e.targetInfo, e.sessionId));
    this.cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (!e.sessionId) return;
      const { path, message } = unwrap(e.sessionId, e.message);
      if (message.id !== undefined) this.replies.get(message.id)?.(message);
      else if (message.method === 'Target.attachedToTarget') {
        const p = message.params as { sessionId: string; targetInfo: { type: string; url: string } };
        attached(path, p.targetInfo, p.sessionId);
      }
    });
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the nested workers attach in turn
  }

  /** Each worker's heap now; with `collect`, after a full garbage collection in each (what is kept alive). */
  async heaps(collect = false): Promise<WorkerHeap[]> {
    const heaps: WorkerHeap[] = [];
    for (const t of this.targets) {
      if (collect) await this.send(t.path, 'HeapProfiler.collectGarbage');
      const r = (await this.send(t.path, 'Runtime.getHeapUsage')).result as { usedSize?: number; totalSize?: number } | undefined;
      if (r?.usedSize !== undefined) heaps.push({ url: t.url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, ''), usedMb: Math.round(r.usedSize / MB), totalMb: Math.round((r.totalSize ?? 0) / MB) });
    }
    return heaps;
  }

  /** A full garbage collection in the workers whose script's name starts with `name` (e.g. `preview-part`). */
  async collect(name: string): Promise<void> {
    for (const t of this.targets) if (t.url.split('/').pop()!.startsWith(name)) await this.send(t.path, 'HeapProfiler.collectGarbage');
  }

  async close(): Promise<void> { await this.cdp.detach(); }
}

/** Each worker's heap, attaching for this one reading. */
export async function workerHeaps(page: Page, collect = false): Promise<WorkerHeap[]> {
  const probe = await WorkerHeapProbe.open(page);
  try {
    return await probe.heaps(collect);
  } finally {
    await probe.close();
  }
}
