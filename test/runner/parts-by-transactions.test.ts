// Parts are sized by transactions as well as by payees: a part of whole, consecutive payees
// holds at most the bound of transactions (a payee with more has a part of its own), and the
// statement is still the same bytes as an in-memory run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINE_FACTS_HEADER, LINE_PAYEES_HEADER, LINE_TX_HEADER, privateLineRows } from '../../bench/private-line-data.js';
import { loadPolicy, readDataset, settle, statementToCsv } from '../../engine/index.js';
import { partition } from '../../runner/partition.js';
import { settleInParts } from '../../runner/settle-in-parts.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecard-parts-by-rows-'));
const rows = privateLineRows(5, 0, 16, 16, 320);
// branch L000003 sells 90 more lines in 2025-02: more than a part may hold
const heavy = Array.from({ length: 90 }, (_, n) => `L000003-extra-${n},L000003,2025-02,${1000 + n},2000,24`);
const files = { payees: join(dir, 'payees.csv'), facts: join(dir, 'facts.csv'), transactions: join(dir, 'tx.csv') };
writeFileSync(files.payees, [LINE_PAYEES_HEADER, ...rows.payees].join('\n') + '\n');
writeFileSync(files.facts, [LINE_FACTS_HEADER, ...rows.facts].join('\n') + '\n');
writeFileSync(files.transactions, [LINE_TX_HEADER, ...rows.transactions, ...heavy].join('\n') + '\n');
const policy = { file: 'policies/private-line.yaml', text: readFileSync('policies/private-line.yaml', 'utf8') };

const linesIn = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const txOf = (id: string) => rows.transactions.filter((t) => t.split(',')[1] === id).length + (id === 'L000003' ? heavy.length : 0);

describe('parts sized by transactions', () => {
  it('hold whole consecutive payees and at most the bound of transactions, unless one payee has more', async () => {
    const p = await partition(files, { payees: 1000, transactions: 60 });
    try {
      expect(p.payeesInPart.reduce((a, b) => a + b, 0)).toBe(16);
      const ids = p.payees.parts.map((f) => linesIn(f).map((l) => l.split('\t')[1].split(',')[0]));
      expect(ids.flat()).toEqual(rows.payees.map((r) => r.split(',')[0]));
      expect(ids.map((list) => list.length)).toEqual(p.payeesInPart);
      expect(ids).toContainEqual(['L000003']); // 20 + 90 transactions: alone
      ids.forEach((list, i) => {
        const tx = linesIn(p.transactions!.parts[i]).length;
        expect(tx).toBe(list.reduce((sum, id) => sum + txOf(id), 0));
        if (list.length > 1) expect(tx).toBeLessThanOrEqual(60);
        // a part ends only where the next payee would pass the bound
        if (i + 1 < ids.length) expect(tx + txOf(ids[i + 1][0])).toBeGreaterThan(60);
      });
    } finally {
      p.cleanup();
    }
    const capped = await partition(files, { payees: 3, transactions: 1_000_000 });
    expect(capped.payeesInPart).toEqual([3, 3, 3, 3, 3, 1]);
    capped.cleanup();
  });

  it('write the same bytes as an in-memory run', async () => {
    const loaded = loadPolicy(policy);
    if (!loaded.ok) throw new Error('policy');
    const read = (f: string) => ({ file: f, text: readFileSync(f, 'utf8') });
    const ds = readDataset({ payees: read(files.payees), facts: read(files.facts), transactions: read(files.transactions) }, loaded.policy);
    if (!ds.ok) throw new Error(ds.diagnostics[0].message);
    const out = join(dir, 'out.csv');
    const summary = await settleInParts({ policy, files, workers: 2, transactionsPerPart: 60, format: 'csv', withheld: true, out });
    expect(summary.parts).toBeGreaterThan(4);
    expect(readFileSync(out, 'utf8')).toBe(statementToCsv(settle(loaded.policy, ds.dataset), { withheld: true }));
  });
});
