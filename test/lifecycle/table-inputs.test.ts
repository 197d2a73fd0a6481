// Inputs as operators have them: payees, facts and transactions as Excel .xlsx (read as the
// editor reads them), CSV in UTF-8 with or without BOM, and GB18030/GBK, detected or named.
import { readFileSync, writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const scenario = (name: string, table: string) => readFileSync(`data/scenarios/${name}/${table}.csv`, 'utf8');

/** A CSV table as a workbook: numeric cells as numbers, the rest as text. */
async function xlsxOf(csv: string, path: string) {
  const rows = csv.trimEnd().split('\n').map((line) => line.split(',').map((c) => (c !== '' && !Number.isNaN(Number(c)) && !/^\d{4}-\d{2}$/.test(c) ? Number(c) : c)));
  await writeXlsxFile(rows).toFile(path);
}

/** `农村` in GB18030/GBK. */
const NONG_CUN = Buffer.from([0xc5, 0xa9, 0xb4, 0xe5]);
const gbk = (text: string) => Buffer.concat(text.split('农村').flatMap((part, i) => (i ? [NONG_CUN, Buffer.from(part)] : [Buffer.from(part)])));

describe('tables as .xlsx', () => {
  it('settles the same statement from .xlsx payees, facts and transactions as from CSV', async () => {
    const dir = scratch('ratecard-xlsx-');
    for (const t of ['payees', 'facts', 'transactions']) await xlsxOf(scenario('private-line', t), dir.path(`${t}.xlsx`));
    const fromCsv = await runCli(settleArgs('private-line'));
    const fromXlsx = await runCli(settleArgs('private-line', { payees: dir.path('payees.xlsx'), facts: dir.path('facts.xlsx'), transactions: dir.path('transactions.xlsx') }));
    expect(fromXlsx.stderr).toBe('');
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.stdout.split('\n').length).toBeGreaterThan(20);
  });

  it('locates a bad cell at its row and column in the sheet, skipping blank rows', async () => {
    const dir = scratch('ratecard-xlsx-');
    const facts = dir.path('facts.xlsx');
    await writeXlsxFile([
      ['period', 'payee_id', 'revenue', 'revenue_last_year', 'retention_rate', 'audit_pass_rate', 'audit_failed_samples', 'avg_survey_days'],
      ['2025-04', 'L01', 100, 100, 0.99, 0.95, 0, 10],
      [null, null, null, null, null, null, null, null],
      ['2025-04', 'L02', '87x16', 100, 0.99, 0.95, 0, 10],
    ]).toFile(facts);
    const payees = dir.write('payees.csv', 'payee_id,channel_type\nL01,private_line_branch\nL02,private_line_branch\n');
    const tx = dir.write('tx.csv', 'line_id,payee_id,period,monthly_tariff,standard_tariff,contract_months\n');
    const { code, stderr } = await runCli(settleArgs('private-line', { payees, facts, transactions: tx }));
    expect(stderr).toBe(`${facts}:4:3 revenue: expected an amount of money, got \`87x16\`\n`);
    expect(code).toBe(1);
  });

  it('reports a file that is no workbook', async () => {
    const dir = scratch('ratecard-xlsx-');
    const payees = dir.write('payees.xlsx', 'payee_id,channel_type\n');
    const { code, stderr } = await runCli(settleArgs('rural-contract', { payees }));
    expect(stderr).toMatch(new RegExp(`^${payees.replace(/[.]/g, '\\.')}:1:1 cannot read the spreadsheet: .+\n$`));
    expect(code).toBe(1);
  });
});

describe('CSV encodings', () => {
  const payees = 'payee_id,name,channel_type\n农村01,point,rural_contract\n';
  const facts = scenario('rural-contract', 'facts').split('\n').filter((l, i) => i === 0 || l.includes(',R01,')).join('\n').replace(/,R01,/g, ',农村01,') + '\n';

  it('reads GB18030/GBK when the bytes are not UTF-8, and UTF-8 with or without BOM', async () => {
    const dir = scratch('ratecard-enc-');
    writeFileSync(dir.path('payees-gbk.csv'), gbk(payees));
    writeFileSync(dir.path('facts-gbk.csv'), gbk(facts));
    writeFileSync(dir.path('payees-bom.csv'), '\uFEFF' + payees);
    const utf8 = dir.write('facts.csv', facts);
    const detected = await runCli(['settle', '--policy', 'policies/rural-contract.yaml', '--payees', dir.path('payees-gbk.csv'), '--facts', dir.path('facts-gbk.csv')]);
    expect(detected.stderr).toBe('');
    expect(detected.stdout).toContain('2025-01,农村01,rural-contract,maintenance,commission,');
    const named = await runCli(['settle', '--policy', 'policies/rural-contract.yaml', '--payees', dir.path('payees-gbk.csv'), '--facts', dir.path('facts-gbk.csv'), '--encoding', 'gbk']);
    expect(named.stdout).toBe(detected.stdout);
    const bom = await runCli(['settle', '--policy', 'policies/rural-contract.yaml', '--payees', dir.path('payees-bom.csv'), '--facts', utf8]);
    expect(bom.stdout).toBe(detected.stdout);
  });

  // C5 A9 (农) happens to be valid UTF-8 (ũ); B4 (村) is not, at column 2
  it('with --encoding utf8, bytes that are not UTF-8 are a located error', async () => {
    const dir = scratch('ratecard-enc-');
    writeFileSync(dir.path('payees.csv'), gbk(payees));
    const facts2 = dir.write('facts.csv', facts);
    const { code, stderr } = await runCli(['settle', '--policy', 'policies/rural-contract.yaml', '--payees', dir.path('payees.csv'), '--facts', facts2, '--encoding', 'utf8']);
    expect(stderr).toBe(`${dir.path('payees.csv')}:2:2 the file is not valid UTF-8 here; for GB18030 or GBK give \`--encoding gb18030\`\n`);
    expect(code).toBe(1);
  });

  it('an unknown encoding is a usage error', async () => {
    const { code, stderr } = await runCli([...settleArgs('rural-contract'), '--encoding', 'latin1']);
    expect(stderr).toContain('--encoding must be auto, utf8, gb18030 or gbk, got `latin1`');
    expect(code).toBe(2);
  });

  it('runs in parts refuse what they cannot read', async () => {
    const { code, stderr } = await runCli([...settleArgs('rural-contract'), '--encoding', 'gb18030', '--workers', '2', '--out', '/tmp/never.csv']);
    expect(stderr).toContain('--workers reads CSV in UTF-8 only');
    expect(code).toBe(2);
  });
});
