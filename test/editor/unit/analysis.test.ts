// The analysis worker's computations against the engine's own results: a comparison of any two
// texts (totals, payees, groups by attribute, revenue share, one payee's lines), a sweep of one
// parameter and the policy's tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareStatements, Exact, loadPolicy, parseCsv, readDataset, settle, type Statement, type StatementLine } from '../../../engine/index.js';
import { handleAnalysis } from '../../../editor/src/worker/analysis.js';
import type { AnalysisResponse } from '../../../editor/src/worker/analysis-protocol.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { Settler } from '../../../editor/src/worker/settler.js';
import { statementDiff } from '../../../editor/src/worker/statement-diff.js';
import { sweepValues } from '../../../editor/src/worker/sweep.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const table = (name: string, t: string): { file: string; text: string } => ({ file: `${t}.csv`, text: read(`data/scenarios/${name}/${t}.csv`) });
const tables = { id: 'rural', payees: table('rural-contract', 'payees'), facts: table('rural-contract', 'facts') };
const rural = read('policies/rural-contract.yaml'); // names its revenue fact: `revenue: revenue_actual`
const at = (rate: string) => rural.replace('    value: 0.02\n', `    value: ${rate}\n`);
const statementOf = (text: string, overrides?: string): Statement => {
  const loaded = loadPolicy({ file: 'rural-contract.yaml', text }, overrides ? { overrides: { file: 'o.yaml', text: overrides } } : {});
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const data = readDataset(tables, loaded.policy);
  if (!data.ok) throw new Error('dataset does not read');
  return settle(loaded.policy, data.dataset);
};
const worker = () => {
  const settler = new Settler();
  handleAnalysis(settler, { type: 'dataset', tables });
  return (req: Parameters<typeof handleAnalysis>[1]) => handleAnalysis(settler, req) as AnalysisResponse;
};
const cells = (text: string) => { const [h, ...rows] = parseCsv(text).map((r) => r.cells.map((c) => c.trim())); return rows.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]]))); };
const sum = (xs: string[]) => xs.reduce((a, x) => a.add(Exact.parse(x)), Exact.ZERO);

describe('comparing any two versions', () => {
  const ask = worker();
  const answer = ask({ type: 'compare', seq: 1, file: 'rural-contract.yaml', before: { label: 'saved', text: at('0.02') }, after: { label: 'edit', text: at('0.05') }, range: {}, payeeId: 'R02' });
  if (answer.type !== 'compare' || !answer.ok) throw new Error(JSON.stringify(answer));
  const c = answer.comparison;
  const engine = compareStatements(statementOf(at('0.02')), statementOf(at('0.05')));

  it('has the engine\'s totals by kind and every payee before and after', () => {
    expect(engine.delta.total).not.toBe('0.00');
    expect({ before: c.before, after: c.after, delta: c.delta, changedLines: c.changedLines }).toEqual({ before: engine.before, after: engine.after, delta: engine.delta, changedLines: engine.lines.length });
    const byId = new Map(engine.payees.map((p) => [p.payeeId, p]));
    expect(c.payees.map((p) => p.payeeId)).toEqual(cells(tables.payees.text).map((r) => r.payee_id));
    for (const p of c.payees) expect({ before: p.before, after: p.after, delta: p.delta }).toEqual(byId.get(p.payeeId) ? { before: byId.get(p.payeeId)!.before, after: byId.get(p.payeeId)!.after, delta: byId.get(p.payeeId)!.delta } : { before: '0.00', after: '0.00', delta: '0.00' });
  });

  it('groups payees by each of their attributes, sums exact', () => {
    expect(Object.keys(c.groups).sort()).toEqual(['channel_type', 'parent_id', 'region']);
    const payees = cells(tables.payees.text);
    for (const [attribute, rows] of Object.entries(c.groups)) {
      for (const row of rows) {
        const ids = new Set(payees.filter((p) => (attribute === 'channel_type' ? p.channel_type : p[attribute]) === row.value).map((p) => p.payee_id));
        const mine = engine.payees.filter((p) => ids.has(p.payeeId));
        expect(row.payees).toBe(ids.size);
        expect([row.before, row.after]).toEqual([sum(mine.map((p) => p.before)).toFixed(2), sum(mine.map((p) => p.after)).toFixed(2)]);
      }
      expect(sum(rows.map((r) => r.delta)).toFixed(2)).toBe(engine.delta.total);
    }
  });

  it('shows compensation as a share of the revenue fact the policy names', () => {
    const s = statementOf(at('0.05'));
    const revenue = sum(cells(tables.facts.text).filter((r) => r.period >= s.from && r.period <= s.to).map((r) => r.revenue_actual));
    expect(c.revenue).toEqual({
      fact: 'revenue_actual', revenue: revenue.toFixed(2),
      before: Exact.parse(engine.before.total).div(revenue).mul(Exact.of(100)).toFixed(2),
      after: Exact.parse(engine.after.total).div(revenue).mul(Exact.of(100)).toFixed(2),
    });
    expect(c.revenue!.after).not.toBe(c.revenue!.before);
  });

  it('lists every line of one payee before and after', () => {
    const before = statementOf(at('0.02')).lines.filter((l) => l.payeeId === 'R02');
    const after = statementOf(at('0.05')).lines.filter((l) => l.payeeId === 'R02');
    expect(sum(c.lines!.map((l) => l.before)).toFixed(2)).toBe(sum(before.map((l) => l.amount)).toFixed(2));
    expect(sum(c.lines!.map((l) => l.after)).toFixed(2)).toBe(sum(after.map((l) => l.amount)).toFixed(2));
    const changed = c.lines!.filter((l) => l.delta !== '0.00');
    expect(changed.length).toBe(engine.lines.filter((l) => l.payeeId === 'R02').length);
  });

  it('says so when the revenue the policy names is no fact of it', () => {
    const text = at('0.05').replace('revenue: revenue_actual', 'revenue: revenue_actul');
    const other = ask({ type: 'compare', seq: 3, file: 'rural-contract.yaml', before: { label: 'a', text }, after: { label: 'b', text }, range: {} });
    if (other.type !== 'compare' || !other.ok) throw new Error('no comparison');
    expect(other.comparison.revenue).toBeUndefined();
    expect(other.comparison.revenueProblem).toMatch(/^`revenue: revenue_actul` names no fact of the policy; expected one of `revenue_plan`, `revenue_actual`/);
  });

  it('names the side whose policy does not load', () => {
    const bad = ask({ type: 'compare', seq: 2, file: 'rural-contract.yaml', before: { label: 'a', text: rural }, after: { label: 'b', text: rural.replace('step_rate:', 'step_rate: [') }, range: {} });
    expect(bad).toMatchObject({ type: 'compare', ok: false, side: 'after' });
  });
});

describe('a sweep of one parameter', () => {
  it('spaces values exactly and settles each as the engine does with that value', () => {
    expect(sweepValues('0.01', '0.03', 5)).toEqual(['0.01', '0.015', '0.02', '0.025', '0.03']);
    expect(sweepValues('0', '1', 4)).toEqual(['0', '0.33333333', '0.66666667', '1']);
    const answer = worker()({ type: 'sweep', seq: 1, file: 'rural-contract.yaml', text: rural, param: 'step_rate', values: ['0.01', '0.04'], range: {} });
    if (answer.type !== 'sweep') throw new Error('no sweep');
    expect(answer.points).toEqual([
      { value: '0.01', totals: statementOf(rural, 'step_rate: 0.01').totals },
      { value: '0.04', totals: statementOf(rural, 'step_rate: 0.04').totals },
    ]);
    expect(answer.points[0]).not.toEqual(answer.points[1]);
  });
});

describe('the policy\'s tests', () => {
  const testText = read('policies/rural-contract.test.yaml');
  it('pass for the bundled policy and fail, with expected vs actual, for a changed rate', () => {
    const ask = worker();
    const pass = ask({ type: 'tests', seq: 1, file: 'rural-contract.yaml', text: read('policies/rural-contract.yaml'), testFile: 'rural-contract.test.yaml', testText });
    if (pass.type !== 'tests' || !pass.ok) throw new Error(JSON.stringify(pass));
    expect(pass.report.passed).toBe(true);
    expect(pass.report.cases.length).toBeGreaterThan(0);
    const fail = ask({ type: 'tests', seq: 2, file: 'rural-contract.yaml', text: read('policies/rural-contract.yaml').replace('maintenance_price: { type: money, value: 1.50', 'maintenance_price: { type: money, value: 1.60'), testFile: 'rural-contract.test.yaml', testText });
    if (fail.type !== 'tests' || !fail.ok) throw new Error('tests did not run');
    expect(fail.report.passed).toBe(false);
    const line = fail.report.cases.flatMap((c) => c.lines).find((l) => !l.passed)!;
    expect(line.expected).toBeDefined();
    expect(line.actual).not.toBe(line.expected);
  });
});

describe('statements compared in cents', () => {
  const line = (payeeId: string, amount: string, id = 'a'): StatementLine => ({ id: `${payeeId}/${id}`, period: '2025-01', payeeId, line: id, kind: 'commission', amount, explanation: '' } as StatementLine);
  const statement = (lines: StatementLine[]): Statement => ({ ...statementOf(rural), lines, withheld: [], totals: { total: sum(lines.map((l) => l.amount)).toString(), byKind: { commission: sum(lines.map((l) => l.amount)).toString(), deduction: '0', refund: '0', bonus: '0' } } });
  const asEngine = (b: Statement, a: Statement) => {
    const e = compareStatements(b, a);
    return { before: e.before, after: e.after, delta: e.delta, payees: new Map(e.payees.map((p) => [p.payeeId, { before: p.before, after: p.after, delta: p.delta }])), changedLines: e.lines.length };
  };

  it('gives the engine\'s comparison of two settlements', () => {
    const b = statementOf(at('0.02')), a = statementOf(at('0.05'));
    expect(statementDiff(b, a)).toEqual(asEngine(b, a));
  });

  it('counts lines that appear, disappear or change, and keeps exact cents', () => {
    const b = statement([line('P1', '0.10'), line('P1', '0.20', 'b'), line('P2', '-905.38')]);
    const a = statement([line('P1', '0.30'), line('P3', '12'), line('P2', '-905.38')]);
    expect(statementDiff(b, a)).toEqual(asEngine(b, a));
    expect(statementDiff(b, a).payees.get('P1')).toEqual({ before: '0.30', after: '0.30', delta: '0.00' });
    expect(statementDiff(b, a).changedLines).toBe(3);
  });

  it('falls back to the engine for amounts with more than two decimals or beyond safe integers', () => {
    const b = statement([line('P1', '0.125')]), a = statement([line('P1', '0.13')]);
    expect(statementDiff(b, a)).toEqual(asEngine(b, a));
    const huge = statement([line('P1', '90071992547409.93'), line('P1', '90071992547409.93', 'b')]);
    expect(statementDiff(huge, a)).toEqual(asEngine(huge, a));
  });
});
