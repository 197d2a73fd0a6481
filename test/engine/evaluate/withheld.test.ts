// What a gate, a veto or a floor withholds is kept, with the reason and what it would have paid:
// rural fee commission under the collection gate, a service-center bonus vetoed by one
// negative-list breach, private lines sold under the tariff floor. The withheld sets are
// computed here independently from the CSV files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, parseCsv, settle, statementToCsv } from '../../../engine/index.js';
import { datasetOf, policyOf, readSource, settleScenario } from '../../fixtures/scenario.js';

/** Rows of a scenario CSV as objects keyed by header. */
function table(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
}
const x = (s: string) => Exact.parse(s);
const cents = (e: Exact) => e.round(2, 'half-up').toFixed(2);

describe('withheld items', () => {
  it('rural: fee commission under the collection gate, with the ratio it saw', () => {
    const statement = settleScenario('rural-contract');
    const expected = table('data/scenarios/rural-contract/facts.csv')
      .filter((r) => !x(r.fees_due).isZero() && x(r.fees_collected).div(x(r.fees_due)).lt(x('0.98')));
    expect(expected.length).toBeGreaterThan(0);
    expect(statement.withheld.map((w) => `${w.period} ${w.payeeId} ${w.line} ${w.wouldPay}`).sort())
      .toEqual(expected.map((r) => `${r.period} ${r.payee_id} fee_collection ${cents(x(r.fees_collected).mul(x('0.01')))}`).sort());
    for (const w of statement.withheld) {
      expect(w.reason).toMatch(/^withheld: nothing due: fees_due [\d.]+ = 0 is not met; collection gate: fee_ratio 0\.9[0-7][\d…]* ≥ fee_gate 0\.98 is not met$/);
      expect(w.trace.conditions.find((c) => c.path === 'gate')?.result).toBe(false);
      expect(statement.lines.some((l) => l.id === w.id)).toBe(false);
    }
  });

  it('service-center: one negative-list breach vetoes the quarter bonus (一票否决)', () => {
    const policy = policyOf('service-center');
    const dir = 'data/scenarios/service-center';
    const facts = readSource(`${dir}/facts.csv`);
    // S03 Q1 (margin 0.8702 ≥ 0.82) pays 34616.56 in the scenario; one breach in February vetoes it.
    facts.text = facts.text.replace('2025-02,S03,755600,75560,120000,0,91', '2025-02,S03,755600,75560,120000,1,91');
    const statement = settle(policy, datasetOf(policy, { payees: readSource(`${dir}/payees.csv`), facts }));
    expect(statement.lines.some((l) => l.id === 'service-center/S03/2025-03/quarterly_bonus')).toBe(false);
    const vetoed = statement.withheld.find((w) => w.id === 'service-center/S03/2025-03/quarterly_bonus')!;
    expect(vetoed).toMatchObject({ wouldPay: '34616.56', reason: 'withheld: veto (一票否决): quarter_violations 1 = 0 is not met' });
  });

  it('service-center: a quarter under the margin gate says so', () => {
    // S01 Q1: (2197000 − 445090) / 2197000 = 0.79741… < 0.82
    const w = settleScenario('service-center').withheld.find((i) => i.id === 'service-center/S01/2025-03/quarterly_bonus')!;
    expect(w.reason).toMatch(/^withheld: margin gate: quarter_margin 0\.7974\d+…? ≥ margin_gate 0\.82 is not met$/);
  });

  it('private-line: every line sold under the tariff floor is flagged, with what it would have earned', () => {
    const statement = settleScenario('private-line');
    const under = table('data/scenarios/private-line/transactions.csv')
      .filter((t) => x(t.monthly_tariff).lt(x('0.2').mul(x(t.standard_tariff))));
    expect(under.length).toBeGreaterThan(0);
    const flagged = statement.withheld.filter((w) => w.line === 'new_lines');
    expect(flagged.map((w) => `${w.id} ${w.wouldPay}`).sort()).toEqual(under.map((t) =>
      `private-line/${t.payee_id}/${t.period}/new_lines/${t.line_id} ${cents(x('0.05').mul(x(t.monthly_tariff)).mul(x(t.contract_months).min(x('12'))))}`).sort());
    for (const [w, t] of flagged.map((w) => [w, under.find((u) => w.id.endsWith(`/${u.line_id}`))!] as const)) {
      expect(w.reason).toBe(`transaction \`${t.line_id}\` flagged: tariff floor: monthly_tariff ${t.monthly_tariff} ≥ tariff_floor ${x('0.2').mul(x(t.standard_tariff))} is not met`);
    }
  });

  it('the CSV lists withheld items as zero rows with status `withheld` and the reason', () => {
    const csv = statementToCsv(settleScenario('service-center'), { withheld: true });
    const row = csv.split('\n').find((r) => r.startsWith('2025-03,S01,service-center,quarterly_bonus,'))!;
    expect(row).toMatch(/^2025-03,S01,service-center,quarterly_bonus,bonus,0\.00,withheld,withheld: margin gate: quarter_margin 0\.7974.* is not met \(would have been \d+\.\d{2}\)$/);
    expect(statementToCsv(settleScenario('service-center'))).not.toContain(',withheld,');
  });
});
