// A trace reads the payee's rows alone, where they lie in the tables (payee-spans.ts): with the
// facts in any order (rows of other payees between its own), blank lines, a byte-order mark and
// padded ids, its trace and what-if equal those read from the whole tables, and no table is read
// whole; the payee's span as the served table's byte range equals the same bytes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { readSpan } from '../../../editor/src/worker/table-bytes.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';
import { blobTables } from './blob-tables.js';
import { helperOf } from './helper-in-thread.js';

const saved = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const d = generateRuralDataset(300, 12);
const [header, ...rows] = d.facts.trim().split('\n');
// month by month, a blank line between months, ids padded in one month, a byte-order mark first
const byMonth = rows.sort((a, b) => (a.slice(0, 7) < b.slice(0, 7) ? -1 : a.slice(0, 7) > b.slice(0, 7) ? 1 : 0))
  .map((r) => (r.startsWith('2025-03') ? r.replace(/,(G\d+),/, ', $1 ,') : r));
const facts = `\uFEFF${header}\n${byMonth.map((r, i) => (i > 0 && r.slice(0, 7) !== byMonth[i - 1].slice(0, 7) ? `\n${r}` : r)).join('\n')}\n`;
const tables: SourceTables = { id: 'g', payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: facts } };

describe('a payee traced from its own rows', () => {
  it('equals the trace from the whole tables, in either half, with a what-if, reading no table whole', async () => {
    const engine = new PreviewEngine(2), reference = new PreviewEngine(2);
    engine.setDataset(blobTables(tables));
    reference.setDataset(tables);
    const helper = helperOf(tables, engine, saved), referenceHelper = helperOf(tables, reference, saved);
    await engine.runInHalves(1, engine.check(1, 'p.yaml', saved).policy!, {}, helper);
    await reference.runInHalves(1, reference.check(1, 'p.yaml', saved).policy!, {}, referenceHelper);
    const whatIf = [{ period: '2025-03', fact: 'revenue_actual', value: '1.5' }];
    for (const payeeId of ['G00001', 'G00150', 'G00151', 'G00300']) {
      for (const overrides of [[], whatIf]) {
        const traced = await engine.traceInHalves(2, payeeId, overrides, helper);
        expect(traced.lines.length).toBeGreaterThan(0);
        expect(traced.facts?.['2025-03']).toBeDefined();
        expect(traced).toEqual(await reference.traceInHalves(2, payeeId, overrides, referenceHelper));
      }
    }
    expect(engine.tablesRead).toBe(false);
  });

  it('reads a span as a slice of a Blob, of the bytes, or cut from the whole of a served table', async () => {
    const bytes = new TextEncoder().encode(facts);
    const blob = { file: 'facts.csv', blob: new Blob([facts]) };
    expect(await readSpan(blob, 100, 160)).toEqual(bytes.slice(100, 160));
    expect(await readSpan({ file: 'facts.csv', bytes }, 100, 160)).toEqual(bytes.slice(100, 160));
    expect(await readSpan({ file: 'facts.csv', text: facts }, 100, 160)).toEqual(bytes.slice(100, 160));
    expect(await readSpan({ file: 'facts.csv', rows: [] }, 0, 1)).toBeUndefined();
  });
});
