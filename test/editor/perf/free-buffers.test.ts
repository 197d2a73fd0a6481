// Arrays freed at once (`ArrayBuffer.prototype.transfer(0)`, which Chromium has and Node 20 has
// not: given here by a transfer through structuredClone, which detaches the same way) are never
// read again: a read in chunks, one payee's rows, a run in halves over tables given as Blobs (their
// bytes read and freed here and in the helper) and a trace give what they give without freeing,
// and the arrays they freed are detached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, readDataset } from '../../../engine/index.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { freeBuffers } from '../../../editor/src/worker/free-buffers.js';
import { onePayeeTables } from '../../../editor/src/worker/one-payee.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { readInChunks } from '../../../editor/src/worker/read-in-chunks.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';
import { blobTables } from './blob-tables.js';
import { helperOf } from './helper-in-thread.js';
import { fullStatement } from './preview-oracle.js';
import { readFileSync } from 'node:fs';

type WithTransfer = { transfer?: (this: ArrayBuffer, n: number) => ArrayBuffer };
const proto = ArrayBuffer.prototype as unknown as WithTransfer;
const native = proto.transfer;
const freed: ArrayBuffer[] = [];
/** The sizes of the buffers freed, as they were. */
const sizes: number[] = [];

beforeAll(() => {
  if (native) return;
  proto.transfer = function (n: number) {
    freed.push(this);
    sizes.push(this.byteLength);
    return structuredClone(this, { transfer: [this] }).slice(0, n);
  };
});
afterAll(() => {
  if (!native) delete proto.transfer;
});

const d = generateRuralDataset(450, 12);
const tables: SourceTables = { id: 'g', payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: d.facts } };
const saved = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');

describe('arrays freed at once', () => {
  it('are detached, views of them too', () => {
    const a = new Int32Array(1_000), view = a.subarray(10, 20);
    freeBuffers(a, undefined);
    expect(a.buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('are never read again by a read in chunks, one payee\'s rows, a run in halves over tables given as Blobs or a trace', async () => {
    const policy = loadPolicy({ file: 'p.yaml', text: saved });
    if (!policy.ok) throw new Error('the policy does not load');
    const whole = readDataset(tables, policy.policy);
    if (!whole.ok) throw new Error('the dataset does not read');
    const before = freed.length;
    expect(readInChunks(tables, policy.policy)).toEqual(whole.dataset);
    expect(onePayeeTables(tables, 'G00007', []).facts).toMatchObject({ rows: d.facts.split('\n').filter((l, i) => i === 0 || l.includes(',G00007,')).map((l) => l.split(',')) });
    if (!native) expect(freed.length).toBeGreaterThanOrEqual(before + 10); // the read's line offsets, chunk and sort orders

    // the tables as Blobs, as the page gives them: their bytes freed once the dataset is read, here and in the helper
    const engine = new PreviewEngine(2);
    engine.setDataset(blobTables(tables));
    const helper = helperOf(tables, engine, saved);
    const edited = setYamlValue(saved, ['params', 'step_rate', 'value'], '0.03');
    const factBytes = new TextEncoder().encode(d.facts).length;
    const factsFreed = (from: number) => sizes.slice(from).filter((n) => n === factBytes).length;
    const sizesBefore = sizes.length;
    for (const text of [saved, edited]) {
      const result = await engine.runInHalves(1, engine.check(1, 'p.yaml', text).policy!, {}, helper);
      if (!result.ok) throw new Error('the preview failed');
      expect(result.summary.totals).toEqual(fullStatement(text, tables).totals);
      expect(engine.tablesRead).toBe(false);
    }
    // read once here and once in the helper (the edit reads the same fact layout), each freed
    if (!native) expect(factsFreed(sizesBefore)).toBe(2);
    // the reference: the same runs and traces from the tables as text
    const reference = new PreviewEngine(2);
    reference.setDataset(tables);
    const referenceHelper = helperOf(tables, reference, saved);
    await reference.runInHalves(1, reference.check(1, 'p.yaml', edited).policy!, {}, referenceHelper);
    const whatIf = [{ period: '2025-02', fact: 'revenue_actual', value: '12345.67' }];
    const expected = async (payeeId: string, overrides: typeof whatIf = []) => reference.traceInHalves(9, payeeId, overrides, referenceHelper);

    // a trace reads the payee's rows alone (where they lie in the tables): no table read whole
    const sizesTraced = sizes.length;
    for (const [payeeId, overrides] of [['G00400', []], ['G00007', []], ['G00400', whatIf], ['G00007', whatIf]] as const) {
      const traced = await engine.traceInHalves(9, payeeId, [...overrides], helper);
      expect(traced.lines.length).toBeGreaterThan(0);
      expect(traced).toEqual(await expected(payeeId, [...overrides]));
    }
    expect(engine.tablesRead).toBe(false);
    if (!native) expect(factsFreed(sizesTraced)).toBe(0);

    // rows farther apart than the limit: the whole tables are read, and held for the next trace until the next run
    const wide = new PreviewEngine(2, 0);
    wide.setDataset(blobTables(tables));
    const wideHelper = helperOf(tables, wide, saved);
    await wide.runInHalves(1, wide.check(1, 'p.yaml', edited).policy!, {}, wideHelper);
    const sizesWide = sizes.length;
    expect(await wide.traceInHalves(9, 'G00400', [], wideHelper)).toEqual(await expected('G00400'));
    expect(wide.tablesRead).toBe(true);
    expect(await wide.traceInHalves(9, 'G00007', whatIf, wideHelper)).toEqual(await expected('G00007', whatIf));
    if (!native) expect(factsFreed(sizesWide)).toBe(0);
    await wide.runInHalves(4, wide.check(4, 'p.yaml', saved).policy!, {}, wideHelper);
    expect(wide.tablesRead).toBe(false);
    if (!native) expect(factsFreed(sizesWide)).toBe(1);
  });
});
