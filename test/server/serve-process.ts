// `ratecard serve` as a process of its own (the built CLI, bin/ratecard.js): started on a free port,
// killed after the test file when it is still running.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll } from 'vitest';

const children: ChildProcess[] = [];
afterAll(() => { for (const c of children) if (c.exitCode === null) c.kill('SIGKILL'); });

/** Starts `ratecard serve ...args` and waits for the line with its URL. */
export function serve(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node', ['bin/ratecard.js', 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '', err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk) => { err += chunk; });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** Stops a process with SIGTERM; answers its exit code. */
export const stopped = (child: ChildProcess) => new Promise<number | null>((resolve) => { child.on('exit', (code) => resolve(code)); child.kill('SIGTERM'); });
