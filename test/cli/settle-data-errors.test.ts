// Every data mistake of the issue, through `ratecard settle`: exact `file:line:column field:
// message` text on stderr, exit code 1, nothing on stdout, no stack trace.
import { describe, expect, it } from 'vitest';
import { editLines, runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const RURAL = 'data/scenarios/rural-contract';
const tmp = scratch();

async function expectErrors(args: string[], expected: string[]) {
  const run = await runCli(args);
  expect(run.stderr.trimEnd().split('\n')).toEqual(expected);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('ratecard settle with bad data', () => {
  it('reports a non-numeric value at its line and column', async () => {
    // facts.csv line 4 is 2025-03,R01; revenue_actual is the 4th column (after 7 + 9 + 13 header characters).
    const facts = tmp.write('non-numeric.csv', editLines(`${RURAL}/facts.csv`, (l) => {
      l[3] = l[3].replace('83000,87316', '83000,87x16');
      return l;
    }));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${facts}:4:19 revenue_actual: expected an amount of money, got \`87x16\``,
    ]);
  });

  it('reports every bad cell of the file at once, each with its own type', async () => {
    const facts = tmp.write('many-bad.csv', editLines(`${RURAL}/facts.csv`, (l) => {
      l[1] = l[1].replace(/,2755,28,/, ',27.5,28,'); // billed_lines is a count: the 5th column, 44 header characters in
      l[2] = l[2].replace(/,66400,/, ',,'); // revenue_plan left empty
      return l;
    }));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${facts}:2:27 billed_lines: expected a whole number ≥ 0, got \`27.5\``,
      `${facts}:3:13 revenue_plan: expected an amount of money, got an empty cell`,
    ]);
  });

  it('reports a missing column with what the header has', async () => {
    const facts = tmp.write('missing-column.csv', editLines(`${RURAL}/facts.csv`, (l) =>
      l.map((row) => row.split(',').filter((_, i) => i !== 9).join(','))));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${facts}:1:1 fees_collected: missing column \`fees_collected\` required by the policy; the header has \`period\`, \`payee_id\`, ` +
        '`revenue_plan`, `revenue_actual`, `billed_lines`, `new_lines`, `new_broadband`, `installs`, `fees_due`, `arrears_bought_out`',
    ]);
  });

  it('reports a payee with no facts for a month in the range, at the payee', async () => {
    const facts = tmp.write('missing-month.csv', editLines(`${RURAL}/facts.csv`, (l) => l.filter((row) => !row.startsWith('2025-05,R03,'))));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${RURAL}/payees.csv:4:1 payee_id: payee \`R03\` has no facts in ${facts} for 2025-05 (settling 2025-01 to 2025-12)`,
    ]);
  });

  it('reports a duplicate row with the line of the first one', async () => {
    // R03's rows are lines 26–37, so 2025-05 is line 30; the copy is appended as line 74.
    const facts = tmp.write('duplicate.csv', editLines(`${RURAL}/facts.csv`, (l) => {
      const copy = l.find((row) => row.startsWith('2025-05,R03,'))!;
      return [...l.filter((row) => row !== ''), copy, ''];
    }));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${facts}:74:1 payee_id: duplicate row for payee \`R03\` in 2025-05, first on line 30`,
    ]);
  });

  it('reports an unknown channel type with the known ones', async () => {
    const payees = tmp.write('payees-typo.csv', editLines(`${RURAL}/payees.csv`, (l) => {
      l[4] = l[4].replace('rural_contract', 'rural_contrct');
      return l;
    }));
    await expectErrors(settleArgs('rural-contract', { payees }), [
      `${payees}:5:21 channel_type: unknown channel type \`rural_contrct\`, expected one of \`rural_contract\`, \`postal_agent\`, ` +
        '`service_center`, `private_line_branch`, `franchise_store`, `own_store`, `social_channel`, `enterprise_branch`',
    ]);
  });

  it('reports a fact row of an unknown payee and a bad period', async () => {
    const facts = tmp.write('unknown-payee.csv', editLines(`${RURAL}/facts.csv`, (l) => {
      l[1] = l[1].replace('2025-01,R01,', '2025-01,R99,');
      l[2] = l[2].replace('2025-02,R01,', '2025-2,R01,');
      return l;
    }));
    await expectErrors(settleArgs('rural-contract', { facts }), [
      `${facts}:2:1 payee_id: unknown payee \`R99\`: not in ${RURAL}/payees.csv`,
      `${facts}:3:1 period: expected a month as YYYY-MM, got \`2025-2\``,
    ]);
  });

  it('reports the payees of a wrong payees file once each, not once per row', async () => {
    const payees = 'data/scenarios/postal-agency/payees.csv';
    await expectErrors(settleArgs('rural-contract', { payees }), [
      `${payees}:1:1 channel_type: no payee has channel type \`rural_contract\`, so the policy pays no one`,
      ...[2, 14, 26, 38, 50, 62].map((line, i) =>
        `${RURAL}/facts.csv:${line}:1 payee_id: unknown payee \`R0${i + 1}\`: not in ${payees} (also on 11 more rows)`),
    ]);
  });

  it('asks for the transactions file of a policy that pays per transaction', async () => {
    const args = settleArgs('private-line');
    await expectErrors(args.slice(0, args.indexOf('--transactions')), [
      'data/scenarios/private-line/facts.csv:1:1 transactions: this policy pays on transactions: give a transactions file (`--transactions tx.csv`)',
    ]);
  });

  it('reports a file that cannot be read', async () => {
    await expectErrors(settleArgs('rural-contract', { facts: tmp.path('nowhere.csv') }), [
      `${tmp.path('nowhere.csv')}:1:1 facts: cannot read the facts file: no such file`,
    ]);
  });
});
