// Arrays freed at once (`ArrayBuffer.prototype.transfer(0)`, which Chromium has and Node 20 has
// not: given here by a transfer through structuredClone, which detaches the same way) are never
// read again: a read in chunks, the helper's part as bytes and read back, one payee's rows and a
// run in halves give what they give without freeing, and the arrays they freed are detached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, readDataset } from '../../../engine/index.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { freeBuffers } from '../../../editor/src/worker/free-buffers.js';
import { helperPart, partTables } from '../../../editor/src/worker/helper-part.js';
import { onePayeeTables } from '../../../editor/src/worker/one-payee.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { DatasetTables } from '../../../editor/src/worker/protocol.js';
import { readInChunks } from '../../../editor/src/worker/read-in-chunks.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';
import { helperOf } from './helper-in-thread.js';
import { fullStatement } from './preview-oracle.js';
import { readFileSync } from 'node:fs';

type WithTransfer = { transfer?: (this: ArrayBuffer, n: number) => ArrayBuffer };
const proto = ArrayBuffer.prototype as unknown as WithTransfer;
const native = proto.transfer;
const freed: ArrayBuffer[] = [];

beforeAll(() => {
  if (native) return;
  proto.transfer = function (n: number) {
    freed.push(this);
    return structuredClone(this, { transfer: [this] }).slice(0, n);
  };
});
afterAll(() => {
  if (!native) delete proto.transfer;
});

const d = generateRuralDataset(450, 12);
const tables: DatasetTables = { id: 'g', payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: d.facts } };
const saved = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');

describe('arrays freed at once', () => {
  it('are detached, views of them too', () => {
    const a = new Int32Array(1_000), view = a.subarray(10, 20);
    freeBuffers(a, undefined);
    expect(a.buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('are never read again by a read in chunks, the helper\'s part, one payee\'s rows or a run in halves', async () => {
    const policy = loadPolicy({ file: 'p.yaml', text: saved });
    if (!policy.ok) throw new Error('the policy does not load');
    const whole = readDataset(tables, policy.policy);
    if (!whole.ok) throw new Error('the dataset does not read');
    const before = freed.length;
    expect(readInChunks(tables, policy.policy)).toEqual(whole.dataset);
    const part = helperPart(tables, 200)!;
    const bytes = [part.payees.bytes, part.facts.bytes];
    const read = partTables(part);
    expect(read.facts).toEqual({ file: 'facts.csv', text: d.facts.split('\n').filter((l, i) => i === 0 || Number(l.split(',')[1]?.slice(1)) > 200).join('\n') + '\n' });
    expect(bytes.every((b) => b.buffer.byteLength === 0)).toBe(true);
    expect(onePayeeTables(tables, 'G00007', []).facts).toMatchObject({ rows: d.facts.split('\n').filter((l, i) => i === 0 || l.includes(',G00007,')).map((l) => l.split(',')) });
    if (!native) expect(freed.length).toBeGreaterThan(before + 10);

    const engine = new PreviewEngine(2);
    engine.setDataset(tables);
    const helper = helperOf(tables, engine, saved);
    const edited = setYamlValue(saved, ['params', 'step_rate', 'value'], '0.03');
    for (const text of [saved, edited]) {
      const result = await engine.runInHalves(1, engine.check(1, 'p.yaml', text).policy!, {}, helper);
      if (!result.ok) throw new Error('the preview failed');
      expect(result.summary.totals).toEqual(fullStatement(text, tables).totals);
    }
  });
});
