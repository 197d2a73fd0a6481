// The preview's incremental runs equal full settles: random parameter edits (a fixed seed) of
// every bundled policy over its scenario, and of the rural policy over 2,100 generated payees
// (several slices, in two halves), each checked against the engine settling every rule of the edited text:
// totals, every payee's totals by kind, and the impact against the saved text (totals, payees in
// order, gainers, losers, changed lines). Also checks that edits did settle fewer rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, loadPolicy, type ParamValue } from '../../../engine/index.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { PartEngine } from '../../../editor/src/worker/part-engine.js';
import { impactOf, summaryOf } from '../../../editor/src/worker/payee-columns.js';
import type { PartHelper } from '../../../editor/src/worker/population-in-halves.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { mulberry32, type Random } from '../../../bench/prng.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';
import { helperOf } from './helper-in-thread.js';
import { fullStatement, oracleImpact, oraclePayeeTotals } from './preview-oracle.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const scenario = (name: string, transactions = false): SourceTables => {
  const t = (table: string) => ({ file: `${name}/${table}.csv`, text: read(`data/scenarios/${name}/${table}.csv`) });
  return { id: name, payees: t('payees'), facts: t('facts'), ...(transactions ? { transactions: t('transactions') } : {}) };
};

type Path = (string | number)[];
/** Every decimal in a parameter's value, with its path under `params.NAME.value`. */
function leaves(value: ParamValue, path: Path): [Path, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, /^\d+$/.test(k) ? Number(k) : k]));
}

/** The text with one decimal of one parameter scaled by k/8 (k from 0 to 16): a loading text, or undefined. */
function randomEdit(text: string, random: Random): string | undefined {
  const loaded = loadPolicy({ file: 'policy.yaml', text });
  if (!loaded.ok) throw new Error('the start text does not load');
  const all = loaded.policy.params.flatMap((p) => leaves(p.value, ['params', p.name, 'value']).map(([path, v]) => ({ path, v, type: p.type })));
  const { path, v, type } = all[Math.floor(random() * all.length)];
  if (!/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  const scaled = Exact.parse(v).mul(Exact.of(Math.floor(random() * 17))).div(Exact.of(8));
  const integral = type === 'count' || type === 'integer' || (typeof path[path.length - 1] === 'string' && /min|max|months|parts/.test(String(path[path.length - 1])) && !v.includes('.'));
  const next = scaled.toFixed(integral ? 0 : 4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const edited = setYamlValue(text, path, next);
  return loadPolicy({ file: 'policy.yaml', text: edited }).ok ? edited : undefined;
}

/** Over this many payees and more, the engines of these tests keep only the first half's facts and settle in halves (every scenario). */
const HALVES = 2;

async function checkEdits(saved: string, tables: SourceTables, edits: number, seed: number, inHalves = false) {
  const engine = new PreviewEngine(inHalves ? HALVES : undefined);
  engine.setDataset(tables);
  const helper = inHalves ? helperOf(tables, engine, saved) : undefined;
  const random = mulberry32(seed);
  const savedStatement = fullStatement(saved, tables);
  let text = saved, fewer = 0, checked = 0;
  for (let e = 0; e < edits; e++) {
    const next = randomEdit(text, random);
    if (next === undefined) continue;
    text = next;
    const { policy } = engine.check(e, 'policy.yaml', text);
    const result = helper ? await engine.runInHalves(e, policy!, {}, helper) : engine.run(e, policy!, {});
    if (!result.ok) throw new Error(`the preview failed: ${result.diagnostics[0]?.message}`);
    if (engine.lastSettled.rules < engine.lastSettled.of) fewer++;
    const expected = fullStatement(text, tables);
    expect(result.summary.totals).toEqual(expected.totals);
    expect(result.summary.lineCount).toBe(expected.lines.length);
    expect(result.summary.withheldCount).toBe(expected.withheld.length);
    const withLines = new Set(expected.lines.map((l) => l.payeeId));
    expect(summaryOf(result.summary).payees.filter((p) => withLines.has(p.payeeId)).map(({ name: _n, ...p }) => p)).toEqual(oraclePayeeTotals(expected));
    const answer = helper ? await engine.impactInHalves(e, 'policy.yaml', saved, helper) : engine.impact(e, 'policy.yaml', saved);
    const { columns: _c, list: _l, ...impact } = impactOf(answer.impact!); // as the page reads it
    expect(impact).toEqual(oracleImpact(savedStatement, expected));
    checked++;
  }
  return { fewer, checked };
}

const POLICIES: [string, boolean][] = [
  ['rural-contract', false], ['piece-rate', false], ['postal-agency', false], ['service-center', false],
  ['bonus-pool', false], ['private-line', true], ['instalments', true],
];

describe('the incremental preview equals full settles', { timeout: 240_000 }, () => {
  for (const [name, transactions] of POLICIES) {
    it(`${name}: 14 random parameter edits, each against a full settle and compareStatements`, async () => {
      const { checked } = await checkEdits(read(`policies/${name}.yaml`), scenario(name, transactions), 14, name.length * 7919);
      expect(checked).toBeGreaterThan(5);
    });
    it(`${name}: 6 random edits settled in two halves (the second by a helper), population values over all payees`, async () => {
      const { checked } = await checkEdits(read(`policies/${name}.yaml`), scenario(name, transactions), 6, name.length * 104729, true);
      expect(checked).toBeGreaterThan(1);
    });
  }

  it('rural-contract over 2,100 generated payees × 12 months (several slices): edits settle fewer rules and equal full settles, in halves', async () => {
    const big = generateRuralDataset(2_100, 12);
    const tables: SourceTables = { id: 'generated', payees: { file: 'payees.csv', text: big.payees }, facts: { file: 'facts.csv', text: big.facts } };
    const { fewer, checked } = await checkEdits(read('policies/rural-contract.yaml'), tables, 3, 42, true);
    expect(checked).toBeGreaterThan(1);
    expect(fewer).toBeGreaterThan(0);
  });

  it('a run in halves given up for a newer edit answers nothing and keeps nothing; the helper gives up too', async () => {
    const big = generateRuralDataset(2_100, 12);
    const tables: SourceTables = { id: 'generated', payees: { file: 'payees.csv', text: big.payees }, facts: { file: 'facts.csv', text: big.facts } };
    const saved = read('policies/rural-contract.yaml');
    const engine = new PreviewEngine(HALVES);
    engine.setDataset(tables);
    const helper = helperOf(tables, engine, saved);
    const first = await engine.runInHalves(1, engine.check(1, 'p.yaml', saved).policy!, {}, helper);
    expect(first.ok).toBe(true);
    const edited = setYamlValue(saved, ['params', 'step_rate', 'value'], '0.03');
    const given = await engine.runInHalves(2, engine.check(2, 'p.yaml', edited).policy!, {}, helper, () => true);
    expect(given).toEqual({ type: 'result', seq: 2, ok: false, diagnostics: [], computeMs: 0 });
    // the last run is still the saved text's: the edit again settles 4 rules and equals a full settle
    const again = await engine.runInHalves(3, engine.check(3, 'p.yaml', edited).policy!, {}, helper);
    expect(engine.lastSettled).toEqual({ rules: 4, of: 8 });
    if (!again.ok) throw new Error('the preview failed');
    expect(again.summary.totals).toEqual(fullStatement(edited, tables).totals);
    const part = new PartEngine();
    part.setTables(tables, 1_050);
    expect(await part.settle({ file: 'p.yaml', text: edited, layout: '', options: { from: '2025-01', to: '2025-12' } }, () => true)).toEqual({ ok: false, diagnostics: [] });
  });

  it('step_rate reaches only the deduction and its refund (and the rules they read); a comment edit settles nothing', () => {
    const saved = read('policies/rural-contract.yaml');
    const engine = new PreviewEngine();
    engine.setDataset(scenario('rural-contract'));
    engine.run(1, engine.check(1, 'p.yaml', saved).policy!, {});
    engine.run(2, engine.check(2, 'p.yaml', setYamlValue(saved, ['params', 'step_rate', 'value'], '0.03')).policy!, {});
    expect(engine.lastSettled).toEqual({ rules: 4, of: 8 }); // maintenance and development feed `base`
    engine.run(3, engine.check(3, 'p.yaml', `# a comment\n${setYamlValue(saved, ['params', 'step_rate', 'value'], '0.03')}`).policy!, {});
    expect(engine.lastSettled).toEqual({ rules: 0, of: 8 });
  });

  it('in halves, a helper that fails leaves the run to this thread, and a data problem in the second half is reported as a whole settle reports it', async () => {
    const text = read('policies/rural-contract.yaml');
    const tables = scenario('rural-contract');
    const stopped = async () => ({ ok: false as const, diagnostics: [{ file: '(preview)', line: 1, column: 1, severity: 'error' as const, field: '', code: 'internal', message: 'the preview\'s helper failed: it stopped' }] });
    const failing: PartHelper = { settle: stopped, keys: stopped };
    const alone = new PreviewEngine();
    alone.setDataset(tables);
    const halves = new PreviewEngine(HALVES);
    halves.setDataset(tables);
    const policy = alone.check(1, 'p.yaml', text).policy!;
    expect(await halves.runInHalves(1, policy, {}, failing)).toEqual({ ...alone.run(1, policy, {}), computeMs: expect.any(Number) });

    const facts = (tables.facts as { text: string }).text.split('\n').filter((l) => !l.startsWith('2025-03,R06,')).join('\n');
    const gap: SourceTables = { ...tables, id: 'gap', facts: { file: tables.facts.file, text: facts } };
    const one = new PreviewEngine();
    one.setDataset(gap);
    const two = new PreviewEngine(HALVES);
    two.setDataset(gap);
    const whole = one.run(2, policy, {});
    expect(whole.ok).toBe(false);
    expect(await two.runInHalves(2, policy, {}, helperOf(gap, two, text))).toEqual({ ...whole, computeMs: expect.any(Number) });
  });
});
