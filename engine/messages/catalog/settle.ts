// Messages of settling a whole run: population values and allocations, versions of a policy,
// the range and the request budget.
import { entry } from '../message.js';

export const settleMessages = {
  'settle.group': entry(
    (p: { group: string; rule: string; period: string }) => `${p.group ? `group \`${p.group}\` of ` : ''}\`${p.rule}\` in ${p.period}`,
    (p) => `${p.period} \`${p.rule}\`${p.group ? ` 的 \`${p.group}\` 组` : ''}`),
  'settle.population-failed': entry(
    (p: { detail: string }) => `cannot compute population values: ${p.detail}`,
    (p) => `无法计算全体收款方的汇总值：${p.detail}`),
  'settle.total-differs': entry(
    (p: { where: string; a: string; b: string }) => `the total of ${p.where} differs between its payees (${p.a} and ${p.b}): it must be the same for a whole group`,
    (p) => `${p.where} 的总额在收款方之间不同（${p.a} 与 ${p.b}）：同一组的总额必须相同`),
  'settle.negative-total': entry(
    (p: { where: string; total: string }) => `the total of ${p.where} is ${p.total}: only a total of 0 or more can be shared`,
    (p) => `${p.where} 的总额为 ${p.total}：只有大于或等于 0 的总额才能分配`),
  'settle.negative-weight': entry(
    (p: { where: string }) => `a weight of ${p.where} is below 0: weights must be 0 or more`,
    (p) => `${p.where} 有小于 0 的权重：权重必须大于或等于 0`),
  'settle.zero-weights': entry(
    (p: { where: string; total: string }) => `the weights of ${p.where} add up to 0: there is nothing to share the total ${p.total} by`,
    (p) => `${p.where} 的权重之和为 0：无法按权重分配总额 ${p.total}`),
  'settle.version-ids': entry(
    (p: { ids: string }) => `versions of one policy must share its id, got ${p.ids}`,
    (p) => `同一政策的各版本必须使用同一个 id，实际为 ${p.ids}`),
  'settle.version-effective': entry(
    () => 'every version but the first needs `effective: {from: YYYY-MM}`: the month it comes into force',
    () => '除第一个版本外，每个版本都需要 `effective: {from: YYYY-MM}`：即它的生效账期'),
  'settle.range-reversed': entry(
    (p: { from: string; to: string }) => `the range starts at ${p.from}, after its end ${p.to}`,
    (p) => `账期范围的起点 ${p.from} 晚于终点 ${p.to}`),
  'settle.no-facts': entry(
    () => 'no facts for any payee the policy applies to: nothing to settle',
    () => '政策适用的收款方都没有考核数据：没有可结算的内容'),
  'settle.over-budget': entry(
    (p: { cost: string; payees: string; months: string; rules: string; transactions: string; budget: string }) =>
      `this run would take ${p.cost} rule evaluations (${p.payees} payees × ${p.months} months × ${p.rules} rules${p.transactions ? `, ${p.transactions} transactions` : ''}), over its budget of ${p.budget}: settle fewer payees or months, or raise the budget`,
    (p) => `本次结算需要 ${p.cost} 次规则计算（${p.payees} 个收款方 × ${p.months} 个月 × ${p.rules} 条规则${p.transactions ? `，${p.transactions} 笔交易` : ''}），超过预算 ${p.budget}：请减少收款方或月份，或提高预算`),
};
