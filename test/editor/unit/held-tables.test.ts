// The preview's tables as the page gives them (Blobs, served URLs): read as bytes only while a
// request reads them, freed when the last one ends (or kept for a small dataset), a dataset set
// meanwhile read instead, and a table that cannot be read reported as the dataset's problem.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeldTables } from '../../../editor/src/worker/held-tables.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import { readSpan, readTable, textSource } from '../../../editor/src/worker/table-bytes.js';
import type { DatasetTables } from '../../../editor/src/worker/protocol.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const payees = read('data/scenarios/rural-contract/payees.csv'), facts = read('data/scenarios/rural-contract/facts.csv');
const blobs = (id: string): DatasetTables => ({ id, payees: { file: 'payees.csv', blob: new Blob([payees]) }, facts: { file: 'facts.csv', blob: new Blob([facts]) } });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let server: ReturnType<typeof createServer>, base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (req.url === '/ranged.csv' && range) {
      res.statusCode = 206;
      res.end(Buffer.from(facts).subarray(Number(range[1]), Number(range[2]) + 1));
    } else if (req.url === '/facts.csv' || req.url === '/ranged.csv') res.end(facts);
    else { res.statusCode = 404; res.end('no such table'); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('held tables', () => {
  it('are readable only while opened, the bytes dropped after the last close unless kept', async () => {
    let keep = false;
    const held = new HeldTables(() => keep);
    held.set(blobs('a'));
    expect(held.readable).toBe(false);
    expect(() => held.now).toThrow(/without being opened/);
    await held.open();
    await held.open();
    const tables = held.now;
    expect(text((tables.facts as { bytes: Uint8Array }).bytes)).toBe(facts);
    held.close();
    expect(held.readable).toBe(true); // one request still reads them
    held.close();
    expect(held.readable).toBe(false);
    keep = true;
    expect(await held.with((t) => text((t.payees as { bytes: Uint8Array }).bytes))).toBe(payees);
    expect(held.readable).toBe(true); // a small dataset: kept read
  });

  it('held after a trace until released: the next trace reads them at once, a run or the rest frees them', async () => {
    const held = new HeldTables(() => false);
    held.set(blobs('a'));
    held.hold();
    await held.with(() => undefined);
    expect(held.readable).toBe(true);
    const bytes = held.now.facts;
    await held.with(() => undefined);
    expect(held.now.facts).toBe(bytes); // not read again
    held.release();
    expect(held.readable).toBe(false);
    held.release(); // a second release changes nothing
    expect(held.readable).toBe(false);
  });

  it('read the dataset set while they were being read', async () => {
    const held = new HeldTables(() => false);
    held.set(blobs('a'));
    const opening = held.open();
    const other: DatasetTables = { id: 'b', payees: { file: 'p.csv', text: 'payee_id,channel_type\n' }, facts: { file: 'f.csv', blob: new Blob(['payee_id,period\n']) } };
    held.set(other);
    await opening;
    expect(text((held.now.facts as { bytes: Uint8Array }).bytes)).toBe('payee_id,period\n');
    held.close();
  });

  it('text tables need no opening', () => {
    const held = new HeldTables(() => false);
    held.set({ id: 't', payees: { file: 'p.csv', text: payees }, facts: { file: 'f.csv', text: facts } });
    expect(held.readable).toBe(true);
  });
});

describe('served tables', () => {
  it('are fetched as bytes, or as text for the server', async () => {
    const table = { file: 'rural/facts.csv', url: `${base}/facts.csv` };
    expect(text((await readTable(table) as { bytes: Uint8Array }).bytes)).toBe(facts);
    expect(await textSource(table)).toEqual({ file: 'rural/facts.csv', text: facts });
  });

  it('give a span as a byte range, or cut from the whole table where the server sends it whole', async () => {
    const bytes = new TextEncoder().encode(facts);
    expect(await readSpan({ file: 'f.csv', url: `${base}/ranged.csv` }, 40, 90)).toEqual(bytes.slice(40, 90));
    expect(await readSpan({ file: 'f.csv', url: `${base}/facts.csv` }, 40, 90)).toEqual(bytes.slice(40, 90));
    await expect(readSpan({ file: 'rural/f.csv', url: `${base}/gone.csv` }, 0, 1)).rejects.toThrow('could not read `rural/f.csv`: 404 no such table');
  });

  it('that cannot be read: the dataset\'s problem, named by its file, for every run', async () => {
    const engine = new PreviewEngine();
    engine.setDataset({ id: 'gone', payees: { file: 'payees.csv', text: payees }, facts: { file: 'rural/facts.csv', url: `${base}/gone.csv` } });
    const policy = engine.check(1, 'rural-contract.yaml', read('policies/rural-contract.yaml')).policy!;
    await engine.ready(policy);
    const result = engine.run(1, policy, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'dataset-unreadable', message: 'could not read `rural/facts.csv`: 404 no such table' })]);
  });
});
