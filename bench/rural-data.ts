// Province-scale rural-contract data, deterministic: payees × 12 months of 2025 with every
// branch of the policy exercised (months without a plan, under and over completion, fee gates
// passed and failed, checkpoints met and missed, annual over-target bonuses).
import { decimal, int, payeeRandom } from './prng.js';

export const RURAL_YEAR = 2025;
export const RURAL_PAYEES_HEADER = 'payee_id,name,channel_type,region,parent_id';
export const RURAL_FACTS_HEADER = 'period,payee_id,revenue_plan,revenue_actual,billed_lines,new_lines,new_broadband,installs,fees_due,fees_collected,arrears_bought_out';
const REGIONS = ['north', 'south', 'east', 'west'];

export const ruralPayeeId = (i: number) => `R${String(i + 1).padStart(6, '0')}`;
export const period = (year: number, month: number) => `${year}-${month < 10 ? '0' : ''}${month}`;

/** Rows (without headers) of payees [from, to): payees.csv rows and facts.csv rows, payee by payee. */
export function ruralRows(seed: number, from: number, to: number): { payees: string[]; facts: string[] } {
  const payees: string[] = [];
  const facts: string[] = [];
  for (let i = from; i < to; i++) {
    const r = payeeRandom(seed, i);
    const id = ruralPayeeId(i);
    payees.push(`${id},Rural point ${id},rural_contract,${REGIONS[i % 4]},county-${String(Math.floor(i / 50) + 1).padStart(4, '0')}`);
    const strength = 0.86 + r() * 0.28;
    for (let month = 1; month <= 12; month++) {
      const plan = r() < 0.02 ? 0 : int(r, 500, 1000) * 100;
      const actual = plan === 0 ? decimal(r, 0, 5000, 1) : (Math.round(plan * (strength + (r() - 0.5) * 0.2) * 10) / 10).toFixed(1);
      const due = r() < 0.05 ? 0 : int(r, 20000, 90000);
      const collected = due === 0 ? decimal(r, 0, 500, 2) : (Math.round(due * (0.95 + r() * 0.05) * 100) / 100).toFixed(2);
      const arrears = r() < 0.3 ? '0' : decimal(r, 0, 2000, 2);
      facts.push([
        period(RURAL_YEAR, month), id, plan, actual, int(r, 800, 4500), int(r, 0, 60), int(r, 0, 20), int(r, 0, 40), due, collected, arrears,
      ].join(','));
    }
  }
  return { payees, facts };
}
