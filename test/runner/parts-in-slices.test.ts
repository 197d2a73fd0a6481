// A part is settled a slice of payees at a time and written straight to disk: the statement is
// still the same bytes as an in-memory run (CSV with withheld rows, and JSON), and a part still
// reports every payee missing facts, across slices.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv, statementToJson } from '../../engine/index.js';
import { settleInParts } from '../../runner/settle-in-parts.js';
import { SLICE } from '../../runner/settle-part.js';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, ruralRows } from '../../bench/rural-data.js';

const payees = SLICE + 40;
const dir = mkdtempSync(join(tmpdir(), 'ratecard-slices-'));
const rows = ruralRows(11, 0, payees);
const files = { payees: join(dir, 'payees.csv'), facts: join(dir, 'facts.csv') };
writeFileSync(files.payees, [RURAL_PAYEES_HEADER, ...rows.payees].join('\n') + '\n');
writeFileSync(files.facts, [RURAL_FACTS_HEADER, ...rows.facts].join('\n') + '\n');
const policy = { file: 'policies/rural-contract.yaml', text: readFileSync('policies/rural-contract.yaml', 'utf8') };

function inMemory() {
  const loaded = loadPolicy(policy);
  if (!loaded.ok) throw new Error('policy');
  const ds = readDataset({ payees: { file: files.payees, text: readFileSync(files.payees, 'utf8') }, facts: { file: files.facts, text: readFileSync(files.facts, 'utf8') } }, loaded.policy);
  if (!ds.ok) throw new Error(ds.diagnostics[0].message);
  return settle(loaded.policy, ds.dataset);
}

describe('parts settled in slices', () => {
  it('write the same CSV and JSON as an in-memory run', async () => {
    const statement = inMemory();
    const csv = join(dir, 'out.csv');
    await settleInParts({ policy, files, workers: 2, payeesPerPart: SLICE + 20, format: 'csv', withheld: true, out: csv });
    expect(readFileSync(csv, 'utf8')).toBe(statementToCsv(statement, { withheld: true }));
    const json = join(dir, 'out.json');
    await settleInParts({ policy, files, workers: 1, format: 'json', out: json });
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(JSON.parse(statementToJson(statement)));
  }, 120_000);

  it('report every payee missing facts in a part, whatever its slice', async () => {
    const gaps = join(dir, 'facts-gaps.csv');
    const kept = rows.facts.filter((_, i) => i !== 12 * 3 + 4 && i !== 12 * (SLICE + 9) + 4);
    writeFileSync(gaps, [RURAL_FACTS_HEADER, ...kept].join('\n') + '\n');
    const run = settleInParts({ policy, files: { ...files, facts: gaps }, workers: 1, format: 'csv', out: join(dir, 'gaps.csv') });
    await expect(run).rejects.toThrow(/R000004` has no facts[^]*R000260` has no facts/);
  }, 120_000);
});
