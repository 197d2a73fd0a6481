// `ratecard explain --lang zh-CN`: the same explanation in 简体中文, shares as percentages and
// amounts in yuan as the form shows them.
import { describe, expect, it } from 'vitest';
import { runCli, settleArgs } from '../fixtures/run-cli.js';

const explainArgs = (name: string, ...rest: string[]) => ['explain', ...settleArgs(name).slice(1), ...rest];

describe('ratecard explain in a language', () => {
  it('explains a withheld line in 简体中文', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R01', '--period', '2025-11', '--line', 'fee_collection', '--lang', 'zh-CN'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`2025-11 R01 rural-contract fee_collection（佣金）：0（未发放：nothing due：fees_due ¥76,540 = ¥0 未满足；collection gate：fee_ratio 96 % ≥ fee_gate 98 % 未满足；本应为 ¥734.78）
规则 \`fee_collection\`，位于 policies/rural-contract.yaml:107 — fee-collection commission, behind the collection gate
条件：
  ✗ 以下 2 项任一满足 → 不成立
    ✗ nothing due：fees_due ¥76,540 = ¥0 → 不成立
    ✗ collection gate：fee_ratio 96 % ≥ fee_gate 98 % → 不成立
公式：fee_rate * fees_collected
       = 0.01 * 73478.4
       = 734.784
取值：fees_due=¥76,540，fee_ratio=0.96，fee_gate=98 %，fee_rate=1 %，fees_collected=¥73,478.4
`);
  });

  it('says there is nothing to explain in Chinese, by LANG', async () => {
    const run = await runCli(explainArgs('rural-contract', '--payee', 'R01', '--period', '2025-01', '--line', 'no_such_line'), { LANG: 'zh_CN.UTF-8' });
    expect(run).toEqual({ code: 0, stdout: '收款方 `R01` 在 2025-01 的 `no_such_line` 没有结算行\n', stderr: '' });
  });
});
