// Over many payees the preview worker keeps only the first half's facts (the helper holds the
// second's): the dataset read so equals the whole read but for the other facts, and whatever
// needs every payee still answers exactly as a preview holding them all: population values
// over all payees (ranks, sums and allocations by team, in two rounds) from both halves' keys,
// a payee of either half traced, a what-if, the saved version settled for the impact, the export.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy, readDataset } from '../../../engine/index.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';
import { impactOf } from '../../../editor/src/worker/payee-columns.js';
import { PreviewEngine } from '../../../editor/src/worker/preview-engine.js';
import type { SourceTables } from '../../../editor/src/worker/table-bytes.js';
import { readInChunks } from '../../../editor/src/worker/read-in-chunks.js';
import { generateRuralDataset } from '../e2e/generate-dataset.js';
import { helperOf } from './helper-in-thread.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const scenario = (name: string): SourceTables => {
  const t = (table: string) => ({ file: `${name}/${table}.csv`, text: read(`data/scenarios/${name}/${table}.csv`) });
  return { id: name, payees: t('payees'), facts: t('facts') };
};
const generated = (payees: number): SourceTables => {
  const d = generateRuralDataset(payees, 12);
  return { id: 'generated', payees: { file: 'payees.csv', text: d.payees }, facts: { file: 'facts.csv', text: d.facts } };
};

/** A policy's scenario, and a parameter edit that changes amounts (the saved text is `text`). */
const CASES: { name: string; tables: () => SourceTables; param: string; value: string }[] = [
  { name: 'bonus-pool', tables: () => scenario('bonus-pool'), param: 'pool_rate', value: '0.07' },
  { name: 'rural-contract', tables: () => generated(300), param: 'step_rate', value: '0.03' },
];

describe('the preview worker holding the first half of the facts', () => {
  it('reads every payee, its values and the months as the whole read does, and the facts of the payees before the cut only', () => {
    const tables = generated(450);
    const loaded = loadPolicy({ file: 'p.yaml', text: read('policies/rural-contract.yaml') });
    if (!loaded.ok) throw new Error('the policy does not load');
    const whole = readDataset(tables, loaded.policy);
    if (!whole.ok) throw new Error('the dataset does not read');
    const half = readInChunks(tables, loaded.policy, 0, (n) => Math.floor(n / 2) + 1);
    expect(half).toBeDefined();
    const { facts, ...rest } = half!;
    const { facts: all, ...wholeRest } = whole.dataset;
    expect(rest).toEqual(wholeRest);
    const kept = whole.dataset.payees.slice(0, 226).map((p) => p.payeeId).filter((id) => all.has(id));
    expect([...facts.keys()]).toEqual(kept);
    for (const id of kept) expect(facts.get(id)).toEqual(all.get(id));
  });

  for (const c of CASES) {
    it(`${c.name}: runs, traces of both halves, a what-if, the impact against another saved text and the export equal those of a preview holding every fact`, async () => {
      const saved = read(`policies/${c.name}.yaml`);
      expect(saved).toContain(`${c.param}:`);
      const edited = setYamlValue(saved, ['params', c.param, 'value'], c.value);
      const tables = c.tables();
      const whole = new PreviewEngine();
      whole.setDataset(tables);
      const halves = new PreviewEngine(2);
      halves.setDataset(tables);
      const helper = helperOf(tables, halves, saved);

      // the edited text against the saved one: the saved version is settled for the impact, in halves
      const policy = whole.check(1, 'p.yaml', edited).policy!;
      const expected = whole.run(1, policy, {});
      expect(await halves.runInHalves(1, halves.check(1, 'p.yaml', edited).policy!, {}, helper)).toEqual({ ...expected, computeMs: expect.any(Number) });
      expect(halves.factsHeld).toBeGreaterThan(0);
      expect(halves.factsHeld).toBeLessThanOrEqual(Math.ceil(whole.factsHeld / 2));
      const impact = (m: { impact?: Parameters<typeof impactOf>[0] }) => impactOf(m.impact!);
      const wholeImpact = whole.impact(1, 'p.yaml', saved);
      const halvesImpact = await halves.impactInHalves(1, 'p.yaml', saved, helper);
      expect(halvesImpact.impact).toBeDefined();
      expect(impact(halvesImpact)).toEqual(impact(wholeImpact));
      expect(impact(halvesImpact).changedLines).toBeGreaterThan(0);

      // every covered payee traced, those of the second half read alone; a what-if on the last one
      const covered = (whole as unknown as { last: { dataset: { covered: { payeeId: string }[] } } }).last.dataset.covered.map((p) => p.payeeId);
      const sample = covered.length > 20 ? [...covered.slice(0, 5), ...covered.slice(-5)] : covered;
      for (const id of sample) expect(await halves.traceInHalves(2, id, [], helper)).toEqual(whole.trace(2, id));
      const last = whole.trace(3, covered.at(-1)!);
      const [period, facts] = Object.entries(last.facts!)[0];
      const [fact, value] = Object.entries(facts).find(([, v]) => /^\d+(\.\d+)?$/.test(v))!;
      const overrides = [{ period, fact, value: String(Number(value) * 2) }];
      const whatIf = await halves.traceInHalves(4, covered.at(-1)!, overrides, helper);
      expect(whatIf).toEqual(whole.trace(4, covered.at(-1)!, overrides));
      expect(whatIf.lines.length).toBeGreaterThan(0);

      expect(halves.statementRows()).toEqual(whole.statementRows());
      // population values were combined from both halves' keys (bonus-pool: team sums, then allocations)
      if (c.name === 'bonus-pool') expect(helper.asked.keys).toBeGreaterThanOrEqual(2);
    });
  }
});
