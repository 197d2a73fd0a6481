// Population aggregates and allocations need every payee of a team, and teams span parts: a run in
// parts of 4 payees over 2 workers gives the bytes of the run in memory (aggregates, shares, lapses).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset, settle, statementToCsv } from '../../engine/index.js';
import { settleInParts } from '../../runner/settle-in-parts.js';

describe('population values over parts', () => {
  it('shares each team\'s pool exactly as in memory when the team spans parts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecard-pool-'));
    const ids = Array.from({ length: 30 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
    const payees = ['payee_id,name,channel_type,region,parent_id,team', ...ids.map((id, i) => `${id},${id},marketing_manager,north,b1,T${(i % 4) + 1}`)];
    const facts = ['period,payee_id,revenue,kpi_development,kpi_service,kpi_collection,safety_incidents'];
    for (let m = 1; m <= 3; m++) {
      ids.forEach((id, i) => {
        const k = (i * 7 + m * 13) % 17;
        // team T4 has an incident for everyone in March: its pool lapses that month
        const incidents = (i % 4 === 3 && m === 3) || k === 5 ? 1 : 0;
        facts.push(`2025-0${m},${id},${10000 + k * 1234.57},${55 + k * 2.5},${60 + k},${70 + (k % 5) * 3.25},${incidents}`);
      });
    }
    const files = { payees: join(dir, 'payees.csv'), facts: join(dir, 'facts.csv') };
    writeFileSync(files.payees, payees.join('\n') + '\n');
    writeFileSync(files.facts, facts.join('\n') + '\n');
    const policy = { file: 'policies/bonus-pool.yaml', text: readFileSync('policies/bonus-pool.yaml', 'utf8') };
    const loaded = loadPolicy(policy);
    if (!loaded.ok) throw new Error('policy');
    const read = (f: string) => ({ file: f, text: readFileSync(f, 'utf8') });
    const ds = readDataset({ payees: read(files.payees), facts: read(files.facts) }, loaded.policy);
    if (!ds.ok) throw new Error(ds.diagnostics[0].message);
    const statement = settle(loaded.policy, ds.dataset, { detail: 'explanation' });
    expect(statement.withheld.some((w) => w.reason.includes('no payee of the team `T4` shares it this month'))).toBe(true);
    const expected = statementToCsv(statement, { withheld: true });
    const out = join(dir, 'out.csv');
    await settleInParts({ policy, files, workers: 2, payeesPerPart: 4, format: 'csv', withheld: true, out });
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });
});
