// 简体中文 from real policies: diagnostics (same place, Chinese words), data errors, condition
// steps, explanations and withheld reasons, shares as percentages and money in yuan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  conditionText, Exact, explainLine, explanationText, formatDiagnostic, loadPolicy, localizeStatement, msg, RatecardError, readDataset, reasonText,
  renderDiagnostic, renderText, settle, unitsOf, type ConditionTrace,
} from '../../../engine/index.js';
import { folderDataset, policyOf, settleScenario } from '../../fixtures/scenario.js';

const RURAL = readFileSync('policies/rural-contract.yaml', 'utf8');
const diagnosticsOf = (text: string) => {
  const loaded = loadPolicy({ file: 'policies/rural-contract.yaml', text });
  if (loaded.ok) throw new Error('expected the policy to fail');
  return loaded.diagnostics;
};

describe('diagnostics in 简体中文', () => {
  it('an unknown name: the same file, line, column and field, the hint kept', () => {
    const [d] = diagnosticsOf(RURAL.replace('amount: base * (min(completion, max_ratio) - 1)', 'amount: base * (min(completion, max_rato) - 1)'));
    expect(d.msg?.code).toBe('compile.unknown-name');
    const en = renderDiagnostic(d, 'en');
    const zh = renderDiagnostic(d, 'zh-CN');
    expect(en).toBe(`policies/rural-contract.yaml:${d.line}:${d.column} rules[2].amount: unknown name \`max_rato\`: not a fact, param, metric or line of this policy; did you mean \`max_ratio\`?`);
    expect(zh).toBe(`policies/rural-contract.yaml:${d.line}:${d.column} rules[2].amount: 未知名称 \`max_rato\`：不是本政策的事实、参数、指标或行；是否想写 \`max_ratio\`？`);
  });

  it('a rate over 1, a schema error and a YAML error', () => {
    const rate = diagnosticsOf(RURAL.replace('    type: rate\n    value: 0.02\n', '    type: rate\n    value: 2\n'));
    expect(rate.map((d) => renderDiagnostic(d, 'zh-CN'))).toEqual([expect.stringMatching(/params\.step_rate\.value: 此处应为0 到 1 之间的比率，实际为 2$/)]);
    const schema = diagnosticsOf(RURAL.replace('    kind: commission\n    description: 代维酬金', '    kind: comission\n    description: 代维酬金'));
    expect(schema.map((d) => renderDiagnostic(d, 'zh-CN')).join('\n')).toContain('rules[0].kind: 此处应为 `commission`、`deduction`、`refund`、`bonus` 之一，实际为 `comission`');
    const yaml = diagnosticsOf(RURAL.replace('rounding: { scale: 2, mode: half-up }', 'rounding: { scale: 2, mode: half-up }\nrounding: { scale: 3 }'));
    expect(yaml.map((d) => renderDiagnostic(d, 'zh-CN')).join('\n')).toMatch(/YAML：映射的键不能重复：`rounding` 已出现在第 \d+ 行/);
  });

  it('a data error names its cell in Chinese', () => {
    const policy = policyOf('rural-contract');
    const facts = readFileSync('data/scenarios/rural-contract/facts.csv', 'utf8').split('\n');
    facts[1] = facts[1].replace(/^([^,]*,[^,]*,)[^,]*/, '$112k');
    const read = readDataset({
      payees: { file: 'payees.csv', text: readFileSync('data/scenarios/rural-contract/payees.csv', 'utf8') },
      facts: { file: 'facts.csv', text: facts.join('\n') },
    }, policy);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics.map((d) => renderDiagnostic(d, 'zh-CN'))).toEqual(['facts.csv:2:13 revenue_plan: 此处应为金额，实际为 `12k`']);
    expect(read.diagnostics.map((d) => renderDiagnostic(d, 'en'))).toEqual(['facts.csv:2:13 revenue_plan: expected an amount of money, got `12k`']);
  });
});

describe('traces and reasons in 简体中文', () => {
  const policy = policyOf('rural-contract');
  const units = unitsOf(policy);
  const statement = settleScenario('rural-contract');

  it('condition steps say 成立 / 不成立, with money in yuan and a compared share as a percentage', () => {
    const line = statement.lines.find((l) => l.payeeId === 'R01' && l.period === '2025-01' && l.line === 'fee_collection')!;
    const texts: string[] = [];
    const walk = (t: ConditionTrace) => { texts.push(conditionText(t, 'zh-CN', { units })); t.children?.forEach(walk); };
    line.trace.conditions.forEach(walk);
    expect(texts).toEqual([
      '以下 2 项任一满足 → 成立',
      'nothing due：fees_due ¥82,630 = ¥0 → 不成立',
      'collection gate：fee_ratio 98.5 % ≥ fee_gate 98 % → 成立',
    ]);
  });

  it('a withheld gate: every failed step, the share as the form shows it, never 0.98', () => {
    const withheld = statement.withheld.find((w) => w.payeeId === 'R01' && w.period === '2025-11' && w.line === 'fee_collection')!;
    expect(withheld.reason).toBe('withheld: nothing due: fees_due 76540 = 0 is not met; collection gate: fee_ratio 0.96 ≥ fee_gate 0.98 is not met');
    const zh = reasonText(withheld, 'zh-CN', { units });
    expect(zh).toBe('未发放：nothing due：fees_due ¥76,540 = ¥0 未满足；collection gate：fee_ratio 96 % ≥ fee_gate 98 % 未满足');
    expect(zh).not.toContain('0.98');
  });

  it('an explanation: the formula with numbers, the amount in yuan, the conditions that held', () => {
    const line = statement.lines.find((l) => l.payeeId === 'R01' && l.period === '2025-01' && l.line === 'over_completion')!;
    expect(explanationText(line, 'zh-CN', { units })).toBe(
      'over_completion = base * (min(completion, max_ratio) - 1) = 5192.5 * (min(1.017, 1.3) - 1) = 88.2725 → ¥88.27；因为 revenue_plan ¥74,700 > ¥0，completion 1.017 ≥ 1');
    const lines = explainLine(line, 'zh-CN', { units }).split('\n');
    expect(lines[0]).toBe('2025-01 R01 rural-contract over_completion（奖励）：¥88.27');
    expect(lines).toContain('       = 88.2725 → ¥88.27（四舍五入到 2 位小数）');
    expect(lines.at(-1)).toBe('取值：revenue_plan=¥74,700，completion=1.017，base=5192.5，max_ratio=130 %');
    const localized = localizeStatement(statement, 'zh-CN', { units });
    expect(localized.lines.length).toBe(statement.lines.length);
    expect(localized.withheld.every((w) => w.reason.startsWith('未发放：'))).toBe(true);
    // the statement itself is left as it was
    expect(statement.withheld.every((w) => w.reason.startsWith('withheld: '))).toBe(true);
  });

  it('a refund explained line by line, worded formulas in Chinese', () => {
    const refund = statement.lines.find((l) => l.line === 'refund' && l.trace.refunds?.length)!;
    const text = explainLine(refund, 'zh-CN', { units });
    expect(text).toContain('公式：Σ 比例 × 各来源季度 under_completion 的扣款（refund_schedule），每季度舍入一次');
    expect(text).toMatch(/返还 \d{4}-Q\d：/);
    expect(text).toContain('= 1 × 265.77 (2025-Q1) → 265.77');
    expect(text).not.toMatch(/\b(formula|rule|refund of|values):/);
  });

  it('a flagged transaction and a lapsed pool, from the private-line and bonus-pool scenarios', () => {
    const privateLine = settleScenario('private-line');
    const flagged = privateLine.withheld.find((w) => w.reasonMessage?.code === 'withheld.flagged')!;
    expect(reasonText(flagged, 'zh-CN')).toMatch(/^交易 `[^`]+` 被标记：.+ 未满足/);
    const bonus = policyOf('bonus-pool');
    const pool = settleScenario('bonus-pool');
    const vetoed = pool.withheld[0];
    expect(reasonText(vetoed, 'zh-CN', { units: unitsOf(bonus) })).toMatch(/^未发放：/);
  });
});

describe('a statement localized whole', () => {
  it('keeps every field of withheld items made when read (gates and flagged transactions), as of the eager items', () => {
    for (const name of ['private-line', 'rural-contract'] as const) {
      const eager = localizeStatement(settleScenario(name, undefined, { detail: 'trace' }), 'zh-CN').withheld;
      for (const detail of ['amounts', 'explanation'] as const) {
        const items = localizeStatement(settleScenario(name, undefined, { detail }), 'zh-CN').withheld;
        expect(items.length).toBe(eager.length);
        expect(items.some((w) => w.reasonMessage?.code === 'withheld.flagged')).toBe(name === 'private-line');
        // the trace is the rule's bare one outside `trace` detail; every other field is the eager item's
        items.forEach((w, i) => expect({ ...w, trace: undefined }).toEqual({ ...eager[i], trace: undefined }));
        expect(items.every((w) => w.trace !== undefined && Object.keys(w).join() === Object.keys(eager[0]).join())).toBe(true);
      }
    }
  });
});

describe('settling a run in 简体中文', () => {
  it('says an allocation that cannot be made, a reversed range and a budget overrun in Chinese, English unchanged', async () => {
    const { allocateLargestRemainder } = await import('../../../engine/settle/allocate.js');
    const { EvaluationError } = await import('../../../engine/compile/values.js');
    const where = msg('settle.group', { group: 'north', rule: 'pool_share', period: '2025-03' });
    let caught: unknown;
    try { allocateLargestRemainder(Exact.of(100), [Exact.ZERO, Exact.ZERO], 2, where); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(EvaluationError);
    const text = (caught as InstanceType<typeof EvaluationError>).text;
    expect(renderText(text, 'en')).toBe('the weights of group `north` of `pool_share` in 2025-03 add up to 0: there is nothing to share the total 100 by');
    expect(renderText(text, 'zh-CN')).toBe('2025-03 `pool_share` 的 `north` 组 的权重之和为 0：无法按权重分配总额 100');
    const policy = policyOf('rural-contract');
    const data = folderDataset(policy, 'data/scenarios/rural-contract');
    for (const [options, zh] of [
      [{ from: '2025-05', to: '2025-02' }, '(options):1:1 from: 账期范围的起点 2025-05 晚于终点 2025-02'],
      [{ budget: 10 }, /^\(options\):1:1 budget: 本次结算需要 [\d,]+ 次规则计算（\d+ 个收款方 × 12 个月 × 8 条规则），超过预算 10：请减少收款方或月份，或提高预算$/],
    ] as const) {
      let refused: unknown;
      try { settle(policy, data, options); } catch (e) { refused = e; }
      expect(refused).toBeInstanceOf(RatecardError);
      const d = (refused as RatecardError).diagnostics[0];
      expect(renderDiagnostic(d, 'zh-CN')).toMatch(zh);
      expect(formatDiagnostic(d)).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
