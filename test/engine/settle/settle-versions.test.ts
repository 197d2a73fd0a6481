// A year with a mid-year amendment (生效账期): the rural policy's step rate goes from 2 % to 3 % in
// July. Each month is settled by the version in force; refunds after the amendment return the
// deductions the first version actually made. Hand-computed for R02.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, formatDiagnostic, loadPolicy, RatecardError, settle, settleVersions } from '../../../engine/index.js';
import { folderDataset } from '../../fixtures/scenario.js';

const text = readFileSync('policies/rural-contract.yaml', 'utf8');
const amended = text.replace(/^version: 1$/m, 'version: 2').replace(/^applies_to:/m, 'effective: { from: 2025-07 }\napplies_to:').replace('    value: 0.02\n', '    value: 0.03\n');
const load = (file: string, t: string) => {
  const loaded = loadPolicy({ file, text: t });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  return { policy: loaded.policy, dataset: folderDataset(loaded.policy, 'data/scenarios/rural-contract') };
};

describe('a year that spans an amendment', () => {
  const v1 = load('rural-contract.yaml', text);
  const v2 = load('rural-contract-v2.yaml', amended);
  const year = settleVersions([v2, v1]);
  const of = (payee: string, line: string) => year.lines.filter((l) => l.payeeId === payee && l.line === line).map((l) => `${l.period} ${l.amount} v${l.version}`);

  it('settles each month under the version in force, and says which version paid each line', () => {
    // July: completion 73418.4 / 79200 = 0.927 → 7 steps; base 5155.50 + 2190 = 7345.50;
    // 3 % × 7 = 21 % → 1542.555 → 1542.56 (2 % gave 1028.37). August: 0.898 → 10 steps, 30 % (the cap)
    // of 4873.50 + 830 = 5703.50 → 1711.05.
    expect(of('R02', 'under_completion').slice(0, 5)).toEqual([
      '2025-01 -905.38 v1', '2025-02 -791.40 v1', '2025-03 -661.65 v1', '2025-07 -1542.56 v2', '2025-08 -1711.05 v2',
    ]);
    expect(year.versions).toEqual([
      { version: '1', hash: v1.policy.hash, from: '2025-01', to: '2025-06' },
      { version: '2', hash: v2.policy.hash, from: '2025-07', to: '2025-12' },
    ]);
  });

  it('keeps the months before the amendment exactly as the first version alone pays them', () => {
    const first = settle(v1.policy, v1.dataset, { to: '2025-06' });
    const firstHalf = year.lines.filter((l) => l.period <= '2025-06');
    expect(firstHalf.map((l) => [l.id, l.amount])).toEqual(first.lines.map((l) => [l.id, l.amount]));
  });

  it('links refunds after the amendment to the deductions actually made, under either version', () => {
    const byId = new Map(year.lines.map((l) => [l.id, l]));
    const late = year.lines.filter((l) => l.line === 'refund' && l.period >= '2025-07');
    expect(late.length).toBeGreaterThan(0);
    for (const refund of late) {
      for (const part of refund.trace.refunds ?? []) {
        for (const r of part.returns) expect(byId.get(r.lineId)?.amount, r.lineId).toBe(Exact.parse(r.amount).toFixed(2));
      }
    }
  });

  it('settles a later range with the earlier months of the year as history, with the same lines', () => {
    const h2 = settleVersions([v1, v2], { from: '2025-09', to: '2025-12' });
    expect(h2.lines.map((l) => [l.id, l.amount])).toEqual(year.lines.filter((l) => l.period >= '2025-09').map((l) => [l.id, l.amount]));
  });

  it('refuses versions that do not say when they come into force', () => {
    const again = load('rural-contract-copy.yaml', text);
    expect(() => settleVersions([v1, again])).toThrow(RatecardError);
    try { settleVersions([v1, again]); } catch (e) {
      expect((e as RatecardError).diagnostics.map(formatDiagnostic)).toEqual([
        'rural-contract-copy.yaml:1:1 effective.from: every version but the first needs `effective: {from: YYYY-MM}`: the month it comes into force',
      ]);
    }
  });
});
