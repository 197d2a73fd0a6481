// `ratecard settle` output: CSV (with `--withheld` zero rows) or JSON with traces, withheld
// items and totals; `--from`/`--to` limit the statement; without `--out` the CSV goes to stdout.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, type Statement } from '../../engine/index.js';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const tmp = scratch('ratecard-output-');

describe('ratecard settle output', () => {
  it('writes JSON with traces, withheld items and totals when --out ends in .json', async () => {
    const out = tmp.path('statement.json');
    const run = await runCli([...settleArgs('service-center'), '--out', out]);
    expect(run.code).toBe(0);
    const statement = JSON.parse(readFileSync(out, 'utf8')) as Statement;
    expect(statement.policy.id).toBe('service-center');
    expect(statement.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    expect([statement.from, statement.to]).toEqual(['2025-01', '2025-12']);
    expect(statement.lines).toHaveLength(31);
    expect(statement.lines.every((l) => l.trace.formula && l.trace.rule === l.line)).toBe(true);
    expect(statement.withheld.map((w) => w.id)).toContain('service-center/S01/2025-03/quarterly_bonus');
    expect(Object.keys(statement.totals.byKind)).toEqual(['commission', 'deduction', 'refund', 'bonus']);
  });

  it('writes CSV to stdout with the statement columns; --withheld adds zero rows', async () => {
    const plain = await runCli(settleArgs('service-center'));
    expect(plain.code).toBe(0);
    const rows = parseCsv(plain.stdout);
    expect(rows[0].cells).toEqual(['period', 'payee_id', 'policy', 'line', 'kind', 'amount', 'status', 'explanation']);
    expect(rows.slice(1).every((r) => r.cells[6] === 'paid')).toBe(true);

    const withheld = await runCli([...settleArgs('service-center'), '--withheld']);
    const extra = parseCsv(withheld.stdout).slice(rows.length);
    expect(extra.length).toBeGreaterThan(0);
    expect(extra.every((r) => r.cells[5] === '0.00' && r.cells[6] === 'withheld' && r.cells[7].startsWith('withheld: '))).toBe(true);
  });

  it('limits the statement to --from … --to, still counting the earlier months of the year', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--from', '2025-06', '--to', '2025-06']);
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout).slice(1);
    expect(new Set(rows.map((r) => r.cells[0]))).toEqual(new Set(['2025-06']));
    // the June refund returns Q1's deductions, settled from January although not on this statement
    expect(rows.find((r) => r.cells[1] === 'R02' && r.cells[3] === 'refund')?.cells[5]).toBe('1886.74');
  });

  it('an explicit --format csv wins over a .json name', async () => {
    const out = tmp.path('really-csv.json');
    const run = await runCli([...settleArgs('postal-agency'), '--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('period,payee_id,policy,line,kind,amount,status,explanation\n')).toBe(true);
  });
});
