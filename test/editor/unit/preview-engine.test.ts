import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareStatements, Exact, loadPolicy, readDataset, settle, type Statement } from '../../../engine/index.js';
import { impactOf, summaryOf } from '../../../editor/src/worker/payee-columns.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const tablesOf = (name: string, withTransactions = false): SourceTables => {
  const t = (table: string) => ({ file: `${name}/${table}.csv`, text: read(`data/scenarios/${name}/${table}.csv`) });
  return { id: name, payees: t('payees'), facts: t('facts'), ...(withTransactions ? { transactions: t('transactions') } : {}) };
};
const statementOf = (text: string, tables: SourceTables): Statement => {
  const loaded = loadPolicy({ file: 'p.yaml', text });
  if (!loaded.ok) throw new Error('policy does not load');
  const data = readDataset(tables, loaded.policy);
  if (!data.ok) throw new Error('dataset does not read');
  return settle(loaded.policy, data.dataset);
};

function runPreview(engine: PreviewEngine, text: string, baseText?: string) {
  const { checked, policy } = engine.check(1, 'rural-contract.yaml', text);
  expect(checked.ok).toBe(true);
  const result = engine.run(1, policy!, {});
  return { checked, result, impact: engine.impact(1, 'rural-contract.yaml', baseText) };
}

describe('the preview worker\'s engine', () => {
  const rural = read('policies/rural-contract.yaml');
  const edited = rural.replace('    value: 0.02\n', '    value: 0.03\n');

  it('settles the edited policy and compares it with the saved one, as the engine does', () => {
    const engine = new PreviewEngine();
    engine.setDataset(tablesOf('rural-contract'));
    const { checked, result, impact } = runPreview(engine, edited, rural);
    expect(checked.outline?.params.find((p) => p.name === 'step_rate')?.value).toBe('0.03');
    expect(checked.outline?.facts.map((f) => f.name)).toContain('revenue_plan');
    expect(checked.outline?.metrics).toContain('completion');
    const expected = statementOf(edited, tablesOf('rural-contract'));
    if (!result.ok) throw new Error('preview failed');
    expect(result.summary.totals).toEqual(expected.totals);
    expect(summaryOf(result.summary).payees.map((p) => p.payeeId)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06']);
    expect(result.computeMs).toBeGreaterThanOrEqual(0);
    const want = compareStatements(statementOf(rural, tablesOf('rural-contract')), expected);
    expect(impact.impact?.delta).toEqual(want.delta);
    expect(impact.impact?.losers).toEqual(want.losers);
    expect(impact.impact?.changedLines).toBe(want.lines.length);
  });

  it('gives the unchanged text a zero impact without settling twice, then compares edits with it', () => {
    const engine = new PreviewEngine();
    engine.setDataset(tablesOf('rural-contract'));
    const { impact } = runPreview(engine, rural, rural);
    const saved = statementOf(rural, tablesOf('rural-contract'));
    const { lines: _lines, ...same } = compareStatements(saved, saved);
    const { columns: _c, list: _l, ...shown } = impactOf(impact.impact!); // as the page reads it
    expect(shown).toEqual({ ...same, changedLines: 0 });
    const next = runPreview(engine, edited, rural);
    expect(next.impact.impact?.delta).toEqual(compareStatements(saved, statementOf(edited, tablesOf('rural-contract'))).delta);
  });

  it('traces one payee with the same lines as a full settlement, population ranks included', () => {
    const text = read('policies/private-line.yaml');
    const tables = tablesOf('private-line', true);
    const engine = new PreviewEngine();
    engine.setDataset(tables);
    const { policy } = engine.check(1, 'private-line.yaml', text);
    engine.run(1, policy!, {});
    const full = statementOf(text, tables);
    const payee = full.lines.find((l) => l.line === 'growth_rank')!.payeeId;
    const trace = engine.trace(2, payee);
    expect(trace.lines.map((l) => [l.id, l.amount])).toEqual(full.lines.filter((l) => l.payeeId === payee).map((l) => [l.id, l.amount]));
    expect(trace.lines[0].trace.values).toBeTypeOf('object');
    expect(trace.withheld.map((w) => w.id)).toEqual(full.withheld.filter((w) => w.payeeId === payee).map((w) => w.id));
  });

  it.each(['bonus-pool', 'piece-rate', 'instalments'])('%s: the preview settles to the expected.csv totals and traces one payee as the full run does', (name) => {
    const text = read(`policies/${name}.yaml`);
    const tables = tablesOf(name, name === 'instalments');
    const engine = new PreviewEngine();
    engine.setDataset(tables);
    const { checked, policy } = engine.check(1, `${name}.yaml`, text);
    expect(checked.ok).toBe(true);
    const result = engine.run(1, policy!, {});
    if (!result.ok) throw new Error('preview failed');
    const expected = read(`data/scenarios/${name}/expected.csv`).trim().split('\n').slice(1)
      .reduce((sum, row) => sum.add(Exact.parse(row.split(',')[5])), Exact.ZERO);
    expect(result.summary.totals.total).toBe(expected.toFixed(2));
    const full = statementOf(text, tables);
    const payee = full.lines[full.lines.length - 1].payeeId;
    const trace = engine.trace(2, payee);
    expect(trace.lines.map((l) => [l.id, l.amount])).toEqual(full.lines.filter((l) => l.payeeId === payee).map((l) => [l.id, l.amount]));
  });

  it('answers a what-if on one payee-month\'s facts as a settlement of the edited facts would', () => {
    const engine = new PreviewEngine();
    const tables = tablesOf('rural-contract');
    engine.setDataset(tables);
    runPreview(engine, rural, rural);
    const plain = engine.trace(2, 'R02');
    expect(plain.facts?.['2025-02']).toMatchObject({ revenue_plan: '57600', revenue_actual: '50572.8' });
    expect(plain.overrides).toBeUndefined();
    // R02 reaches 95 % in February: 57600 × 0.95 = 54720.
    const whatIf = engine.trace(3, 'R02', [{ period: '2025-02', fact: 'revenue_actual', value: '54720' }]);
    const factsText = (tables.facts as { text: string }).text.replace('2025-02,R02,57600,50572.8,', '2025-02,R02,57600,54720,');
    const expected = statementOf(rural, { ...tables, facts: { file: 'facts.csv', text: factsText } }).lines.filter((l) => l.payeeId === 'R02');
    expect(whatIf.diagnostics).toBeUndefined();
    expect(whatIf.lines.map((l) => [l.id, l.amount])).toEqual(expected.map((l) => [l.id, l.amount]));
    const feb = (lines: { period: string; line: string; amount: string }[]) => lines.find((l) => l.period === '2025-02' && l.line === 'under_completion')?.amount;
    expect(feb(whatIf.lines)).not.toBe(feb(plain.lines));
    // A value that is no amount is reported at its row in facts.csv.
    const bad = engine.trace(4, 'R02', [{ period: '2025-02', fact: 'revenue_actual', value: '54x' }]);
    expect(bad.lines).toEqual([]);
    const line = (tables.facts as { text: string }).text.split('\n').findIndex((l) => l.startsWith('2025-02,R02,')) + 1;
    expect(bad.diagnostics?.[0]).toMatchObject({ file: 'rural-contract/facts.csv', line, field: 'revenue_actual' });
  });

  it('reports an invalid policy with located diagnostics and settles nothing', () => {
    const engine = new PreviewEngine();
    const { checked, policy } = engine.check(3, 'rural-contract.yaml', rural.replace('rate: step_rate', 'rate: step_ratee'));
    expect(checked.ok).toBe(false);
    expect(policy).toBeUndefined();
    expect(checked.diagnostics[0]).toMatchObject({ file: 'rural-contract.yaml', severity: 'error' });
    expect(checked.diagnostics[0].message).toContain('step_ratee');
  });

  it('reports row-level dataset errors as file:line diagnostics', () => {
    const engine = new PreviewEngine();
    const tables = tablesOf('rural-contract');
    const facts = tables.facts as { file: string; text: string };
    const lines = facts.text.split('\n');
    lines[3] = lines[3].replace(/,(\d+(\.\d+)?),/, ',87x16,');
    engine.setDataset({ ...tables, id: 'broken', facts: { file: 'facts.csv', text: lines.join('\n') } });
    const { policy } = engine.check(4, 'rural-contract.yaml', rural);
    const result = engine.run(4, policy!, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: 'facts.csv', line: 4 });
    expect(result.diagnostics[0].message).toContain('87x16');
  });
});
