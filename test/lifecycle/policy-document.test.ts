// The policy document (政策文件): `ratecard document POLICY` writes the policy in Chinese as HTML,
// with the parameters' current values, tier tables and refund schedules, rules in words, and the
// policy's passing test cases as worked examples computed by the engine.
import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../fixtures/run-cli.js';

/** The page's text: tags become spaces. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  .replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('ratecard document', () => {
  it('writes the rural policy with its current values, schedule, rules in words and worked examples', async () => {
    const { code, stdout } = await runCli(['document', 'policies/rural-contract.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(stdout).toContain('<tr><td>step_rate（阶梯扣减比例）</td><td>比率</td><td>2%</td>');
    expect(stdout).toContain('<tr><td>maintenance_price（代维单价）</td><td>金额（元）</td><td>1.50 元</td><td>元/线</td>');
    expect(stdout).toContain('<thead><tr><th>检查月</th><th>返还 Q1</th><th>返还 Q2</th><th>返还 Q3</th><th>返还 Q4</th></tr></thead><tbody><tr><td>3 月</td><td>100%</td><td>—</td><td>—</td><td>—</td></tr><tr><td>6 月</td><td>80%</td><td>100%</td><td>—</td><td>—</td></tr>');
    const text = words(stdout);
    expect(text).toContain('适用于渠道类型为 rural_contract 的收款方');
    expect(text).toContain('4. 完成不足扣款（under_completion） 类型 扣减（从应付中扣减） 计发时间 每月 适用条件 同时满足（revenue_plan 大于 0；completion 小于 1） 金额 1 - completion 每满 step（1%） 扣 base 的 step_rate（2%），最多扣 base 的 max_deduction（30%）（不足一档不扣）');
    expect(text).toContain('发放条件 满足其一（nothing due：fees_due 等于 0；collection gate：fee_ratio 大于等于 fee_gate（98%））');
    expect(text).toContain('7. 扣款返还（refund） 类型 返还 计发时间 每季末月（3、6、9、12 月）');
    expect(stdout.match(/<div class="example">/g)).toHaveLength(8);
    expect(text).toContain('示例 7：检查点达标返还已扣金额，每季度只返还一次 一季度扣 12.00 + 3.00，3 月累计 3045 ≥ 3000');
    expect(text).toContain('2025-09 R01 refund 返还 24.00 返还 2025-Q2 扣减 30.00 的 80% = 24.00（对应 2025-04 under_completion -30.00）');
    expect(text).toContain('本例调整参数： { step_rate: 0.03 }');
  });

  it('shows tier tables and per-operator rates', async () => {
    const { stdout } = await runCli(['document', 'policies/postal-agency.yaml']);
    expect(stdout).toContain('<thead><tr><th>下限（含）</th><th>award</th></tr></thead><tbody><tr><td>1.2 倍</td><td>3500.00 元</td></tr><tr><td>1.1 倍</td><td>2000.00 元</td></tr><tr><td>1 倍</td><td>1000.00 元</td></tr></tbody>');
    expect(stdout).toContain('<td>mobile 2.5%、unicom 3%、telecom 3.5%</td>');
    expect(words(stdout)).toContain('以 offset_completion 查 competition_tiers 档位表，按达到的最高档，发放该档的 award；低于最低档不发');
    expect(words(stdout)).toContain('金额 card_rate.mobile（2.5%） * card_sales_mobile + card_rate.unicom（3%） * card_sales_unicom + card_rate.telecom（3.5%） * card_sales_telecom');
  });

  it('shows the values in force with --params, without examples', async () => {
    const dir = scratch('ratecard-doc-');
    const params = dir.write('o.yaml', 'step_rate: 0.03\n');
    const out = dir.path('rural.html');
    const { code, stderr } = await runCli(['document', 'policies/rural-contract.yaml', '--params', params, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe(`rural-contract v1 → ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<tr><td>step_rate（阶梯扣减比例）</td><td>比率</td><td>3%</td>');
    expect(html).not.toContain('计算示例');
  });

  it('leaves a failing case out of the examples and says so', async () => {
    const dir = scratch('ratecard-doc-');
    copyFileSync('policies/service-center.yaml', dir.path('service-center.yaml'));
    dir.write('service-center.test.yaml', readFileSync('policies/service-center.test.yaml', 'utf8').replace('amount: 3703.70', 'amount: 3703.71'));
    const { code, stdout, stderr } = await runCli(['document', dir.path('service-center.yaml')]);
    expect(code).toBe(0);
    expect(stderr).toBe(`${dir.path('service-center.test.yaml')}:${readFileSync('policies/service-center.test.yaml', 'utf8').split('\n').findIndex((l) => l.includes('name: project commission')) + 1}:5 cases: case \`project commission every month\` fails: left out of the worked examples\n`);
    expect(stdout.match(/<div class="example">/g)).toHaveLength(3);
  });

  it('reports a bad policy with its location', async () => {
    const dir = scratch('ratecard-doc-');
    const bad = dir.write('bad.yaml', 'id: bad\n');
    const { code, stderr } = await runCli(['document', bad]);
    expect(stderr).toContain(`${bad}:1:1`);
    expect(code).toBe(1);
  });
});

describe('zh-CN labels', () => {
  it('names the policy, its facts, parameters and rules by their 简体中文 labels when the policy has them', async () => {
    const { loadPolicy } = await import('../../engine/index.js');
    const { policyDocumentHtml } = await import('../../cli/formats/policy-document.js');
    const { payeeStatements } = await import('../../cli/formats/payee-statement.js');
    // the bundled policy without its labels, then labelled here
    const text = readFileSync('policies/rural-contract.yaml', 'utf8')
      .replace(/^labels:\n  zh-CN: .*\n/m, '').replace(/, labels: \{ zh-CN: \{[^}]*\} \}/g, '').replace(/^ *labels: \{ zh-CN: \{[^}]*\} \}\n/gm, '');
    const loaded = loadPolicy({ file: 'rural-contract.yaml', text });
    if (!loaded.ok) throw new Error('policy');
    // the labels as the policy language writes them (`labels: {zh-CN: {title, description, unit}}`)
    const labelled = text
      .replace('version: 1\n', 'version: 1\nlabels: { zh-CN: { title: 农村统包点酬金政策, description: 代维与发展酬金、完成率扣减与返还。 } }\n')
      .replace('  billed_lines: { type: count, description: lines billed in the point\'s area }', '  billed_lines: { type: count, description: lines billed in the point\'s area, labels: { zh-CN: { title: 计费户数, unit: 户 } } }')
      .replace('    description: 代维酬金\n', '    description: 代维酬金\n    labels: { zh-CN: { title: 代维酬金, description: 按计费户数计发 } }\n');
    const policy = { ...loaded.policy, source: { file: 'rural-contract.yaml', text: labelled } };
    const html = words(policyDocumentHtml({ policy }));
    expect(html).toContain('农村统包点酬金政策 政策编号 rural-contract ，第 1 版。代维与发展酬金、完成率扣减与返还。');
    expect(html).toContain('billed_lines（计费户数） 数量 lines billed in the point\'s area；户');
    expect(html).toContain('1. 代维酬金（maintenance） 说明 按计费户数计发 类型 酬金 计发时间 每月 金额 billed_lines × maintenance_price（1.50 元）');
    const line = { id: 'rural-contract/R01/2025-01/maintenance', period: '2025-01', payeeId: 'R01', policy: 'rural-contract', line: 'maintenance', kind: 'commission' as const, amount: '150.00', explanation: '', trace: undefined as never };
    expect(payeeStatements({ policy, payees: [], lines: [line] })[0].lines[0].description).toBe('代维酬金');
  });
});

describe('amounts in words', () => {
  it('names every primitive with the current values of its parameters', async () => {
    const { amountZh } = await import('../../cli/formats/policy-words.js');
    const rate = { name: 'pool_rate', type: 'rate' as const, value: '0.02', location: { file: 'p.yaml', line: 1, column: 1 } };
    const params = new Map([[rate.name, rate]]);
    expect(amountZh('pool_rate * revenue', params)).toBe('pool_rate（2%） * revenue');
    expect(amountZh({ percent_of: { rate: 'pool_rate', base: 'revenue' } }, params)).toBe('revenue × pool_rate（2%）');
    expect(amountZh({ allocate: { total: 'team_pool', weight: 'score', by: 'team' } }, params))
      .toBe('将 team_pool 按 score 的比例分给同一 team 的各收款方（最大余额法：先按分向下取整，余下的分按余数从大到小每人一分，余数相同按收款方编号），各份合计恰为总额');
    expect(amountZh({ clawback: { of: 'instalment', event: 'churned_in', within: 'clawback_months' } }, params)).toBe('churned_in 发生在 clawback_months 个月内的，于发生当月追扣此前已发放的 instalment');
    expect(amountZh({ something_new: { x: 1 } }, params)).toBe('`{"something_new":{"x":1}}`');
  });
});
