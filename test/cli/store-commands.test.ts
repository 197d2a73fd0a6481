// `ratecard run`, `close` and `statement` against a real SQLite file: a year month by month with
// closes reproduces `ratecard settle` byte for byte; corrections of closed months become
// adjustments; mistakes are located errors (exit 1) or usage errors (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../engine/index.js';
import { editLines, runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const RURAL = 'data/scenarios/rural-contract';
const runArgs = (db: string, from: string, to = from, facts = `${RURAL}/facts.csv`) =>
  ['run', '--db', db, '--policy', 'policies/rural-contract.yaml', '--payees', `${RURAL}/payees.csv`, '--facts', facts, '--from', from, '--to', to, '--by', 'clerk'];
const closeArgs = (db: string, period: string) => ['close', '--db', db, '--policy-id', 'rural-contract', '--period', period, '--by', 'auditor'];

describe('ratecard run, close and statement', () => {
  const tmp = scratch('ratecard-store-cli-');

  it('settle a year month by month with closes into exactly what `ratecard settle` writes', async () => {
    const db = tmp.path('year.db');
    for (let m = 1; m <= 12; m++) {
      const period = `2025-${String(m).padStart(2, '0')}`;
      const run = await runCli(runArgs(db, period));
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^run-0000${String(m).padStart(2, '0')}: rural-contract ${period} posted \\d+ lines and 0 adjustments, total -?\\d+\\.\\d\\d → `));
      expect((await runCli(closeArgs(db, period))).stdout).toMatch(`closed rural-contract ${period} (closed: 2025-01${m > 1 ? ` to ${period}` : ''}), seal `);
    }
    const out = tmp.path('year.csv');
    const statement = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--out', out]);
    expect(statement.code).toBe(0);
    expect(statement.stderr).toBe(`338 posted lines of rural-contract → ${out}\n`);
    const settled = await runCli(settleArgs('rural-contract'));
    expect(readFileSync(out, 'utf8')).toBe(settled.stdout);
  });

  it('report an unchanged re-run, post adjustments for a corrected closed month, and show them with traces', async () => {
    const db = tmp.path('quarter.db');
    expect((await runCli(runArgs(db, '2025-01', '2025-04'))).stdout).toMatch(/^run-000001: rural-contract 2025-01 to 2025-04 posted 111 lines and 0 adjustments/);
    expect((await runCli(runArgs(db, '2025-01', '2025-04'))).stdout).toMatch(/^run-000002: rural-contract 2025-01 to 2025-04 unchanged: 111 lines and 0 adjustments already posted/);
    for (const m of ['01', '02', '03']) expect((await runCli(closeArgs(db, `2025-${m}`))).code).toBe(0);
    const facts = tmp.write('corrected.csv', readFileSync(`${RURAL}/facts.csv`, 'utf8').replace('2025-03,R01,83000,87316,', '2025-03,R01,83000,80000,'));
    const corrected = await runCli(runArgs(db, '2025-03', '2025-03', facts));
    // see test/store/adjustments.test.ts for the amounts worked by hand
    expect(corrected.stdout).toMatch(/^run-000003: rural-contract 2025-03 posted 0 lines and 3 adjustments, total -950.20 → /);

    const csv = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--payee', 'R01', '--from', '2025-04', '--to', '2025-04']);
    expect(csv.stdout.split('\n').filter((l) => l.includes('@2025-03')).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      '2025-04,R01,rural-contract,over_completion@2025-03,bonus,-317.77',
      '2025-04,R01,rural-contract,under_completion@2025-03,deduction,-366.66',
      '2025-04,R01,rural-contract,refund@2025-03,refund,-265.77',
    ]);
    const out = tmp.path('april.json');
    expect((await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--payee', 'R01', '--from', '2025-04', '--to', '2025-04', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.closed).toEqual(['2025-01', '2025-02', '2025-03']);
    const refund = json.lines.find((l: { line: string }) => l.line === 'refund@2025-03');
    expect(refund).toMatchObject({ runId: 'run-000003', adjustment: true, trace: { adjusts: { lineId: 'rural-contract/R01/2025-03/refund', before: '265.77', after: '0.00' } } });
    expect(json.totals.total).toBe(json.lines.reduce((sum: Exact, l: { amount: string }) => sum.add(Exact.parse(l.amount)), Exact.ZERO).toFixed(2));
    expect(json.lines).toHaveLength(csv.stdout.split('\n').length - 2);
  });

  it('run a policy paid per transaction, with --transactions and --params', async () => {
    const db = tmp.path('private.db');
    const dir = 'data/scenarios/private-line';
    const params = tmp.write('awards.yaml', 'rank_awards: [20000, 12000, 6000]\n');
    const args = ['run', '--db', db, '--policy', 'policies/private-line.yaml', '--payees', `${dir}/payees.csv`, '--facts', `${dir}/facts.csv`,
      '--transactions', `${dir}/transactions.csv`, '--from', '2025-04', '--to', '2025-04'];
    expect((await runCli([...args, '--params', params])).code).toBe(0);
    const awards = (await runCli(['statement', '--db', db, '--policy-id', 'private-line'])).stdout.split('\n').filter((l) => l.includes(',growth_rank,'));
    expect(awards.map((l) => l.split(',')[5]).sort()).toEqual(['12000.00', '20000.00', '6000.00']);
    // the same month without the overrides replaces the open month's lines: the awards of the policy
    expect((await runCli(args)).stdout).toMatch(/^run-000002: private-line 2025-04 posted /);
    const settled = await runCli([...settleArgs('private-line'), '--from', '2025-04', '--to', '2025-04']);
    expect((await runCli(['statement', '--db', db, '--policy-id', 'private-line'])).stdout).toBe(settled.stdout);
  });

  // the close cases run January first, so the store exists
  const located: [string, (db: string) => string[], (db: string) => string][] = [
    ['a close of a month never run', (db) => closeArgs(db, '2025-02'), (db) => `${basename(db)}:1:1 period: period \`2025-02\` of \`rural-contract\` has not been settled: run it before closing it\n`],
    ['a statement of a store that does not exist', () => ['statement', '--db', tmp.path('none.db'), '--policy-id', 'x'], () => `none.db:1:1 db: cannot open the settlement store: no such file\n`],
    ['a store that is not a database', () => ['statement', '--db', tmp.write('text.db', 'just some text, not a database at all\n'.repeat(20)), '--policy-id', 'x'],
      () => `text.db:1:1 db: cannot open the settlement store: not a settlement store (not an SQLite database)\n`],
    ['a bad --from', (db) => runArgs(db, '2025-13'), () => '(options):1:1 from: expected a month as YYYY-MM, got `2025-13`\n'],
    ['a bad --period', (db) => closeArgs(db, '2025-1'), () => '(options):1:1 period: expected a month as YYYY-MM, got `2025-1`\n'],
  ];
  for (const [what, args, message] of located) {
    it(`${what} is a located error, exit 1`, async () => {
      const db = tmp.path(`located-${located.findIndex((l) => l[0] === what)}.db`);
      if (args(db)[0] === 'close') expect((await runCli(runArgs(db, '2025-01'))).code).toBe(0);
      const run = await runCli(args(db));
      expect(run.stderr).toBe(message(db));
      expect(run.code).toBe(1);
    });
  }

  it('a run with bad facts posts nothing and says where the facts are wrong', async () => {
    const db = tmp.path('bad.db');
    const facts = tmp.write('bad-facts.csv', editLines(`${RURAL}/facts.csv`, (l) => { l[3] = l[3].replace('83000,87316', '83000,87x16'); return l; }));
    const run = await runCli(runArgs(db, '2025-01', '2025-03', facts));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${facts}:4:19 revenue_actual: expected an amount of money, got \`87x16\`\n`);
    expect((await runCli(['statement', '--db', db, '--policy-id', 'rural-contract'])).stdout).toBe('period,payee_id,policy,line,kind,amount,status,explanation\n');
  });

  const usage: [string, string[], string][] = [
    ['run without --db', runArgs('x.db', '2025-01').filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db'), 'ratecard run: missing --db'],
    ['run without --from', ['run', '--db', 'x.db', '--policy', 'p.yaml', '--payees', 'p.csv', '--facts', 'f.csv', '--to', '2025-01'], 'ratecard run: missing --from'],
    ['close without --period', ['close', '--db', 'x.db', '--policy-id', 'p'], 'ratecard close: missing --period'],
    ['statement with a bad --format', ['statement', '--db', 'x.db', '--policy-id', 'p', '--format', 'xml'], 'ratecard statement: --format must be csv, json, xlsx, html or pdf, got `xml`'],
  ];
  for (const [what, args, first] of usage) {
    it(`${what} is a usage error, exit 2`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(first);
      expect(run.stderr.split('\n')[1]).toMatch(new RegExp(`^usage: ratecard ${args[0]} --db FILE`));
      expect(existsSync('x.db')).toBe(false);
    });
  }
});
