// Province-scale private-line data, deterministic: branches × 12 months of facts, and exactly
// `transactions` new lines spread evenly over the branch-months, a few under the tariff floor.
import { decimal, int, payeeRandom } from './prng.js';
import { period, RURAL_YEAR } from './rural-data.js';

export const LINE_PAYEES_HEADER = 'payee_id,name,channel_type,region,parent_id';
export const LINE_FACTS_HEADER = 'period,payee_id,revenue,revenue_last_year,retention_rate,audit_pass_rate,audit_failed_samples,avg_survey_days';
export const LINE_TX_HEADER = 'line_id,payee_id,period,monthly_tariff,standard_tariff,contract_months';

export const branchId = (i: number) => `L${String(i + 1).padStart(6, '0')}`;

/** Rows of branches [from, to) of `branches`, with `transactions` lines over all branches. */
export function privateLineRows(seed: number, from: number, to: number, branches: number, transactions: number) {
  const payees: string[] = [];
  const facts: string[] = [];
  const txRows: string[] = [];
  const cells = branches * 12;
  for (let i = from; i < to; i++) {
    const r = payeeRandom(seed ^ 0x5eed, i);
    const id = branchId(i);
    payees.push(`${id},Private line branch ${id},private_line_branch,north,province-01`);
    for (let month = 1; month <= 12; month++) {
      const p = period(RURAL_YEAR, month);
      const revenue = int(r, 100000, 10000000);
      facts.push([p, id, revenue, Math.round(revenue * (0.7 + r() * 0.7)), decimal(r, 0.95, 1, 3), decimal(r, 0.8, 1, 2), int(r, 0, 5), decimal(r, 5, 30, 1)].join(','));
      const cell = i * 12 + month - 1;
      const count = Math.floor(((cell + 1) * transactions) / cells) - Math.floor((cell * transactions) / cells);
      for (let n = 1; n <= count; n++) {
        const standard = int(r, 10, 2000) * 10;
        const tariff = r() < 0.03 ? Math.floor(standard * 0.1) : Math.round(standard * (0.2 + r() * 0.8));
        txRows.push(`${id}-${p}-${n},${id},${p},${tariff},${standard},${int(r, 1, 48)}`);
      }
    }
  }
  return { payees, facts, transactions: txRows };
}
