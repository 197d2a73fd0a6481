// Ranks from rank keys as columns (in one process, and from the fraction text a run in parts
// sends) against a reference that sorts `Exact` values: random populations with growths that
// do not terminate (1/3), equal growths from different terms (200/150, 400/300), negative
// revenues, growths a hair apart that floats cannot tell apart (products past 2^53), keys
// beyond 2^53 (held as BigInt) next to small ones, and ties broken by revenue, then payee id.
import { describe, expect, it } from 'vitest';
import { Exact, formatDiagnostic, loadPolicy, populationOf, RatecardError, readDataset, settle } from '../../../engine/index.js';
import { mulberry32 } from '../../../bench/prng.js';
import { POLICY } from './ranking-policy.js';

const REVENUES = ['200', '400', '0', '-150', '13333', '0.01', '98765432109876543210', '98765432109876543211', '123456.78', '9007199254740993', '5', '90071992547409.89', '90071992547409.90', '90071992547409.88'];
const LAST_YEAR = ['150', '300', '3', '7', '0.03', '12345678901234567890', '9007199254740991', '1', '90071992547409.91', '90071992547409.90'];
const PERIODS = ['2025-01', '2025-02', '2025-03'];

function population(seed: number, size: number) {
  const r = mulberry32(seed);
  const pick = (xs: string[]) => xs[Math.floor(r() * xs.length)];
  const ids = Array.from({ length: size }, (_, i) => `B${String((i * 7919) % 1000).padStart(3, '0')}`);
  const facts = PERIODS.flatMap((period) => ids.map((id) => ({ period, id, revenue: pick(REVENUES), lastYear: pick(LAST_YEAR) })));
  return { ids, facts };
}

/** Places by `Exact` comparisons: each key in turn, then payee id. */
function reference(rows: { id: string; revenue: string; lastYear: string }[], keys: ((row: (typeof rows)[number]) => Exact)[], desc: boolean[]) {
  const sorted = [...rows].sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const c = keys[k](a).cmp(keys[k](b));
      if (c) return desc[k] ? -c : c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return Object.fromEntries(sorted.map((row, i) => [row.id, `${i + 1}.00`]));
}

describe('ranks from rank keys as columns', () => {
  // with an aggregate as well, the population maps are made per payee and month, not shared
  const WITH_AGGREGATE = POLICY.replace('rules:\n', '  everyone: { population: { sum: revenue } }\nrules:\n  - { id: everyone_bonus, kind: bonus, amount: everyone }\n');
  it.each([['ranks only', POLICY], ['ranks and an aggregate', WITH_AGGREGATE]])('are the places an exact sort gives, in one process and from keys sent as text (%s)', (_, text) => {
    const loaded = loadPolicy({ file: 'ranking.yaml', text });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    let big = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { ids, facts } = population(seed, 5 + (seed % 4) * 15);
      const read = readDataset({
        payees: { file: 'payees.csv', text: ['payee_id,channel_type', ...ids.map((id) => `${id},private_line_branch`)].join('\n') },
        facts: { file: 'facts.csv', text: ['period,payee_id,revenue,last_year', ...facts.map((f) => `${f.period},${f.id},${f.revenue},${f.lastYear}`)].join('\n') },
      }, loaded.policy);
      if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
      const inProcess = settle(loaded.policy, read.dataset, { detail: 'amounts' });
      const fromText = settle(loaded.policy, read.dataset, { detail: 'amounts', ranks: populationOf(loaded.policy, read.dataset) });
      expect(JSON.stringify(fromText)).toBe(JSON.stringify(inProcess));
      const growth = (f: { revenue: string; lastYear: string }) => Exact.parse(f.revenue).div(Exact.parse(f.lastYear)).sub(Exact.ONE);
      const revenue = (f: { revenue: string }) => Exact.parse(f.revenue);
      for (const period of PERIODS) {
        const rows = facts.filter((f) => f.period === period);
        big += rows.filter((f) => !Number.isSafeInteger(growth(f).n)).length;
        const places = (line: string) => Object.fromEntries(inProcess.lines.filter((l) => l.period === period && l.line === line).map((l) => [l.payeeId, l.amount]));
        expect(places('position_bonus')).toEqual(reference(rows, [growth, revenue], [true, true]));
        expect(places('lowest_bonus')).toEqual(reference(rows, [revenue], [false]));
        if (text === WITH_AGGREGATE) expect(new Set(Object.values(places('everyone_bonus')))).toEqual(new Set([rows.reduce((t, f) => t.add(revenue(f)), Exact.ZERO).toFixed(2)]));
      }
    }
    expect(big).toBeGreaterThan(100); // keys held as BigInt were ranked among the others
  });

  it('report a key that cannot be computed at its metric, in one process as in parts', () => {
    const loaded = loadPolicy({ file: 'ranking.yaml', text: POLICY });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const read = readDataset({
      payees: { file: 'payees.csv', text: 'payee_id,channel_type\nB1,private_line_branch\nB2,private_line_branch' },
      facts: { file: 'facts.csv', text: 'period,payee_id,revenue,last_year\n2025-01,B1,100,80\n2025-01,B2,100,0' },
    }, loaded.policy);
    if (!read.ok) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof RatecardError) return e.diagnostics.map(formatDiagnostic).join('\n');
        throw e;
      }
      return 'no problem';
    };
    const inProcess = problem(() => settle(loaded.policy, read.dataset));
    expect(inProcess).toMatch(/ranking\.yaml:\d+:\d+.*cannot compute population values: .*/);
    expect(inProcess).toContain('metrics.position: cannot compute population values: division by zero in `revenue / last_year`');
    expect(problem(() => populationOf(loaded.policy, read.dataset))).toBe(inProcess);
  });
});
