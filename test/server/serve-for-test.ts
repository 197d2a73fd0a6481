// A real listening server for tests (127.0.0.1, port 0) and the scenario files as request parts.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildServer, type ServerOptions } from '../../server/build-server.js';

export interface Running { url: string; close(): Promise<void> }

export async function listening(options: ServerOptions = {}): Promise<Running> {
  const app = await buildServer(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const source = (file: string) => ({ file, text: readFileSync(file, 'utf8') });

/** A scenario's dataset as a request's `dataset`, file names as in the repository. */
export function scenarioDataset(name: string) {
  const dir = `data/scenarios/${name}`;
  return {
    payees: source(`${dir}/payees.csv`),
    facts: source(`${dir}/facts.csv`),
    ...(existsSync(`${dir}/transactions.csv`) ? { transactions: source(`${dir}/transactions.csv`) } : {}),
  };
}

export const policyText = (name: string) => source(`policies/${name}.yaml`);

/** POST a JSON body; answers status and parsed JSON (or text when not JSON). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

export async function get(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}
