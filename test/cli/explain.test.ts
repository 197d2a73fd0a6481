// `ratecard explain`: why did this payee get this amount? Every line of the payee (and what was
// withheld), each with its conditions and the values they saw, the formula with numbers, and
// the deduction lines a refund returns.
import { describe, expect, it } from 'vitest';
import { runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const explainArgs = (name: string, ...rest: string[]) => ['explain', ...settleArgs(name).slice(1), ...rest];

describe('ratecard explain', () => {
  it('explains a refund: checkpoint, formula with numbers, the deductions it returns', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R02', '--period', '2025-06', '--line', 'refund'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`2025-06 R02 rural-contract refund (refund): 1886.74
rule \`refund\` at policies/rural-contract.yaml:123 — at a met checkpoint, return a share of each listed quarter's deductions, once
conditions:
  ✓ all of 1 → true
    ✓ checkpoint met: checkpoint_met true = true → true
formula: Σ share × deductions of under_completion per source quarter (refund_schedule), each quarter rounded once
       = 0.8 × 2358.43 (2025-Q1) → 1886.74 + 1 × 0 (2025-Q2) → 0
       = 1886.74
refund of 2025-Q1: 0.8 × 2358.43 deducted = 1886.74
  returns rural-contract/R02/2025-01/under_completion (-905.38)
  returns rural-contract/R02/2025-02/under_completion (-791.40)
  returns rural-contract/R02/2025-03/under_completion (-661.65)
refund of 2025-Q2: 1 × 0 deducted = 0
values: checkpoint_met=true, refund_schedule={3: {Q1: 1}, 6: {Q1: 0.8, Q2: 1}, 9: {Q1: 0.6, Q2: 0.8, Q3: 1}, 12: {Q1: 0.4, Q2: 0.6, Q3: 0.8, Q4: 1}}
`);
  });

  it('explains a withheld line: the gate that failed, with the values it saw, and what it would have paid', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R02', '--period', '2025-03', '--line', 'fee_collection'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`2025-03 R02 rural-contract fee_collection (commission): 0 (withheld: nothing due: fees_due 33275 = 0 is not met; collection gate: fee_ratio 0.979000150262… ≥ fee_gate 0.98 is not met; would have been 325.76)
rule \`fee_collection\` at policies/rural-contract.yaml:107 — fee-collection commission, behind the collection gate
conditions:
  ✗ any of 2 → false
    ✗ nothing due: fees_due 33275 = 0 → false
    ✗ collection gate: fee_ratio 0.979000150262… ≥ fee_gate 0.98 → false
formula: fee_rate * fees_collected
       = 0.01 * 32576.23
       = 325.7623
values: fees_due=33275, fee_ratio=0.979000150262…, fee_gate=0.98, fee_rate=0.01, fees_collected=32576.23
`);
  });

  it('explains every rule of a payee in a month: paid lines in rule order, then what was withheld, then what did not apply', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R02', '--period', '2025-03'));
    expect(run.code).toBe(0);
    const headers = run.stdout.split('\n\n').map((block) => block.split('\n')[0].replace(/ \(withheld.*$/, ' (withheld)'));
    expect(headers).toEqual([
      '2025-03 R02 rural-contract maintenance (commission): 5986.50',
      '2025-03 R02 rural-contract development (commission): 630.00', // 10 × 20 + 2 × 50 + 33 × 10
      '2025-03 R02 rural-contract under_completion (deduction): -661.65',
      '2025-03 R02 rural-contract arrears_buyout (commission): 43.47',
      '2025-03 R02 rural-contract fee_collection (commission): 0 (withheld)',
      // not applicable is not withheld: the rule's `when` did not hold, so it owes nothing
      '2025-03 R02 rural-contract over_completion (bonus): 0 (not applicable: completion 0.948 ≥ 1 is not met)',
      '2025-03 R02 rural-contract refund (refund): 0 (not applicable: checkpoint met: checkpoint_met false = true is not met)',
    ]);
  });

  it('explains a flagged transaction by its own condition', async () => {
    const run = await runCli(explainArgs('private-line', '--payee', 'L02', '--period', '2025-05', '--line', 'new_lines'));
    expect(run.code).toBe(0);
    const blocks = run.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain('  ✓ L02-2025-05-1: 3000 = 0.05 * 5000 * 12\n  ✗ L02-2025-05-2: flagged, earns nothing');
    expect(blocks[1]).toBe(`2025-05 L02 private-line new_lines (commission): 0 (transaction \`L02-2025-05-2\` flagged: tariff floor: monthly_tariff 1800 ≥ tariff_floor 2400 is not met; would have been 1080.00)
rule \`new_lines\` at policies/private-line.yaml:64 — per new line at or above the tariff floor, each line rounded
conditions:
  ✗ all of 1 → false
    ✗ tariff floor: monthly_tariff 1800 ≥ tariff_floor 2400 → false
values: commission_rate=0.05, floor_ratio=0.2, max_months=12`);
  });

  it('says when a known payee has no such line', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R02', '--period', '2025-06', '--line', 'over_target'));
    expect(run).toEqual({ code: 0, stdout: 'no lines for payee `R02` in 2025-06 for `over_target`\n', stderr: '' });
  });

  it('reports an unknown payee, and a payee the policy does not apply to', async () => {
    const unknown = await runCli(explainArgs('rural-contract', '--payee', 'R99'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('data/scenarios/rural-contract/payees.csv:1:1 payee_id: unknown payee `R99`: not in data/scenarios/rural-contract/payees.csv\n');

    const tmp = scratch('ratecard-explain-');
    const payees = tmp.write('payees.csv', 'payee_id,name,channel_type\nR01,Rural point R01,rural_contract\nP01,Post office P01,postal_agent\n');
    const facts = tmp.write('facts.csv', 'period,payee_id,revenue_plan,revenue_actual,billed_lines,new_lines,new_broadband,installs,fees_due,fees_collected,arrears_bought_out\n' +
      '2025-01,R01,100,100,1,0,0,0,0,0,0\n');
    const other = await runCli(['explain', '--policy', 'policies/rural-contract.yaml', '--payees', payees, '--facts', facts, '--payee', 'P01']);
    expect(other.code).toBe(1);
    expect(other.stderr).toBe(`${payees}:3:1 channel_type: payee \`P01\` is a \`postal_agent\`: the policy \`rural-contract\` applies to \`rural_contract\`\n`);
  });

  it('says a rule came to 0 and shows why: a yearly cap already reached', async () => {
    const run = await runCli(explainArgs('piece-rate', '--payee', 'W01', '--period', '2025-09', '--line', 'piece_wage'));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 5)).toEqual([
      '2025-09 W01 piece-rate piece_wage (commission): 0 (came to 0: max(0, min(earned, annual_cap - paid_this_year)) = max(0, min(4457, 30000 - 30000)))',
      'rule `piece_wage` at policies/piece-rate.yaml:81 — piece wage, cut to what is left of the annual cap',
      'formula: max(0, min(earned, annual_cap - paid_this_year))',
      '       = max(0, min(4457, 30000 - 30000))',
      '       = 0 → 0.00 (half-up to 2 places)',
    ]);
  });

  it('lists the transactions and parts an instalment pays', async () => {
    const run = await runCli(explainArgs('instalments', '--payee', 'F05', '--period', '2025-03'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2025-03 F05 instalments clawback (deduction): -25.60');
    expect(run.stdout).toMatch(/ F05-2025-01-\d part 1 of 6: \d+\.\d\d/);
  });
});
