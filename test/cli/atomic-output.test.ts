// `--out` is written atomically: a failing settle leaves no file (and no temp file) behind and
// never clobbers a statement already there; a good run replaces it whole.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editLines, runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const tmp = scratch('ratecard-atomic-');
const badFacts = tmp.write('bad-facts.csv', editLines('data/scenarios/rural-contract/facts.csv', (l) => {
  l[3] = l[3].replace('83000,87316', '83000,87x16');
  return l;
}));

describe('atomic output', () => {
  it('a failing settle writes no output file and no temp file', async () => {
    const out = tmp.path('fresh.csv');
    const run = await runCli([...settleArgs('rural-contract', { facts: badFacts }), '--out', out]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failing settle leaves an existing statement untouched', async () => {
    const out = tmp.write('kept.csv', 'the statement of last month\n');
    const run = await runCli([...settleArgs('rural-contract', { facts: badFacts }), '--out', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('the statement of last month\n');
  });

  it('a failing policy leaves an existing statement untouched', async () => {
    const out = tmp.write('kept-policy.json', '{}\n');
    const params = tmp.write('bad.yaml', 'step_rate: 2%\n');
    const run = await runCli([...settleArgs('rural-contract'), '--params', params, '--out', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('{}\n');
  });

  it('a good run replaces the statement whole and says what it wrote', async () => {
    const out = tmp.write('replaced.csv', 'old\n');
    const run = await runCli([...settleArgs('service-center'), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`31 lines for 3 payees, 2025-01 to 2025-12, total ${totalOf(out)} → ${out}\n`);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('period,payee_id,policy,line,kind,amount,status,explanation');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports an output path it cannot write, without a stack trace', async () => {
    const file = tmp.write('a-file', 'x');
    const out = `${file}/statement.csv`;
    const run = await runCli([...settleArgs('service-center'), '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:1 out: cannot write the output file: E[A-Z]+\\n$`));
  });
});

/** The total of a CSV statement, summed in cents. */
function totalOf(file: string): string {
  const cents = readFileSync(file, 'utf8').trim().split('\n').slice(1)
    .reduce((sum, row) => sum + BigInt(row.split(',')[5].replace('.', '')), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

