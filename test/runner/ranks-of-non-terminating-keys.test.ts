// Population ranks order payees by exact values such as a growth of 1/3, which has no finite
// decimal: a run in parts ranks them exactly as an in-memory run does, with the same bytes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv } from '../../engine/index.js';
import { settleInParts } from '../../runner/settle-in-parts.js';
import { LINE_FACTS_HEADER, LINE_PAYEES_HEADER, LINE_TX_HEADER, privateLineRows } from '../../bench/private-line-data.js';

describe('ranks over parts', () => {
  it('rank growths like 1/3 exactly, in memory and in parts alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecard-ranks-'));
    const rows = privateLineRows(7, 0, 12, 12, 300);
    // growth 4/3 − 1 = 1/3 and 5/3 − 1 = 2/3 for two branches in every month
    const facts = rows.facts.map((line, i) => i < 24 ? line.replace(/^([^,]+,[^,]+),\d+,\d+,/, i < 12 ? '$1,4000000,3000000,' : '$1,5000000,3000000,') : line);
    const files = { payees: join(dir, 'payees.csv'), facts: join(dir, 'facts.csv'), transactions: join(dir, 'tx.csv') };
    writeFileSync(files.payees, [LINE_PAYEES_HEADER, ...rows.payees].join('\n') + '\n');
    writeFileSync(files.facts, [LINE_FACTS_HEADER, ...facts].join('\n') + '\n');
    writeFileSync(files.transactions, [LINE_TX_HEADER, ...rows.transactions].join('\n') + '\n');
    const policy = { file: 'policies/private-line.yaml', text: readFileSync('policies/private-line.yaml', 'utf8') };
    const loaded = loadPolicy(policy);
    if (!loaded.ok) throw new Error('policy');
    const read = (f: string) => ({ file: f, text: readFileSync(f, 'utf8') });
    const ds = readDataset({ payees: read(files.payees), facts: read(files.facts), transactions: read(files.transactions) }, loaded.policy);
    if (!ds.ok) throw new Error(ds.diagnostics[0].message);
    const expected = statementToCsv(settle(loaded.policy, ds.dataset), { withheld: true });
    expect(expected).toMatch(/,L000001,private-line,growth_rank,bonus,/);
    const out = join(dir, 'out.csv');
    await settleInParts({ policy, files, workers: 2, payeesPerPart: 5, format: 'csv', withheld: true, out });
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });
});
